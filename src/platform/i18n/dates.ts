import { intlTags, type Locale } from './locales.ts';

const dayFormats = new Map<Locale, Intl.DateTimeFormat>();

/** A calendar day ("2026-12-05") for people: "5 Dec 2026", "05.12.2026". */
export function displayDay(day: string, locale: Locale = 'en'): string {
  let format = dayFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(intlTags[locale], { dateStyle: 'medium', timeZone: 'UTC' });
    dayFormats.set(locale, format);
  }
  const date = new Date(`${day.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? day : format.format(date);
}

const instantFormats = new Map<Locale, Intl.DateTimeFormat>();

/**
 * A moment for people reading a mail, in UTC since the server does not know their time zone:
 * "18 Dec 2026, 09:00 UTC", "18.12.2026, 09:00 UTC".
 */
export function displayInstant(at: Date, locale: Locale = 'en'): string {
  let format = instantFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(intlTags[locale], {
      dateStyle: 'medium',
      timeStyle: 'short',
      timeZone: 'UTC',
    });
    instantFormats.set(locale, format);
  }
  return `${format.format(at)} UTC`;
}
