import { sql } from 'drizzle-orm';
import { systemActor } from '../platform/actor.ts';
import { systemClock } from '../platform/clock.ts';
import { runCommand } from '../platform/commands.ts';
import type { Db } from '../platform/db/database.ts';
import { dayOf } from '../platform/dates.ts';
import { queryRows } from '../platform/db/rows.ts';
import { enqueueJob, type JobHandler } from '../platform/jobs.ts';
import { prepareDueDigests } from './commands/prepareDueDigests.ts';

export const sponsorDigestsJobKind = 'digests.prepare-due';
const dedupeKey = (day: string) => `sponsor-digests:${day}`;

export function sponsorDigestJobHandlers(publicUrl: string): Record<string, JobHandler> {
  return {
    [sponsorDigestsJobKind]: async (db, job) => {
      // The run judges the day it was scheduled for, however late the worker reaches it.
      const day = String(job.payload.day ?? dayOf(systemClock.now()));
      await runCommand(
        prepareDueDigests,
        {},
        {
          db,
          actor: systemActor(job.coop_id),
          publicUrl,
          clock: { now: () => systemClock.now(), today: () => day },
        },
      );
    },
  };
}

/**
 * At start-up and hourly: per co-op, today's preparation of the digests due, once. The run is
 * idempotent too (a period prepared already is left alone), so a second one changes nothing.
 */
export async function scheduleSponsorDigests(db: Db, now: Date = systemClock.now()): Promise<void> {
  const day = dayOf(now);
  const coops = await queryRows<{ id: string }>(
    db,
    sql`select c.id from coops c where not exists (
          select 1 from jobs j where j.coop_id = c.id and j.kind = ${sponsorDigestsJobKind}
            and j.dedupe_key = ${dedupeKey(day)})`,
  );
  for (const coop of coops)
    await enqueueJob(db, {
      coopId: coop.id,
      kind: sponsorDigestsJobKind,
      payload: { day },
      dedupeKey: dedupeKey(day),
    });
}
