import { catalogue } from '../platform/i18n/messages.ts';
import { serverMessages } from '../platform/i18n/translator.ts';

/** What overdue invoices ask of a member (pending.ts), in the member's language. */
const en = {
  followUp_one: 'Follow up {{count}} overdue invoice',
  followUp_other: 'Follow up {{count}} overdue invoices',
  pay_one: 'Pay {{count}} overdue invoice of your organization',
  pay_other: 'Pay {{count}} overdue invoices of your organization',
  unpaidSince: 'Unpaid past their due date, the oldest since {{day}}.',
  pastSince: 'Past their due date, the oldest since {{day}}.',
};

const de = {
  followUp_one: 'Hake {{count}} überfällige Rechnung nach',
  followUp_other: 'Hake {{count}} überfällige Rechnungen nach',
  pay_one: 'Bezahle {{count}} überfällige Rechnung deiner Organisation',
  pay_other: 'Bezahle {{count}} überfällige Rechnungen deiner Organisation',
  unpaidSince: 'Nach Fälligkeit unbezahlt, die älteste seit {{day}}.',
  pastSince: 'Überfällig, die älteste seit {{day}}.',
};

export const invoicingPendingCatalogue = catalogue('invoicing-pending', { en, de });
export const invoicingPendingText = serverMessages(invoicingPendingCatalogue);
