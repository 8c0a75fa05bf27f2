import { describe, expect, it } from 'vitest';
import { BusinessHoursError, parseBusinessHours } from './businessHours.ts';
import {
  businessTimeBetween,
  checkServiceCalendar,
  formatInZone,
  serviceDeadline,
  serviceTimeBetween,
  type ServiceCalendar,
} from './serviceCalendar.ts';

const officeHours = parseBusinessHours('Mon-Fri 09:00-17:00');
const berlin: ServiceCalendar = { timeZone: 'Europe/Berlin', hours: officeHours };
const bavaria: ServiceCalendar = { ...berlin, holidays: { country: 'DE', region: 'BY' } };
const germany: ServiceCalendar = { ...berlin, holidays: { country: 'DE' } };
const newYork: ServiceCalendar = {
  timeZone: 'America/New_York',
  hours: officeHours,
  holidays: { country: 'US' },
};
const allWeek: ServiceCalendar = {
  timeZone: 'Europe/Berlin',
  hours: parseBusinessHours('Mon-Sun 00:00-24:00'),
};

describe('serviceDeadline', () => {
  const cases: Array<
    [string, string, number, 'wall' | 'business', ServiceCalendar | null, string]
  > = [
    // label, start, hours, mode, calendar, expected deadline in the calendar's zone
    [
      'wall clock across Berlin spring-forward',
      '2026-03-28T12:00:00+01:00',
      24,
      'wall',
      berlin,
      '2026-03-29T13:00:00+02:00',
    ],
    [
      'wall clock across Berlin fall-back',
      '2026-10-24T12:00:00+02:00',
      24,
      'wall',
      berlin,
      '2026-10-25T11:00:00+01:00',
    ],
    [
      'wall clock across New York spring-forward',
      '2026-03-07T12:00:00-05:00',
      24,
      'wall',
      newYork,
      '2026-03-08T13:00:00-04:00',
    ],
    [
      '24/7 business time on the 23-hour day',
      '2026-03-28T12:00:00+01:00',
      24,
      'business',
      allWeek,
      '2026-03-29T13:00:00+02:00',
    ],
    [
      '24/7 business time on the 25-hour day',
      '2026-10-24T12:00:00+02:00',
      24,
      'business',
      allWeek,
      '2026-10-25T11:00:00+01:00',
    ],
    [
      'Friday into the Monday after Berlin spring-forward',
      '2026-03-27T16:00:00+01:00',
      2,
      'business',
      berlin,
      '2026-03-30T10:00:00+02:00',
    ],
    [
      'Friday into the Monday after Berlin fall-back',
      '2026-10-23T16:30:00+02:00',
      1,
      'business',
      berlin,
      '2026-10-26T09:30:00+01:00',
    ],
    [
      'Friday into the Monday after New York spring-forward',
      '2026-03-06T16:00:00-05:00',
      3,
      'business',
      newYork,
      '2026-03-09T11:00:00-04:00',
    ],
    [
      'Friday into the Monday after New York fall-back',
      '2026-10-30T15:00:00-04:00',
      4,
      'business',
      newYork,
      '2026-11-02T11:00:00-05:00',
    ],
    [
      'a Bavarian holiday (Epiphany) is skipped',
      '2026-01-05T15:00:00+01:00',
      4,
      'business',
      bavaria,
      '2026-01-07T11:00:00+01:00',
    ],
    [
      'Epiphany is a working day in Berlin',
      '2026-01-05T15:00:00+01:00',
      4,
      'business',
      germany,
      '2026-01-06T11:00:00+01:00',
    ],
    [
      'Christmas Day and Boxing Day are closed, Christmas Eve is not public',
      '2026-12-23T16:00:00+01:00',
      3,
      'business',
      germany,
      '2026-12-24T11:00:00+01:00',
    ],
    [
      'extra closed days on top of Christmas',
      '2026-12-23T16:00:00+01:00',
      3,
      'business',
      { ...germany, closedDays: ['2026-12-24', '2026-12-31'] },
      '2026-12-28T11:00:00+01:00',
    ],
    [
      'US Thanksgiving',
      '2026-11-25T16:00:00-05:00',
      2,
      'business',
      newYork,
      '2026-11-27T10:00:00-05:00',
    ],
    [
      'a Saturday start begins on Monday',
      '2026-01-10T10:00:00+01:00',
      1,
      'business',
      berlin,
      '2026-01-12T10:00:00+01:00',
    ],
    [
      'a start before opening counts from opening',
      '2026-01-12T07:00:00+01:00',
      1,
      'business',
      berlin,
      '2026-01-12T10:00:00+01:00',
    ],
    [
      'a start after closing counts from the next morning',
      '2026-01-12T18:00:00+01:00',
      1,
      'business',
      berlin,
      '2026-01-13T10:00:00+01:00',
    ],
    [
      'a full day ends at closing, not the next morning',
      '2026-01-12T09:00:00+01:00',
      8,
      'business',
      berlin,
      '2026-01-12T17:00:00+01:00',
    ],
    [
      'several days',
      '2026-01-12T09:00:00+01:00',
      20,
      'business',
      berlin,
      '2026-01-14T13:00:00+01:00',
    ],
    [
      'over a weekend, several days',
      '2026-01-15T13:00:00+01:00',
      40,
      'business',
      berlin,
      '2026-01-22T13:00:00+01:00',
    ],
    [
      'half hours',
      '2026-01-12T16:45:00+01:00',
      0.5,
      'business',
      berlin,
      '2026-01-13T09:15:00+01:00',
    ],
    [
      'zero hours is the start itself',
      '2026-01-10T10:00:00+01:00',
      0,
      'business',
      berlin,
      '2026-01-10T10:00:00+01:00',
    ],
    [
      'hours that differ per day',
      '2026-01-16T11:00:00+01:00',
      3,
      'business',
      {
        timeZone: 'Europe/Berlin',
        hours: parseBusinessHours('Mon-Thu 08:00-16:00, Fri 08:00-12:00'),
      },
      '2026-01-19T10:00:00+01:00',
    ],
    [
      'a lunch break',
      '2026-01-12T11:00:00+01:00',
      2,
      'business',
      { timeZone: 'Europe/Berlin', hours: parseBusinessHours('Mon-Fri 09:00-12:00 13:00-17:00') },
      '2026-01-12T14:00:00+01:00',
    ],
    [
      'a Sunday-Thursday week',
      '2026-01-15T16:00:00+02:00',
      2,
      'business',
      { timeZone: 'Asia/Jerusalem', hours: parseBusinessHours('Sun-Thu 09:00-17:00') },
      '2026-01-18T10:00:00+02:00',
    ],
  ];
  it.each(cases)('%s', (_label, start, hours, mode, calendar, expected) => {
    const zone = calendar?.timeZone ?? 'UTC';
    expect(formatInZone(serviceDeadline(new Date(start), hours, mode, calendar), zone)).toBe(
      expected,
    );
  });

  it('measures back to the target it was given (business time to the deadline = the target)', () => {
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (const calendar of [bavaria, newYork, allWeek]) {
      for (let i = 0; i < 200; i++) {
        const start = new Date(Date.UTC(2026, 0, 1) + Math.floor(random() * 365 * 86_400_000));
        const hours = Math.floor(random() * 120 * 4) / 4;
        const deadline = serviceDeadline(start, hours, 'business', calendar);
        expect(businessTimeBetween(start, deadline, calendar)).toBe(hours * 3_600_000);
        expect(deadline.getTime()).toBeGreaterThanOrEqual(start.getTime());
      }
    }
  });

  it('refuses business hours without a calendar, and negative targets', () => {
    expect(() => serviceDeadline(new Date(), 1, 'business')).toThrow(BusinessHoursError);
    expect(() => serviceDeadline(new Date(), -1, 'wall')).toThrow(RangeError);
  });
});

