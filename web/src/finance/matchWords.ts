import type { BankMatchFact } from '../api/types.ts';
import { formatDate } from '../app/format.ts';
import { formatMoney } from '../app/money.ts';
import { t } from './messages.ts';

type Params = BankMatchFact['params'];

const text = (value: Params[string] | undefined): string =>
  value === undefined ? '' : String(value);
/** An amount the matcher wrote in minor units, in the reader's money format. */
const money = (p: Params, name: string, currency = 'currency') =>
  formatMoney(text(p[name]), text(p[currency]));
/** A flag the matcher wrote as 1 or 0 (a bare `0` test would take "0" for true). */
const flag = (value: Params[string] | undefined) => Number(value ?? 0) !== 0;

/** How the line quoted the invoice: its creditor reference, or its number. */
const quoted = (p: Params) =>
  p.by === 'creditor-reference'
    ? t('bank.match.byCreditorReference', { reference: text(p.creditorReference) })
    : t('bank.match.byInvoiceNumber', { invoice: text(p.invoiceNumber) });

/** One fact in the reader's language; null for a code this screen does not know. */
export function matchFactText({ code, params: p }: BankMatchFact): string | null {
  switch (code) {
    case 'reference-and-amount':
      return t('bank.match.reference-and-amount', {
        token: text(p.token),
        amount: money(p, 'amountMinor'),
        entry: text(p.entryNumber),
      });
    case 'reference-amounts-differ':
      return t('bank.match.reference-amounts-differ', {
        token: text(p.token),
        entry: text(p.entryNumber),
        entryAmount: money(p, 'entryMinor', 'entryCurrency'),
        amount: money(p, 'amountMinor'),
      });
    case 'same-amount': {
      const days = Number(p.days);
      return t('bank.match.same-amount', {
        amount: money(p, 'amountMinor'),
        when: days === 0 ? t('bank.match.sameDay') : t('bank.match.daysApart', { count: days }),
        named: flag(p.namesCounterparty) ? t('bank.match.namesCounterparty') : '',
      });
    }
    case 'invoice-reference-and-amount':
      return t('bank.match.invoice-reference-and-amount', {
        quoted: quoted(p),
        amount: money(p, 'openMinor'),
        invoice: text(p.invoiceNumber),
      });
    case 'invoice-amount-differs':
      return t('bank.match.invoice-amount-differs', {
        quoted: quoted(p),
        invoice: text(p.invoiceNumber),
        open: money(p, 'openMinor', 'openCurrency'),
        amount: money(p, 'amountMinor'),
      });
    case 'invoice-open-amount':
      return t('bank.match.invoice-open-amount', {
        amount: money(p, 'openMinor'),
        invoice: text(p.invoiceNumber),
        organization: text(p.organizationName),
      });
    case 'claim-amount':
      return t('bank.match.claim-amount', {
        amount: money(p, 'amountMinor'),
        title: text(p.claimTitle),
        day: formatDate(text(p.incurredOn)),
        named: flag(p.namedByLine) ? t('bank.match.namedByLine') : '',
      });
    case 'salary':
      return t('bank.match.salary', {
        payee: text(p.payee),
        amount: money(p, 'amountMinor'),
        account: text(p.account),
      });
    case 'sponsor-payer':
      return t('bank.match.sponsor-payer', {
        payer: text(p.payer),
        organization: text(p.organizationName),
        amount: money(p, 'amountMinor'),
      });
    case 'sponsor-named':
      return t('bank.match.sponsor-named', {
        organization: text(p.organizationName),
        amount: money(p, 'amountMinor'),
      });
    case 'claim-payment-reversed':
      return t('bank.match.claim-payment-reversed', {
        entry: text(p.entryNumber),
        reversal: text(p.reversalNumber),
        title: text(p.claimTitle),
      });
    case 'sponsor-payment-reversed':
      return t('bank.match.sponsor-payment-reversed', {
        entry: text(p.entryNumber),
        reversal: text(p.reversalNumber),
        organization: text(p.organizationName),
      });
    default:
      return null;
  }
}

/** "same amount…" -> "Same amount….": the server's English reasons are phrases. */
function sentence(english: string): string {
  const trimmed = english.trim();
  if (!trimmed) return '';
  return `${trimmed.charAt(0).toUpperCase()}${trimmed.slice(1)}${/[.!?]$/.test(trimmed) ? '' : '.'}`;
}

/**
 * Why a line was matched or suggested, in the reader's language; the server's English for a
 * suggestion stored before facts, or with a code from a later version.
 */
export function matchReasonText(s: {
  reason: string;
  reasonFact?: BankMatchFact | undefined;
}): string {
  return (s.reasonFact && matchFactText(s.reasonFact)) ?? sentence(s.reason);
}
