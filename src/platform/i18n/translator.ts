import i18next from 'i18next';
import { type Locale } from './locales.ts';
import type { Catalogue, MessageKey, Vars } from './messages.ts';

/**
 * The server's one i18next instance: mails and PDFs are written in their recipient's language,
 * whatever language the request that caused them came in.
 */
const instance = i18next.createInstance();
void instance.init({
  initAsync: false,
  resources: {},
  fallbackLng: false,
  // Mails are plain text and PDFs are drawn: nothing to escape.
  interpolation: { escapeValue: false },
  returnNull: false,
});

const catalogues: Catalogue<unknown>[] = [];

export type Translate<T> = (locale: Locale, key: MessageKey<T>, vars?: Vars) => string;

/** Registers a domain's catalogue and returns its typed translate function. */
export function serverMessages<T>(cat: Catalogue<T>): Translate<T> {
  for (const [locale, messages] of Object.entries(cat.messages)) {
    instance.addResourceBundle(locale, cat.namespace, messages, true, true);
  }
  catalogues.push(cat as Catalogue<unknown>);
  // i18next's own key typing needs a global declaration of one app's resources; the server and
  // the web app share one TypeScript project, so keys are typed by MessageKey instead.
  const t = instance.t as unknown as (key: string, options: Record<string, unknown>) => string;
  return (locale, key, vars) => t(key, { ...vars, lng: locale, ns: cat.namespace });
}

/** Every catalogue registered so far, for the completeness test. */
export function registeredCatalogues(): readonly Catalogue<unknown>[] {
  return catalogues;
}
