import { catalogue } from '../../../src/platform/i18n/messages.ts';
import { webMessages } from '../app/i18n.ts';
import { de } from './messages.de.ts';
import { en } from './messages.en.ts';

/** The democracy's words: cycles, the plan, votes and elections. */
export const governanceCatalogue = catalogue('governance', { en, de });
export const t = webMessages(governanceCatalogue);
