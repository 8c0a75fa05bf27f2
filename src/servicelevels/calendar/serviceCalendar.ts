/**
 * The pure core of the service-level clocks: when a target of N hours runs out, and how much of
 * a target has been used between two instants, in wall-clock time or in business time on a
 * sponsor's calendar. Time zones and daylight-saving changes are luxon's, public holidays are
 * date-holidays': nothing here knows an offset or a holiday by hand. Business time is the real
 * time elapsed inside open spans, so an open span that crosses a clock change is an hour shorter
 * or longer, as the people working it experience it.
 */
import Holidays from 'date-holidays';
import { DateTime, IANAZone } from 'luxon';
import {
  BusinessHoursError,
  minutesOf,
  normaliseWeeklyHours,
  weekdayNames,
  type WeeklyHours,
} from './businessHours.ts';

export type ClockMode = 'wall' | 'business';

export interface ServiceCalendar {
  /** IANA time zone in which the working hours and closed days are read. */
  timeZone: string;
  hours: WeeklyHours;
  /** A country (ISO 3166-1 alpha-2) and optional region whose public holidays are closed. */
  holidays?: { country: string; region?: string | undefined } | null | undefined;
  /** Further closed local dates (YYYY-MM-DD), such as a company shutdown. */
  closedDays?: readonly string[] | undefined;
}

const hourMs = 3_600_000;
/** A calendar open one hour a year still ends within this; more means no open time at all. */
const maxDaysScanned = 3_700;

export function isValidTimeZone(zone: string): boolean {
  return IANAZone.isValidZone(zone);
}

/** Refuses what the clocks could not work with: a made-up zone, an unknown holiday region. */
export function checkServiceCalendar(calendar: ServiceCalendar): ServiceCalendar {
  if (!isValidTimeZone(calendar.timeZone))
    throw new BusinessHoursError(
      `"${calendar.timeZone}" is not an IANA time zone`,
      'calendar.time-zone',
      { timeZone: calendar.timeZone },
    );
  const hours = normaliseWeeklyHours(calendar.hours);
  if (calendar.holidays) holidayLibrary(calendar.holidays.country, calendar.holidays.region);
  for (const day of calendar.closedDays ?? [])
    if (!DateTime.fromISO(day, { zone: 'UTC' }).isValid || !/^\d{4}-\d{2}-\d{2}$/.test(day))
      throw new BusinessHoursError(`"${day}" is not a date (YYYY-MM-DD)`);
  return { ...calendar, hours };
}

const libraries = new Map<string, Holidays>();
const closedDatesByYear = new Map<string, ReadonlySet<string>>();

function holidayLibrary(country: string, region?: string): Holidays {
  const key = `${country.toUpperCase()}-${region?.toUpperCase() ?? ''}`;
  const cached = libraries.get(key);
  if (cached) return cached;
  const probe = new Holidays();
  const countries = probe.getCountries();
  if (!countries[country.toUpperCase()])
    throw new BusinessHoursError(
      `"${country}" is not a country the holiday library knows`,
      'calendar.unknown-country',
      { country },
    );
  if (region) {
    const states = probe.getStates(country.toUpperCase()) ?? {};
    if (!states[region.toUpperCase()])
      throw new BusinessHoursError(
        `"${region}" is not a region of ${country.toUpperCase()}`,
        'calendar.unknown-region',
        { region, country: country.toUpperCase() },
      );
  }
  const library = region
    ? new Holidays(country.toUpperCase(), region.toUpperCase())
    : new Holidays(country.toUpperCase());
  libraries.set(key, library);
  return library;
}

/** Public holidays only: observances (Valentine's day, Rosenmontag) do not close an office. */
function publicHolidayDates(country: string, region: string | undefined, year: number) {
  const key = `${country.toUpperCase()}-${region?.toUpperCase() ?? ''}:${year}`;
  let dates = closedDatesByYear.get(key);
  if (!dates) {
    dates = new Set(
      holidayLibrary(country, region)
        .getHolidays(year)
        .filter((h) => h.type === 'public')
        .map((h) => h.date.slice(0, 10)),
    );
    closedDatesByYear.set(key, dates);
  }
  return dates;
}

