import i18next from 'i18next';
import { asLocale, intlTags, locales, type Locale } from '../../../src/platform/i18n/locales.ts';
import type { Catalogue, MessageKey, Vars } from '../../../src/platform/i18n/messages.ts';

const storedLocaleKey = 'coop.locale';

/** Before anyone signs in: the language chosen on this device, else the browser's. */
function deviceLocale(): Locale {
  // Outside a browser (the catalogue tests import the messages): English.
  if (typeof navigator === 'undefined') return 'en';
  try {
    const stored = localStorage.getItem(storedLocaleKey);
    if (stored) return asLocale(stored);
  } catch {
    // Storage can be off (private windows); the browser's language still counts.
  }
  const preferred = navigator.languages.map((tag) => tag.slice(0, 2).toLowerCase());
  return asLocale(preferred.find((tag) => (locales as readonly string[]).includes(tag)));
}

const instance = i18next.createInstance();
void instance.init({
  initAsync: false,
  lng: deviceLocale(),
  resources: {},
  fallbackLng: false,
  // React escapes what it renders.
  interpolation: { escapeValue: false },
  returnNull: false,
});

export function currentLocale(): Locale {
  return asLocale(instance.language);
}

/** The regional tag for Intl: numbers, money and dates follow the member's language. */
export function intlTag(): string {
  return intlTags[currentLocale()];
}

/**
 * Switches every message and number format. The session provider remounts the app under the
 * new language, so components read messages with plain functions rather than hooks.
 */
export function setLocale(locale: Locale, { remember = true } = {}): void {
  if (remember) {
    try {
      localStorage.setItem(storedLocaleKey, locale);
    } catch {
      // Not remembered on this device; the member's profile still holds it.
    }
  }
  if (instance.language !== locale) void instance.changeLanguage(locale);
  if (typeof document !== 'undefined') document.documentElement.lang = locale;
}

export type Text<T> = (key: MessageKey<T>, vars?: Vars) => string;

/** Registers a domain's messages and returns its typed translate function. */
export function webMessages<T>(cat: Catalogue<T>): Text<T> {
  for (const [locale, messages] of Object.entries(cat.messages)) {
    instance.addResourceBundle(locale, cat.namespace, messages, true, true);
  }
  // Keys are typed by MessageKey; i18next's own typing would need one global resource type.
  const t = instance.t as unknown as (key: string, options: Record<string, unknown>) => string;
  return (key, vars) => t(key, { ...vars, ns: cat.namespace });
}

if (typeof document !== 'undefined') document.documentElement.lang = currentLocale();
