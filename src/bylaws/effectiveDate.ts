import { z } from 'zod';
import { lastClosedDay } from '../finance/yearEnd/closedYears.ts';
import type { Executor } from '../platform/db/database.ts';
import { addDays } from '../platform/dates.ts';
import { badRequest } from '../platform/errors.ts';
import { todayUtc } from './repository.ts';

/**
 * Rules cannot change days already lived. "Today" is the earliest day somewhere on Earth: a
 * member west of Greenwich may still be on yesterday's date in UTC.
 */
export const effectiveOnSchema = z.iso
  .date()
  .refine((day) => day >= addDays(todayUtc(), -1), { error: () => 'today or a later day' });

/**
 * A closed fiscal year was counted by the bylaws in force on its last day; a version taking
 * effect inside it would change that after the fact. Without a day asked for, the version takes
 * effect `earliest` (today, or a poll's close) or the day after the last closed year if later;
 * a day asked for inside a closed year is refused, naming `pointer`.
 */
export async function effectiveDay(
  executor: Executor,
  coopId: string,
  asked: string | undefined | null,
  earliest: string,
  pointer: string,
): Promise<string> {
  const closed = await lastClosedDay(executor, coopId);
  if (asked && closed && asked <= closed)
    throw badRequest(
      `Fiscal years up to ${closed} are closed; they were counted by the bylaws of their time.`,
      [{ pointer, message: `a day after ${closed}, the end of the last closed fiscal year` }],
    );
  const day = asked && asked > earliest ? asked : earliest;
  return closed && day <= closed ? addDays(closed, 1) : day;
}
