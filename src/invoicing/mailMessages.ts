import { catalogue } from '../platform/i18n/messages.ts';
import { serverMessages } from '../platform/i18n/translator.ts';

/** Business mail to a buyer organization, in its language: formal ("Sie") in German. */
const en = {
  reminder: {
    subject: '{{label}}: invoice {{number}} is overdue',
    greeting: 'Dear {{name}},',
    customer: 'customer',
    overdue: 'our invoice {{number}} of {{issued}} was due on {{due}}; {{open}} is still open.',
    pay: 'Please pay it to {{account}} quoting {{reference}}.',
    ourAccount: 'our account',
    lateFee: 'As agreed, a late fee of {{fee}} applies.',
    ignore:
      'If you have paid in the meantime, please ignore this message; if you dispute the invoice, reply and we will pause these reminders.',
  },
  sending: {
    invoice: 'Invoice',
    creditNote: 'Credit note',
    subject: '{{what}} {{number}} from {{seller}}',
    facts: '{{what}} {{number}} of {{issued}} from {{seller}}: {{gross}}.',
    purchaseOrder: 'Your purchase order: {{po}}.',
    credits: 'Credits invoice {{number}}; no payment due.',
    payableBy: 'Payable by {{due}}, quoting {{reference}}.',
    payableOnReceipt: 'Payable on receipt, quoting {{reference}}.',
    reference: 'Your reference: {{reference}}.',
    attachedInvoice:
      'Attached: the PDF, and the same invoice as an EN 16931 e-invoice ({{format}}).',
    attachedCreditNote:
      'Attached: the PDF, and the same credit note as an EN 16931 e-invoice ({{format}}).',
  },
};

// A credit note correcting an invoice is a "Rechnungskorrektur" in German invoicing (a
// "Gutschrift" is, under § 14 Abs. 2 UStG, a bill the buyer issues itself).
const de = {
  reminder: {
    subject: '{{label}}: Rechnung {{number}} ist überfällig',
    greeting: '{{name}}\n\nSehr geehrte Damen und Herren,',
    customer: 'Kundschaft',
    overdue:
      'unsere Rechnung {{number}} vom {{issued}} war am {{due}} fällig; {{open}} sind noch offen.',
    pay: 'Bitte überweisen Sie den Betrag auf {{account}} unter Angabe von {{reference}}.',
    ourAccount: 'unser Konto',
    lateFee: 'Wie vereinbart, fällt eine Mahngebühr von {{fee}} an.',
    ignore:
      'Sollten Sie inzwischen bezahlt haben, betrachten Sie diese Nachricht bitte als gegenstandslos. Wenn Sie die Rechnung beanstanden, antworten Sie bitte, dann setzen wir die Mahnungen aus.',
  },
  sending: {
    invoice: 'Rechnung',
    creditNote: 'Rechnungskorrektur',
    subject: '{{what}} {{number}} von {{seller}}',
    facts: '{{what}} {{number}} vom {{issued}} von {{seller}}: {{gross}}.',
    purchaseOrder: 'Ihre Bestellnummer: {{po}}.',
    credits: 'Korrigiert die Rechnung {{number}}; es ist keine Zahlung fällig.',
    payableBy: 'Zahlbar bis zum {{due}} unter Angabe von {{reference}}.',
    payableOnReceipt: 'Zahlbar sofort nach Erhalt unter Angabe von {{reference}}.',
    reference: 'Ihre Referenz: {{reference}}.',
    attachedInvoice:
      'Anbei: das PDF und dieselbe Rechnung als E-Rechnung nach EN 16931 ({{format}}).',
    attachedCreditNote:
      'Anbei: das PDF und dieselbe Rechnungskorrektur als E-Rechnung nach EN 16931 ({{format}}).',
  },
};

export const invoicingMailCatalogue = catalogue('invoicing-mail', { en, de });
export const invoicingMail = serverMessages(invoicingMailCatalogue);
