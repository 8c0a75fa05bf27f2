import { sql } from 'drizzle-orm';
import { systemActor } from '../platform/actor.ts';
import { runCommand } from '../platform/commands.ts';
import { systemClock, type Clock } from '../platform/clock.ts';
import type { Db } from '../platform/db/database.ts';
import { queryRows } from '../platform/db/rows.ts';
import { enqueueJob, type JobHandler } from '../platform/jobs.ts';
import { sendReminders } from './commands/sendReminders.ts';

export const remindersJobKind = 'invoicing.reminders';

export function invoicingJobHandlers(publicUrl: string): Record<string, JobHandler> {
  return {
    [remindersJobKind]: async (db, job) => {
      await runCommand(sendReminders, {}, { db, actor: systemActor(job.coop_id), publicUrl });
    },
  };
}

/**
 * Called at start-up and hourly with the other schedules: a reminders run per co-op with
 * dunning stages, one pending at a time (the dedupe key), whichever process enqueues it. A run
 * sends only what is newly due, and the notices' own key keeps a stage from going out twice
 * even when two runs overlap.
 */
export async function scheduleReminders(db: Db, clock: Clock = systemClock): Promise<void> {
  const coops = await queryRows<{ id: string }>(
    db,
    sql`select coop_id as id from invoicing_settings where jsonb_array_length(dunning_stages) > 0`,
  );
  for (const coop of coops)
    await enqueueJob(db, {
      coopId: coop.id,
      kind: remindersJobKind,
      dedupeKey: `reminders:${clock.today()}`,
    });
}
