import { loadActor } from '../members/repository.ts';
import { manualClock, type Clock } from '../platform/clock.ts';
import { runCommand } from '../platform/commands.ts';
import type { Db } from '../platform/db/database.ts';
import { markWaitingOnSponsor, resolveRequest } from '../requests/commands/changeRequestStatus.ts';
import { openRequest } from '../requests/commands/openRequest.ts';
import { replyToRequest } from '../requests/commands/replyToRequest.ts';

/**
 * Three sponsors' requests: one answered, one waiting on the sponsor, one resolved; and a
 * critical incident two days ago answered a day late, whose breached first response proposes
 * the platinum agreement's service credit for officers to confirm (once the dispatcher has
 * followed the events: the clock starts at the request's moment, its deadline long past).
 */
export async function fillDemoRequests(
  db: Db,
  publicUrl: string,
  coopId: string,
  ids: { hackerIds: string[]; repIds: string[] },
  clock: Clock,
) {
  const today = clock.today();
  const as = async (personId: string) => ({
    db,
    publicUrl,
    clock,
    actor: (await loadActor(db, coopId, personId, today))!,
  });
  const hacker = await as(ids.hackerIds[0]!);
  const asked = [
    {
      subject: 'Connection pool exhausted under load',
      details: 'Since the 4.2 upgrade our API nodes run out of pooled connections at ~800 rps.',
      severity: 'high' as const,
      answer: 'The idle timeout changed in 4.2: set `idleTimeoutMillis` back to 30000.',
      minutes: 75,
    },
    {
      subject: 'Which TLS versions does 4.x support?',
      details: 'Our auditors ask whether TLS 1.0 can be switched off entirely.',
      severity: 'normal' as const,
      answer: 'It can; please tell us which clients you still run so we can check them.',
      minutes: 30,
    },
    {
      subject: 'Crash on start with an empty config file',
      details: 'An empty `config.toml` crashes the daemon instead of using defaults.',
      severity: 'low' as const,
      answer: 'Confirmed and fixed in 4.2.3; an empty file now means defaults.',
      minutes: 45,
    },
  ];
  for (const [i, request] of asked.entries()) {
    const repId = ids.repIds[i];
    if (!repId) break;
    const rep = await as(repId);
    const { id } = await runCommand(
      openRequest,
      {
        subject: request.subject,
        details: request.details,
        severity: request.severity,
        organizationId: rep.actor.membership!.organizationId!,
      },
      rep,
    );
    await runCommand(
      replyToRequest,
      { requestId: id, body: request.answer, minutesSpent: request.minutes },
      hacker,
    );
    if (i === 1)
      await runCommand(
        markWaitingOnSponsor,
        { requestId: id, reason: 'We need the list of clients still on TLS 1.0.' },
        hacker,
      );
    if (i === 2)
      await runCommand(resolveRequest, { requestId: id, note: 'Fixed in 4.2.3.' }, hacker);
  }
  const platinumRep = ids.repIds[0];
  if (!platinumRep) return;
  const twoDaysAgo = new Date(clock.now().getTime() - 2 * 86_400_000);
  const then = (at: Date) => ({ clock: manualClock(at) });
  const { id: incident } = await runCommand(
    openRequest,
    {
      subject: 'Replication stalled after failover',
      details:
        'After tonight’s failover the replica stopped applying changes; writes are piling up.',
      severity: 'critical',
      organizationId: (await as(platinumRep)).actor.membership!.organizationId!,
    },
    { ...(await as(platinumRep)), ...then(twoDaysAgo) },
  );
  await runCommand(
    replyToRequest,
    {
      requestId: incident,
      body: 'The replication slot was dropped by the failover script; recreate it with the steps attached.',
      minutesSpent: 90,
    },
    { ...hacker, ...then(new Date(twoDaysAgo.getTime() + 86_400_000)) },
  );
}
