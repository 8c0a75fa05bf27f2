import { catalogue } from '../../../src/platform/i18n/messages.ts';
import { webMessages } from '../app/i18n.ts';
import { de } from './messages.de.ts';
import { en } from './messages.en.ts';

export const releasesCatalogue = catalogue('releases', { en, de });
/** The releases' messages: `t('list.title')`. */
export const t = webMessages(releasesCatalogue);
