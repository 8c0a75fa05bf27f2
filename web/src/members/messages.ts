import { catalogue } from '../../../src/platform/i18n/messages.ts';
import { webMessages } from '../app/i18n.ts';
import { de } from './messages.de.ts';
import { en } from './messages.en.ts';

export const membersCatalogue = catalogue('members', { en, de });
/** The members' screens: sign-in, profile, directory, invitations. */
export const t = webMessages(membersCatalogue);
