import { sql } from 'drizzle-orm';
import { systemActor } from '../../platform/actor.ts';
import { systemClock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/database.ts';
import { queryRows } from '../../platform/db/rows.ts';
import { enqueueJob, type JobHandler } from '../../platform/jobs.ts';
import { postPayrollOnce } from './commands/runPayroll.ts';
import { addMonths, monthBounds, monthOf, monthSchema } from './months.ts';

export const payrollJobKind = 'payroll.run';
export const payrollDedupeKey = (month: string) => `payroll:${month}`;

/**
 * Posts the payload's month, as the co-op itself; a month already posted, or with no salary in
 * force, is done. The payroll sends no mail, so it needs no public address.
 */
export const payrollRunHandler: JobHandler = async (db, job) => {
  const month = monthSchema.parse(job.payload.month);
  await postPayrollOnce({ db, actor: systemActor(job.coop_id), publicUrl: '' }, month);
};

export function payrollJobHandlers(): Record<string, JobHandler> {
  return { [payrollJobKind]: payrollRunHandler };
}

/** When a month's payroll posts: the start of its last day (UTC). */
export const payrollRunAt = (month: string): Date =>
  new Date(`${monthBounds(month).last}T00:00:00Z`);

/**
 * Every process calls this at start-up and hourly, like the maintenance schedule. Per co-op it
 * enqueues the current month's run for its last day, and the previous month's for now if it
 * never got one (a server down over a month's end catches up). A month already posted, or
 * whose job exists in any state, is left alone: the dedupe key only guards pending jobs, so the
 * job table itself says a month was scheduled. A failed run (a locked period...) is not
 * retried every hour; an officer runs it by hand.
 */
export async function schedulePayroll(db: Db, now: Date = systemClock.now()): Promise<void> {
  const current = monthOf(now);
  const months = [addMonths(current, -1), current];
  const coops = await queryRows<{ id: string }>(db, sql`select id from coops`);
  for (const coop of coops) {
    for (const month of months) {
      const [known] = await queryRows<{ known: boolean }>(
        db,
        sql`select exists (select 1 from salary_runs where coop_id = ${coop.id} and month = ${`${month}-01`}::date)
              or exists (select 1 from jobs where coop_id = ${coop.id} and kind = ${payrollJobKind}
                           and dedupe_key = ${payrollDedupeKey(month)}) as known`,
      );
      if (known?.known) continue;
      await enqueueJob(db, {
        coopId: coop.id,
        kind: payrollJobKind,
        payload: { month },
        runAt: payrollRunAt(month),
        dedupeKey: payrollDedupeKey(month),
      });
    }
  }
}
