import type { EntryFact } from '../api/types.ts';
import { formatDate, formatNumber } from '../app/format.ts';
import { formatMoney } from '../app/money.ts';
import { monthLabel } from './books.ts';
import { t } from './messages.ts';

type Params = EntryFact['params'];

const text = (value: Params[string] | undefined): string =>
  value === undefined ? '' : String(value);
const month = (value: Params[string] | undefined) => monthLabel(text(value), 'long');
/** An amount the co-op wrote in minor units, in the reader's money format. */
const money = (p: Params, name: string) => formatMoney(text(p[name]), text(p.currency));

/**
 * A sentence the co-op wrote into the books, in the reader's language, from its facts. Names,
 * titles, reasons and references are what someone typed and stay as typed; a code this screen
 * does not know: null.
 */
export function factText(fact: EntryFact): string | null {
  const p = fact.params;
  switch (fact.code) {
    case 'payroll':
      return t('entryFact.payroll', { month: month(p.month), count: Number(p.hackers) });
    case 'year-end-close':
    case 'year-end-dividends':
      // A fiscal year is a name ("2025"), not a quantity: no digit grouping.
      return t(`entryFact.${fact.code}`, { fiscalYear: text(p.fiscalYear) });
    case 'expense-claim':
      return t('entryFact.expense-claim', { title: text(p.title) });
    case 'sponsor-payment':
      return p.reference === undefined
        ? t('entryFact.sponsor-payment')
        : t('entryFact.sponsorPaymentWithReference', { reference: text(p.reference) });
    case 'reversal':
      return t('entryFact.reversal', { number: text(p.number), reason: text(p.reason) });
    case 'salary-paid':
      return t('entryFact.salary-paid', { counterparty: text(p.counterparty) });
    case 'bank-line':
      return t('entryFact.bank-line', { date: formatDate(text(p.bookedOn)) });
    case 'invoice':
    case 'credit-note':
      return t(`entryFact.${fact.code}`, { number: text(p.number), buyer: text(p.buyer) });
    case 'invoice-payment':
      return p.reference === undefined
        ? t('entryFact.invoice-payment', { number: text(p.number) })
        : t('entryFact.invoicePaymentWithReference', {
            number: text(p.number),
            reference: text(p.reference),
          });
    case 'payroll-cost': {
      const figures = {
        name: text(p.name),
        gross: money(p, 'grossMinor'),
        employerCost: money(p, 'employerCostMinor'),
      };
      return p.days === undefined
        ? t('entryFact.payroll-cost', figures)
        : t('entryFact.payrollCostPart', {
            ...figures,
            days: formatNumber(Number(p.days)),
            daysInMonth: formatNumber(Number(p.daysInMonth)),
          });
    }
    case 'payroll-owed':
      return t('entryFact.payroll-owed', { name: text(p.name), month: month(p.month) });
    case 'exchange-gain':
    case 'exchange-loss':
      return t(`entryFact.${fact.code}`);
    case 'exchange-difference':
      return t('entryFact.exchange-difference', { invoice: text(p.invoice) });
    default:
      return null;
  }
}

/** An entry's description in the reader's language where the co-op wrote it; else as typed. */
export function entryDescription(entry: {
  description: string;
  description_fact: EntryFact | null;
}): string {
  return (entry.description_fact && factText(entry.description_fact)) ?? entry.description;
}

/** A posting's memo in the reader's language where the co-op wrote it; else as typed. */
export function postingMemo(posting: { memo: string; memo_fact: EntryFact | null }): string {
  return (posting.memo_fact && factText(posting.memo_fact)) ?? posting.memo;
}
