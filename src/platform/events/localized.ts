import type { Locale } from '../i18n/locales.ts';
import type { EventType } from './registry.ts';
import { summariesDe } from './summariesDe.ts';

const summaries: Record<Exclude<Locale, 'en'>, Readonly<Record<string, string>>> = {
  de: summariesDe,
};

/**
 * When an event type happens, in a sentence in the reader's language. English is the
 * definition's own; a type defined without a translation (its test fails, but a running server
 * should still describe it) falls back to English rather than to nothing.
 */
export function eventSummary(type: EventType, locale: Locale): string {
  if (locale === 'en') return type.summary;
  return summaries[locale][type.name] ?? type.summary;
}
