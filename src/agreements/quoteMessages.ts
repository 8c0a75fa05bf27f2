import { catalogue } from '../platform/i18n/messages.ts';
import { serverMessages } from '../platform/i18n/translator.ts';

/** The words the quote's data brings into its template (the template holds the sentences). */
const en = {
  title: 'Quote {{number}}: {{title}}',
  within: 'within {{count}} hours',
  noPromise: 'no promise',
  yes: 'yes',
  no: 'no',
  eachPeriod: 'each period',
  once: 'once',
  digest: { none: 'none', weekly: 'weekly', monthly: 'monthly', quarterly: 'quarterly' },
};

const de = {
  title: 'Angebot {{number}}: {{title}}',
  within: 'binnen {{count}} Stunden',
  noPromise: 'ohne Zusage',
  yes: 'ja',
  no: 'nein',
  eachPeriod: 'je Abrechnungszeitraum',
  once: 'einmalig',
  digest: {
    none: 'keine',
    weekly: 'wöchentlich',
    monthly: 'monatlich',
    quarterly: 'vierteljährlich',
  },
};

export const quoteCatalogue = catalogue('agreements-quote', { en, de });
export const quoteText = serverMessages(quoteCatalogue);
