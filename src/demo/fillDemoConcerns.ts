import { answerConsultation } from '../concerns/commands/answerConsultation.ts';
import { openConsultation } from '../concerns/commands/openConsultation.ts';
import { recordConcerns } from '../concerns/commands/recordConcerns.ts';
import { setItemTopics } from '../concerns/commands/setItemTopics.ts';
import { listWorkItems } from '../governance/queries.ts';
import { loadActor } from '../members/repository.ts';
import { operatorActor } from '../platform/actor.ts';
import type { Clock } from '../platform/clock.ts';
import { runCommand } from '../platform/commands.ts';
import type { Db } from '../platform/db/database.ts';

const day = 24 * 3600 * 1000;

/**
 * Reciprocal access as a sponsor would find it: three sponsors' concerns, the FIPS item tagged
 * `crypto`, one consultation on it (mailed by the dispatcher once the server runs), and one
 * sponsor's answer. The third sponsor is on silver, which has no reciprocal access: its concerns
 * are kept, but it is never consulted (the gold sponsor's `lts` is what the planned deprecation
 * consults). Through the same commands as real use.
 */
export async function fillDemoConcerns(
  db: Db,
  publicUrl: string,
  coopId: string,
  ids: { orgIds: string[]; repIds: string[] },
  clock: Clock,
) {
  const operator = { db, publicUrl, clock, actor: operatorActor(coopId) };
  const concerns = [
    {
      topics: ['crypto', 'fips'],
      systems: 'RHEL 9 in FIPS mode',
      constraints: 'No change to the default ciphers without 60 days’ notice',
    },
    {
      topics: ['crypto', 'arm64', 'lts'],
      systems: 'Graviton build farm',
      constraints: 'Quarterly release train',
    },
    {
      topics: ['lts', 'packaging'],
      systems: 'Debian stable packages',
      constraints: 'Security fixes only on 4.x',
    },
  ];
  for (const [i, c] of concerns.entries())
    await runCommand(recordConcerns, { organizationId: ids.orgIds[i]!, ...c }, operator);
  const items = await listWorkItems(db, coopId, undefined);
  const fips = items.find((i) => i.title === 'FIPS-validated crypto mode');
  if (!fips) return;
  await runCommand(
    setItemTopics,
    { subjectKind: 'work-item', subjectId: fips.id, topics: ['crypto'] },
    operator,
  );
  const consultation = await runCommand(
    openConsultation,
    {
      subjectKind: 'work-item',
      subjectId: fips.id,
      whatChanges:
        'A FIPS mode that refuses non-approved algorithms; the default build keeps today’s ciphers.',
      answerBy: new Date(clock.now().getTime() + 14 * day).toISOString().slice(0, 10),
    },
    operator,
  );
  for (const repId of ids.repIds) {
    const actor = await loadActor(db, coopId, repId, clock.today());
    if (!actor || actor.membership?.organizationId !== ids.orgIds[0]) continue;
    await runCommand(
      answerConsultation,
      {
        consultationId: consultation.id,
        kind: 'comment',
        comment: 'Please keep the FIPS switch at start-up, not per connection.',
      },
      { db, publicUrl, clock, actor },
    );
    break;
  }
}
