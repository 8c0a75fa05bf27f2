import { catalogue } from '../../../src/platform/i18n/messages.ts';
import { webMessages } from '../app/i18n.ts';
import { de } from './messages.de.ts';
import { en } from './messages.en.ts';

/** The sponsor's portal: one organization's standing with the co-op. */
export const portalCatalogue = catalogue('portal', { en, de });
export const t = webMessages(portalCatalogue);
