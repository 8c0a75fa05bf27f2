import { toDateInput } from '../governance/labels.ts';
import { formatNumber } from '../app/format.ts';
import { intlTag } from '../app/i18n.ts';
import type { AccountType } from '../api/types.ts';
import { t } from './messages.ts';

export function today(): string {
  return toDateInput(new Date());
}

/** Fiscal year N starts in calendar year N, in the bylaws' starting month. */
export function fiscalYearOf(day: string, startMonth: number): number {
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7));
  return month >= startMonth ? year : year - 1;
}

export function fiscalYearStart(fiscalYear: number, startMonth: number): string {
  return `${fiscalYear}-${String(startMonth).padStart(2, '0')}-01`;
}

export function fiscalYearEnd(fiscalYear: number, startMonth: number): string {
  const end = new Date(Date.UTC(fiscalYear + 1, startMonth - 1, 0));
  return end.toISOString().slice(0, 10);
}

// One number formatter for the whole app (app/format.ts); kept here for the books' imports.
export { formatNumber } from '../app/format.ts';

/** Runway in months, "7.5 months", as the member's language writes it. */
export function monthsText(months: number): string {
  return t('months', { count: months, months: formatNumber(months) });
}

/** "2026-04" -> "Apr 2026". */
export function monthLabel(month: string, style: 'short' | 'long' = 'short'): string {
  const date = new Date(`${month}-01T00:00:00`);
  if (Number.isNaN(date.getTime())) return month;
  return new Intl.DateTimeFormat(intlTag(), { month: style, year: 'numeric' }).format(date);
}

/** The months from one "YYYY-MM" to another, inclusive. */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  let year = Number(from.slice(0, 4));
  let month = Number(from.slice(5, 7));
  const endYear = Number(to.slice(0, 4));
  const endMonth = Number(to.slice(5, 7));
  while ((year < endYear || (year === endYear && month <= endMonth)) && months.length < 240) {
    months.push(`${year}-${String(month).padStart(2, '0')}`);
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
  return months;
}

/** Debit-normal accounts show their balance as is; the others as credits, sign turned. */
export function isDebitNormal(type: AccountType): boolean {
  return type === 'asset' || type === 'expense';
}

/** "income:sponsorship" -> "Sponsorship"; "equity:member-capital:ada-lindqvist-4d2f70f2" -> "Ada lindqvist". */
export function accountName(path: string): string {
  const last = (path.split(':').pop() ?? path).replace(/-[0-9a-f]{8}$/, '');
  if (/^(vat|gst|hst)$/i.test(last)) return last.toUpperCase();
  const text = last.replace(/-/g, ' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * An account as a picker offers it: "5400 Travel (expenses:travel)", and a member's capital
 * account by the member's name rather than its slug: "3201 Bruno Costa (equity:member-capital:…)".
 */
export function accountOption(account: { code: string; path: string; holder?: string | null }) {
  const name = account.holder ?? accountName(account.path);
  return { value: account.path, label: `${account.code} ${name} (${account.path})` };
}

const entryKinds = {
  manual: true,
  payment: true,
  expense: true,
  income: true,
  transfer: true,
  adjustment: true,
  dividend: true,
  'year-end-close': true,
  reversal: true,
  payroll: true,
  opening: true,
} as const;
type EntryKind = keyof typeof entryKinds;

/** An entry's kind in the member's language; a kind the app does not know yet, humanized. */
export function kindLabel(kind: string): string {
  return kind in entryKinds
    ? t(`kind.${kind as EntryKind}`)
    : kind.charAt(0).toUpperCase() + kind.slice(1).replace(/-/g, ' ');
}

/** The address of the postings behind a figure. */
export function entriesHref(account: string): string {
  return `/books/entries?account=${encodeURIComponent(account)}`;
}

/** Where a long account path may wrap: after each colon. */
export function pathParts(path: string): string[] {
  return path.split(/(?<=:)/);
}

/** "86400 minutes worked" -> "1,440 hours worked"; other bases as the server wrote them. */
export function basisText(basis: string): string {
  const minutes = /^(\d+) minutes worked$/.exec(basis);
  if (!minutes) return basis;
  return t('basis.hoursWorked', { hours: formatNumber(Number(minutes[1]) / 60) });
}
