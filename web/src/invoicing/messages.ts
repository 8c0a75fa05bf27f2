import { catalogue } from '../../../src/platform/i18n/messages.ts';
import { webMessages } from '../app/i18n.ts';
import { de } from './messages.de.ts';
import { en } from './messages.en.ts';

export const invoicingCatalogue = catalogue('invoicing', { en, de });
/** The invoices' messages: `t('invoice.summary')`. */
export const t = webMessages(invoicingCatalogue);
