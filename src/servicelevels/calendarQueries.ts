import { and, eq } from 'drizzle-orm';
import type { Executor } from '../platform/db/database.ts';
import { formatBusinessHours, parseBusinessHours } from './calendar/businessHours.ts';
import type { ServiceCalendar } from './calendar/serviceCalendar.ts';
import { serviceCalendars } from './schema.ts';

/**
 * Where a sponsor set no calendar, business hours count on this one: weekdays 09:00-17:00 in
 * UTC, no holidays. A clock records the calendar it ran on, so setting one later changes no
 * clock already started.
 */
export const defaultServiceCalendar: ServiceCalendar = {
  timeZone: 'UTC',
  hours: parseBusinessHours('Mon-Fri 09:00-17:00'),
  holidays: null,
  closedDays: [],
};

export async function serviceCalendarOf(
  executor: Executor,
  coopId: string,
  organizationId: string,
): Promise<{ calendar: ServiceCalendar; isDefault: boolean }> {
  const [row] = await executor
    .select()
    .from(serviceCalendars)
    .where(
      and(eq(serviceCalendars.coopId, coopId), eq(serviceCalendars.organizationId, organizationId)),
    );
  if (!row) return { calendar: defaultServiceCalendar, isDefault: true };
  return {
    calendar: {
      timeZone: row.timeZone,
      hours: row.hours,
      holidays: row.holidayCountry
        ? { country: row.holidayCountry, region: row.holidayRegion ?? undefined }
        : null,
      closedDays: row.closedDays,
    },
    isDefault: false,
  };
}

/** The calendar as the form edits it. */
export function serviceCalendarView(calendar: ServiceCalendar, isDefault: boolean) {
  return {
    timeZone: calendar.timeZone,
    hours: formatBusinessHours(calendar.hours),
    holidayCountry: calendar.holidays?.country ?? null,
    holidayRegion: calendar.holidays?.region ?? null,
    closedDays: [...(calendar.closedDays ?? [])],
    isDefault,
  };
}
