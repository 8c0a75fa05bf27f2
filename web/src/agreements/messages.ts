import { catalogue } from '../../../src/platform/i18n/messages.ts';
import { webMessages } from '../app/i18n.ts';
import { de } from './messages.de.ts';
import { en } from './messages.en.ts';

export const agreementsCatalogue = catalogue('agreements', { en, de });
/** The agreements' messages: `t('quote.titleNumber', { number })`. */
export const t = webMessages(agreementsCatalogue);
