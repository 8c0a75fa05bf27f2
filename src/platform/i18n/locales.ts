import { z } from 'zod';

/**
 * The languages the co-op speaks: every screen, mail and PDF exists in each. English is the
 * source; a message missing in another language is a type error, not a fallback at run time.
 */
export const locales = ['en', 'de'] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = 'en';

export const localeSchema = z
  .enum(locales)
  .meta({ id: 'Locale', description: 'A language the co-op speaks: en (English), de (German).' });

/** The regional tag numbers and dates are written in: "1,234.50" in en-GB, "1.234,50" in de-DE. */
export const intlTags: Record<Locale, string> = { en: 'en-GB', de: 'de-DE' };

export function asLocale(value: string | null | undefined): Locale {
  return (locales as readonly string[]).includes(value ?? '') ? (value as Locale) : defaultLocale;
}

/**
 * The language a request wants its answer in (problems, the event catalogue): the web app sends
 * the member's language as Accept-Language; other clients get what their header asks for,
 * English by default.
 */
export function requestLocale(acceptLanguage: string | undefined): Locale {
  const first = acceptLanguage?.split(',')[0]?.trim().slice(0, 2).toLowerCase();
  return asLocale(first);
}