describe('businessTimeBetween', () => {
  const hours = (from: string, to: string, calendar: ServiceCalendar) =>
    businessTimeBetween(new Date(from), new Date(to), calendar) / 3_600_000;

  it('counts only open time: a pause from Monday afternoon over Epiphany to Wednesday morning', () => {
    expect(hours('2026-01-05T16:00:00+01:00', '2026-01-07T10:00:00+01:00', bavaria)).toBe(2);
    expect(hours('2026-01-05T16:00:00+01:00', '2026-01-07T10:00:00+01:00', germany)).toBe(10);
  });
  it('counts nothing over a weekend, and nothing backwards', () => {
    expect(hours('2026-01-09T17:00:00+01:00', '2026-01-12T09:00:00+01:00', berlin)).toBe(0);
    expect(hours('2026-01-12T12:00:00+01:00', '2026-01-12T10:00:00+01:00', berlin)).toBe(0);
  });
  it('counts the real hours of a day with a clock change', () => {
    expect(hours('2026-03-29T00:00:00+01:00', '2026-03-30T00:00:00+02:00', allWeek)).toBe(23);
    expect(hours('2026-10-25T00:00:00+02:00', '2026-10-26T00:00:00+01:00', allWeek)).toBe(25);
  });
  it('is plain elapsed time on the wall clock', () => {
    expect(
      serviceTimeBetween(
        new Date('2026-01-09T17:00:00Z'),
        new Date('2026-01-12T09:00:00Z'),
        'wall',
      ) / 3_600_000,
    ).toBe(64);
  });
});

