import { lastClosedDay } from '../finance/yearEnd/closedYears.ts';
import type { Executor } from '../platform/db/database.ts';
import type { Clock } from '../platform/clock.ts';
import { addDays } from '../platform/dates.ts';
import { badRequest } from '../platform/errors.ts';

/**
 * Rules cannot change days already lived. "Today" is the earliest day somewhere on Earth: a
 * member west of Greenwich may still be on yesterday's date in UTC.
 *
 * A closed fiscal year was counted by the bylaws in force on its last day; a version taking
 * effect inside it would change that after the fact, so such a day is refused, naming
 * `pointer`. The day is not moved for the asker: the day after the closed year may be the day
 * a scheduled version takes effect, which a version adopted later would silently replace.
 */
export async function checkEffectiveDay(
  executor: Executor,
  coopId: string,
  day: string,
  pointer: string,
  clock: Pick<Clock, 'today'>,
): Promise<string> {
  if (day < addDays(clock.today(), -1))
    throw badRequest('Rules cannot change days already lived.', [
      { pointer, message: 'today or a later day' },
    ]).because('bylaws.day-lived');
  const closed = await lastClosedDay(executor, coopId);
  if (closed && day <= closed)
    throw badRequest(
      `Fiscal years up to ${closed} are closed; they were counted by the bylaws of their time.`,
      [{ pointer, message: `a day after ${closed}, the end of the last closed fiscal year` }],
    ).because('bylaws.year-closed', { closed });
  return day;
}

/**
 * The day a passed amendment takes effect: the day asked for, or the day of the close if
 * later. A vote cannot be refused after the fact, so a day inside a year closed meanwhile
 * becomes the day after it (the adoption event records the day).
 */
export async function effectiveDayAtClose(
  executor: Executor,
  coopId: string,
  asked: string | null,
  closedDay: string,
): Promise<string> {
  const closed = await lastClosedDay(executor, coopId);
  const day = asked && asked > closedDay ? asked : closedDay;
  return closed && day <= closed ? addDays(closed, 1) : day;
}

/**
 * Moving the fiscal year's start after a year has been closed would leave months in no year
 * (or in two): that needs a transition year, which is not modelled, so it is refused.
 */
export async function checkFiscalYearStart(
  executor: Executor,
  coopId: string,
  proposed: number,
  current: number,
  pointer: string,
): Promise<void> {
  if (proposed === current) return;
  const closed = await lastClosedDay(executor, coopId);
  if (closed)
    throw badRequest(
      'The fiscal year cannot start in another month once a year has been closed: the months between would belong to no fiscal year.',
      [{ pointer, message: 'the month the closed years started in' }],
    ).because('bylaws.fiscal-start-fixed');
}
