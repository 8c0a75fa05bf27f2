/**
 * Weekly working hours: which stretches of each weekday count as business time. Parsed from the
 * short form operators type ("Mon-Fri 09:00-17:00", "Mon-Thu 08:00-16:00, Fri 08:00-12:00") and
 * stored as the plain object below.
 */
export const weekdayNames = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type WeekdayName = (typeof weekdayNames)[number];

/** Minutes after local midnight: [start, end), end at most 24 * 60. */
export interface OpenSpan {
  start: string;
  end: string;
}

/** Each weekday's open spans, in local time of the calendar's zone; a missing day is closed. */
export type WeeklyHours = Partial<Record<WeekdayName, OpenSpan[]>>;

/** Working hours or a calendar refused, with the code and figures the web words it by. */
export class BusinessHoursError extends Error {
  readonly code: string;
  readonly params: Record<string, string>;
  constructor(
    message: string,
    code = 'business-hours.invalid',
    params: Record<string, string> = {},
  ) {
    super(message);
    this.code = code;
    this.params = params;
  }
}

const time = /^([01]\d|2[0-4]):([0-5]\d)$/;

export function minutesOf(hhmm: string): number {
  const match = time.exec(hhmm);
  if (!match)
    throw new BusinessHoursError(
      `"${hhmm}" is not a time of day (HH:MM)`,
      'business-hours.not-a-time',
      {
        text: hhmm,
      },
    );
  const minutes = Number(match[1]) * 60 + Number(match[2]);
  if (minutes > 24 * 60)
    throw new BusinessHoursError(`"${hhmm}" is after 24:00`, 'business-hours.after-midnight', {
      text: hhmm,
    });
  return minutes;
}

function weekday(token: string): number {
  const index = weekdayNames.indexOf(token.slice(0, 3).toLowerCase() as WeekdayName);
  if (index < 0 || token.length < 3)
    throw new BusinessHoursError(
      `"${token}" is not a weekday (Mon, Tue, ... Sun)`,
      'business-hours.not-a-weekday',
      { text: token },
    );
  return index;
}

/**
 * "Mon-Fri 09:00-17:00, Sat 10:00-13:00": comma- or semicolon-separated groups, each a day or a
 * range of days (wrapping over Sunday is allowed: "Sun-Thu") and one or more spans.
 */
export function parseBusinessHours(text: string): WeeklyHours {
  const hours: WeeklyHours = {};
  const groups = text
    .split(/[;,]/)
    .map((g) => g.trim())
    .filter(Boolean);
  if (groups.length === 0)
    throw new BusinessHoursError('no working hours given', 'business-hours.none');
  for (const group of groups) {
    const [days, ...spans] = group.split(/\s+/);
    if (!days || spans.length === 0)
      throw new BusinessHoursError(
        `"${group}" needs days and hours, as in "Mon-Fri 09:00-17:00"`,
        'business-hours.needs-days',
        { text: group },
      );
    const [first, last] = days.split('-');
    const from = weekday(first ?? '');
    const to = last === undefined ? from : weekday(last);
    for (let d = from; ; d = (d + 1) % 7) {
      const name = weekdayNames[d] as WeekdayName;
      for (const span of spans) {
        const [start, end, extra] = span.split('-');
        if (start === undefined || end === undefined || extra !== undefined)
          throw new BusinessHoursError(
            `"${span}" is not a span of hours such as 09:00-17:00`,
            'business-hours.not-a-span',
            { text: span },
          );
        (hours[name] ??= []).push({ start, end });
      }
      if (d === to) break;
    }
  }
  return normaliseWeeklyHours(hours);
}

/** Checks every span and sorts each day's; overlapping or empty spans are refused. */
export function normaliseWeeklyHours(hours: WeeklyHours): WeeklyHours {
  const out: WeeklyHours = {};
  for (const name of weekdayNames) {
    const spans = hours[name];
    if (!spans || spans.length === 0) continue;
    const sorted = [...spans].sort((a, b) => minutesOf(a.start) - minutesOf(b.start));
    let previousEnd = -1;
    for (const span of sorted) {
      const start = minutesOf(span.start);
      const end = minutesOf(span.end);
      if (end <= start)
        throw new BusinessHoursError(
          `${name} ${span.start}-${span.end} ends before it starts`,
          'business-hours.ends-before-start',
          { weekday: name, start: span.start, end: span.end },
        );
      if (start < previousEnd)
        throw new BusinessHoursError(`${name}'s spans overlap`, 'business-hours.overlap', {
          weekday: name,
        });
      previousEnd = end;
    }
    out[name] = sorted;
  }
  if (Object.keys(out).length === 0)
    throw new BusinessHoursError('no day has working hours', 'business-hours.none');
  return out;
}

/** The short form back, for display and the CLI ("mon 09:00-17:00, tue ..."), one group per day. */
export function formatBusinessHours(hours: WeeklyHours): string {
  return weekdayNames
    .filter((d) => hours[d]?.length)
    .map(
      (d) =>
        `${d[0]?.toUpperCase()}${d.slice(1)} ${hours[d]!.map((s) => `${s.start}-${s.end}`).join(' ')}`,
    )
    .join(', ');
}
