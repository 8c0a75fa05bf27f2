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
