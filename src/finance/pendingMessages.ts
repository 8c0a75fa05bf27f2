import { catalogue } from '../platform/i18n/messages.ts';
import { serverMessages } from '../platform/i18n/translator.ts';

/** What the books wait for from a member (pending.ts), in the member's language. */
const en = {
  approveClaims: {
    title_one: 'Decide {{count}} expense claim',
    title_other: 'Decide {{count}} expense claims',
    detail: 'Members are waiting to be reimbursed: approve or reject each claim.',
  },
  payClaims: {
    title_one: 'Pay {{count}} approved expense claim',
    title_other: 'Pay {{count}} approved expense claims',
    detail: 'Approved claims are paid and booked from the claim’s page.',
  },
  reviewBankLines: {
    title_one: 'Review {{count}} bank line',
    title_other: 'Review {{count}} bank lines',
    detail: '{{suggested}} to confirm, {{unmatched}} unmatched to book or ignore.',
  },
  suggested_one: '{{count}} suggested match',
  suggested_other: '{{count}} suggested matches',
};

const de = {
  approveClaims: {
    title_one: 'Entscheide über {{count}} Auslagenerstattung',
    title_other: 'Entscheide über {{count}} Auslagenerstattungen',
    detail: 'Mitglieder warten auf ihre Erstattung: Genehmige oder lehne jeden Antrag ab.',
  },
  payClaims: {
    title_one: 'Zahle {{count}} genehmigte Auslagenerstattung aus',
    title_other: 'Zahle {{count}} genehmigte Auslagenerstattungen aus',
    detail: 'Genehmigte Anträge werden auf ihrer Seite ausgezahlt und gebucht.',
  },
  reviewBankLines: {
    title_one: 'Prüfe {{count}} Kontoumsatz',
    title_other: 'Prüfe {{count}} Kontoumsätze',
    detail:
      '{{suggested}} zu bestätigen, {{unmatched}} ohne Zuordnung zu buchen oder zu ignorieren.',
  },
  suggested_one: '{{count}} vorgeschlagene Zuordnung',
  suggested_other: '{{count}} vorgeschlagene Zuordnungen',
};

export const financePendingCatalogue = catalogue('finance-pending', { en, de });
export const financePendingText = serverMessages(financePendingCatalogue);
