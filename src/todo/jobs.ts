import { sql } from 'drizzle-orm';
import { systemActor } from '../platform/actor.ts';
import { systemClock } from '../platform/clock.ts';
import { runCommand } from '../platform/commands.ts';
import type { Db } from '../platform/db/database.ts';
import { queryRows } from '../platform/db/rows.ts';
import { enqueueJob, type JobHandler } from '../platform/jobs.ts';
import { sendDigests } from './commands.ts';

export const digestJobKind = 'digest.weekly';

/** The next Monday, 07:00 UTC, from `now` (today, if it is Monday before seven). */
export function nextDigestAt(now: Date): Date {
  const at = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), 7));
  const daysToMonday = (8 - at.getUTCDay()) % 7;
  at.setUTCDate(at.getUTCDate() + daysToMonday);
  if (at <= now) at.setUTCDate(at.getUTCDate() + 7);
  return at;
}

/** One digest job per co-op per week; every process calls this, the dedupe key leaves one. */
export async function scheduleDigests(db: Db, now: Date = systemClock.now()): Promise<void> {
  const at = nextDigestAt(now);
  const week = at.toISOString().slice(0, 10);
  const coops = await queryRows<{ id: string }>(db, sql`select id from coops`);
  for (const coop of coops)
    await enqueueJob(db, {
      coopId: coop.id,
      kind: digestJobKind,
      payload: { week },
      runAt: at,
      dedupeKey: `digest:${week}`,
    });
}

export const digestJobHandler =
  (publicUrl: string): JobHandler =>
  async (db, job) => {
    await runCommand(
      sendDigests,
      { week: String(job.payload.week) },
      { db, actor: systemActor(job.coop_id), publicUrl },
    );
  };