describe('calendars and working hours', () => {
  it('parses ranges, single days, several spans, and wraps over Sunday', () => {
    expect(parseBusinessHours('Mon-Wed 09:00-17:00; Fri 10:00-12:00 13:00-15:00')).toEqual({
      mon: [{ start: '09:00', end: '17:00' }],
      tue: [{ start: '09:00', end: '17:00' }],
      wed: [{ start: '09:00', end: '17:00' }],
      fri: [
        { start: '10:00', end: '12:00' },
        { start: '13:00', end: '15:00' },
      ],
    });
    expect(Object.keys(parseBusinessHours('Sat-Mon 10:00-11:00'))).toEqual(['mon', 'sat', 'sun']);
  });
  it.each([
    ['', /no working hours/, 'business-hours.none'],
    ['Mon-Fri', /needs days and hours/, 'business-hours.needs-days'],
    ['Mun-Fri 09:00-17:00', /not a weekday/, 'business-hours.not-a-weekday'],
    ['Mon 17:00-09:00', /ends before it starts/, 'business-hours.ends-before-start'],
    ['Mon 09:00-12:00 11:00-13:00', /overlap/, 'business-hours.overlap'],
    ['Mon 9-17', /not a time of day/, 'business-hours.not-a-time'],
    ['Mon 09:00-25:00', /not a time of day/, 'business-hours.not-a-time'],
  ])('refuses %j', (text, message, code) => {
    expect(() => parseBusinessHours(text)).toThrow(message);
    // Named, so the operator reads it in their language.
    let thrown: unknown;
    try {
      parseBusinessHours(text);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toMatchObject({ code });
  });
  it('refuses unknown zones, countries, regions and malformed closed days', () => {
    expect(() => checkServiceCalendar({ ...berlin, timeZone: 'Europe/Atlantis' })).toThrow(/IANA/);
    expect(() => checkServiceCalendar({ ...berlin, holidays: { country: 'XX' } })).toThrow(
      /country/,
    );
    expect(() =>
      checkServiceCalendar({ ...berlin, holidays: { country: 'DE', region: 'ZZ' } }),
    ).toThrow(/region/);
    expect(() => checkServiceCalendar({ ...berlin, closedDays: ['24.12.2026'] })).toThrow(/date/);
    expect(checkServiceCalendar(bavaria).timeZone).toBe('Europe/Berlin');
  });
});
