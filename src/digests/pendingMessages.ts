import { catalogue } from '../platform/i18n/messages.ts';
import { serverMessages } from '../platform/i18n/translator.ts';

/** What prepared sponsor digests ask of an officer (pending.ts), in the officer's language. */
const en = {
  send_one: 'Read and send {{count}} sponsor digest',
  send_other: 'Read and send {{count}} sponsor digests',
  sendDetail: 'Prepared and not sent; the oldest covers the period up to {{day}}.',
};

const de = {
  send_one: 'Lies und versende {{count}} Sponsoren-Bericht',
  send_other: 'Lies und versende {{count}} Sponsoren-Berichte',
  sendDetail: 'Vorbereitet und nicht versandt; der älteste reicht bis {{day}}.',
};

export const digestsPendingCatalogue = catalogue('digests-pending', { en, de });
export const digestsPendingText = serverMessages(digestsPendingCatalogue);
