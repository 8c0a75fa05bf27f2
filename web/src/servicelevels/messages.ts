import { catalogue } from '../../../src/platform/i18n/messages.ts';
import { webMessages } from '../app/i18n.ts';
import { de } from './messages.de.ts';
import { en } from './messages.en.ts';

export const serviceLevelsCatalogue = catalogue('servicelevels', { en, de });
/** The service levels' messages: `t('clocks.title')`. */
export const t = webMessages(serviceLevelsCatalogue);
