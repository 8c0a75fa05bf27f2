import { catalogue } from '../../platform/i18n/messages.ts';
import { serverMessages } from '../../platform/i18n/translator.ts';

/** What proposed service credits ask of an officer (pending.ts), in the officer's language. */
const en = {
  decide_one: 'Confirm or decline {{count}} service credit for {{organization}}',
  decide_other: 'Confirm or decline {{count}} service credits for {{organization}}',
  decideDetail: 'A breached promise proposed it; the oldest clock started on {{day}}.',
  held_one: 'A confirmed service credit for {{organization}} waits for an invoice in {{currency}}',
  held_other:
    '{{count}} confirmed service credits for {{organization}} wait for an invoice in {{currency}}',
  heldDetail:
    'Confirmed on {{day}}, but every invoice since (the latest {{invoice}}) is in {{currencies}}: a credit goes only on an invoice in its own currency. Invoice {{currency}}, or credit it by hand.',
  heldRestDetail:
    'Part of it went on {{usedOn}} on {{day}}, but every invoice since (the latest {{invoice}}) is in {{currencies}}: a credit goes only on an invoice in its own currency. Invoice {{currency}}, or credit the rest by hand.',
};

const de = {
  decide_one: 'Bestätige oder lehne {{count}} Servicegutschrift für {{organization}} ab',
  decide_other: 'Bestätige oder lehne {{count}} Servicegutschriften für {{organization}} ab',
  decideDetail:
    'Ein gebrochenes Versprechen hat sie vorgeschlagen; die älteste Uhr lief ab {{day}}.',
  held_one:
    'Eine bestätigte Servicegutschrift für {{organization}} wartet auf eine Rechnung in {{currency}}',
  held_other:
    '{{count}} bestätigte Servicegutschriften für {{organization}} warten auf eine Rechnung in {{currency}}',
  heldDetail:
    'Bestätigt am {{day}}, doch jede Rechnung seither (zuletzt {{invoice}}) lautet auf {{currencies}}: Eine Gutschrift geht nur auf eine Rechnung in ihrer eigenen Währung. Stelle eine Rechnung in {{currency}} oder schreibe sie von Hand gut.',
  heldRestDetail:
    'Ein Teil ging am {{day}} auf {{usedOn}}, doch jede Rechnung seither (zuletzt {{invoice}}) lautet auf {{currencies}}: Eine Gutschrift geht nur auf eine Rechnung in ihrer eigenen Währung. Stelle eine Rechnung in {{currency}} oder schreibe den Rest von Hand gut.',
};

export const serviceCreditsPendingCatalogue = catalogue('service-credits-pending', { en, de });
export const serviceCreditsPendingText = serverMessages(serviceCreditsPendingCatalogue);
