import { sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.ts';
import { queryRows } from '../../platform/db/rows.ts';
import { conflict } from '../../platform/errors.ts';

/** A month's run stands unless its entry has been reversed (then the month may be run again). */
export const standingRun = (alias: string) =>
  sql.raw(`not exists (select 1 from journal_entries r
            where r.coop_id = ${alias}.coop_id and r.reverses_entry_id = ${alias}.entry_id)`);

/**
 * A salary change from `fromDay` must not rewrite a month already posted: the books and the
 * salary history would disagree. Reversing that month's entry first lets it be run again.
 */
export async function assertNotPosted(
  tx: Executor,
  coopId: string,
  fromDay: string,
  pointer: string,
): Promise<void> {
  const [posted] = await queryRows<{ month: string }>(
    tx,
    sql`select to_char(s.month, 'YYYY-MM') as month from salary_runs s
        where s.coop_id = ${coopId}
          and (s.month + interval '1 month' - interval '1 day')::date >= ${fromDay}::date
          and ${standingRun('s')}
        order by s.month limit 1`,
  );
  if (posted)
    throw conflict(
      `The payroll for ${posted.month} is posted: a change from ${fromDay} would rewrite it. Reverse that month's entry first, or choose a later date.`,
      [{ pointer, message: `${posted.month} is already posted` }],
    ).because('payroll.posted', { month: posted.month, fromDay });
}
