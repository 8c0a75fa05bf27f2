/**
 * A clock's deadline and its 80% warning from what its entries left behind: the time already
 * counted before the current run, and since when it runs. Pure, so the consumer, the job and the
 * pages agree to the millisecond.
 */
import type { ClockMode, ServiceCalendar } from './calendar/serviceCalendar.ts';
import { serviceDeadline, serviceTimeBetween } from './calendar/serviceCalendar.ts';

export interface ClockTiming {
  targetMinutes: number;
  mode: ClockMode;
  calendar: ServiceCalendar | null;
  usedMs: number;
  runningSince: Date;
}

export const warnShare = 0.8;
const minuteMs = 60_000;

export function deadlineOf(t: ClockTiming): Date {
  const remainingMs = Math.max(0, t.targetMinutes * minuteMs - t.usedMs);
  return serviceDeadline(t.runningSince, remainingMs / 3_600_000, t.mode, t.calendar);
}

/** When 80% of the target is used; null once it is. */
export function warnAtOf(t: ClockTiming): Date | null {
  const warnMs = Math.round(t.targetMinutes * minuteMs * warnShare);
  if (t.usedMs >= warnMs) return null;
  return serviceDeadline(t.runningSince, (warnMs - t.usedMs) / 3_600_000, t.mode, t.calendar);
}

/** Time counted from the run's start to `at`, added to what was counted before. */
export function usedAt(t: ClockTiming, at: Date): number {
  return t.usedMs + serviceTimeBetween(t.runningSince, at, t.mode, t.calendar);
}
