import { sql } from 'drizzle-orm';
import { systemActor } from '../platform/actor.ts';
import { systemClock } from '../platform/clock.ts';
import type { Db } from '../platform/db/database.ts';
import { dayOf } from '../platform/dates.ts';
import { queryRows } from '../platform/db/rows.ts';
import { runCommand } from '../platform/commands.ts';
import { enqueueJob, type JobHandler } from '../platform/jobs.ts';
import { runAgreementRenewals } from './commands/runRenewals.ts';

export const renewalsJobKind = 'agreements.renewals';
const dedupeKey = (day: string) => `renewals:${day}`;

export function agreementJobHandlers(publicUrl: string): Record<string, JobHandler> {
  return {
    [renewalsJobKind]: async (db, job) => {
      await runCommand(
        runAgreementRenewals,
        {},
        { db, actor: systemActor(job.coop_id), publicUrl },
      );
    },
  };
}

/**
 * Every process calls this at start-up and hourly: per co-op, today's renewal run, once (a job
 * already made for the day, in any state, is left alone). The run itself is idempotent, so a
 * second one would change nothing.
 */
export async function scheduleRenewals(db: Db, now: Date = systemClock.now()): Promise<void> {
  const day = dayOf(now);
  const coops = await queryRows<{ id: string }>(
    db,
    sql`select c.id from coops c where not exists (
          select 1 from jobs j where j.coop_id = c.id and j.kind = ${renewalsJobKind}
            and j.dedupe_key = ${dedupeKey(day)})`,
  );
  for (const coop of coops)
    await enqueueJob(db, { coopId: coop.id, kind: renewalsJobKind, dedupeKey: dedupeKey(day) });
}