/** The open spans of one local day as instants, earliest first; none on a closed day. */
function openSpansOn(day: DateTime, calendar: ServiceCalendar): Array<[number, number]> {
  const spans = calendar.hours[weekdayNames[day.weekday - 1]!];
  if (!spans?.length) return [];
  const date = day.toISODate()!;
  if (calendar.closedDays?.includes(date)) return [];
  const holidays = calendar.holidays;
  if (holidays && publicHolidayDates(holidays.country, holidays.region, day.year).has(date))
    return [];
  const at = (minutes: number) =>
    minutes === 24 * 60
      ? day.plus({ days: 1 }).startOf('day').toMillis()
      : DateTime.fromObject(
          {
            year: day.year,
            month: day.month,
            day: day.day,
            hour: Math.floor(minutes / 60),
            minute: minutes % 60,
          },
          { zone: calendar.timeZone },
        ).toMillis();
  return spans.map((s) => [at(minutesOf(s.start)), at(minutesOf(s.end))]);
}

function* daysFrom(instant: number, zone: string): Generator<DateTime> {
  let day = DateTime.fromMillis(instant, { zone }).startOf('day');
  for (let i = 0; i < maxDaysScanned; i++) {
    yield day;
    day = day.plus({ days: 1 }).startOf('day');
  }
  throw new BusinessHoursError('the calendar has no open time within ten years');
}

/** The instant `ms` of business time after `start`. */
export function addBusinessTime(start: Date, ms: number, calendar: ServiceCalendar): Date {
  if (ms < 0) throw new RangeError('a target cannot be negative');
  const from = start.getTime();
  if (ms === 0) return new Date(from);
  let remaining = ms;
  for (const day of daysFrom(from, calendar.timeZone)) {
    for (const [open, close] of openSpansOn(day, calendar)) {
      const begin = Math.max(open, from);
      if (begin >= close) continue;
      if (remaining <= close - begin) return new Date(begin + remaining);
      remaining -= close - begin;
    }
  }
  throw new BusinessHoursError('unreachable');
}

/** Business time (milliseconds) inside [from, to): what a paused clock adds back, what 80% reads. */
export function businessTimeBetween(from: Date, to: Date, calendar: ServiceCalendar): number {
  const start = from.getTime();
  const end = to.getTime();
  if (end <= start) return 0;
  let total = 0;
  for (const day of daysFrom(start, calendar.timeZone)) {
    if (day.toMillis() >= end) return total;
    for (const [open, close] of openSpansOn(day, calendar)) {
      const overlap = Math.min(close, end) - Math.max(open, start);
      if (overlap > 0) total += overlap;
    }
  }
  return total;
}

/** A target's deadline: `hours` after `start`, on the wall clock or in business time. */
export function serviceDeadline(
  start: Date,
  hours: number,
  mode: ClockMode,
  calendar?: ServiceCalendar | null,
): Date {
  if (!Number.isFinite(hours) || hours < 0) throw new RangeError('hours must be 0 or more');
  if (mode === 'wall') return new Date(start.getTime() + hours * hourMs);
  if (!calendar) throw new BusinessHoursError('business hours need a calendar');
  return addBusinessTime(start, Math.round(hours * hourMs), calendar);
}

/** Time counted against a target between two instants, in the target's mode. */
export function serviceTimeBetween(
  from: Date,
  to: Date,
  mode: ClockMode,
  calendar?: ServiceCalendar | null,
): number {
  if (mode === 'wall') return Math.max(0, to.getTime() - from.getTime());
  if (!calendar) throw new BusinessHoursError('business hours need a calendar');
  return businessTimeBetween(from, to, calendar);
}

/** ISO 8601 in the calendar's zone, with its offset, as the CLI and the pages print it. */
export function formatInZone(instant: Date, zone: string): string {
  return DateTime.fromJSDate(instant, { zone }).toISO({ suppressMilliseconds: true })!;
}
