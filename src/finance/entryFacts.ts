import { z } from 'zod';

/**
 * What an entry the co-op writes by itself says, as facts: a code and the figures and names it
 * is made of. The ledger stores them beside the English description (and posting memo) it has
 * always stored, so that exports and the API's `description` keep the English while the books'
 * screens word each entry in the reader's language. Entries people type carry none.
 *
 * Params whose name ends in `Minor` are amounts in minor units of `currency`, as decimal
 * strings; names, titles, reasons and references are what someone typed, shown as written.
 */
export const entryFactCodes = [
  // Descriptions of entries.
  'payroll', // month, hackers
  'year-end-close', // fiscalYear
  'year-end-dividends', // fiscalYear
  'expense-claim', // title
  'sponsor-payment', // reference?
  'reversal', // number, reason
  'salary-paid', // counterparty
  'bank-line', // bookedOn
  'invoice', // number, buyer
  'credit-note', // number, buyer
  'invoice-payment', // number, reference?
  // Memos of postings.
  'payroll-cost', // name, grossMinor, employerCostMinor, currency, days?, daysInMonth?
  'payroll-owed', // name, month
  'exchange-gain',
  'exchange-loss',
  'exchange-difference', // invoice
] as const;
export type EntryFactCode = (typeof entryFactCodes)[number];

export interface EntryFact {
  code: EntryFactCode;
  params: Record<string, string | number>;
}

export const entryFactSchema = z
  .object({
    code: z.enum(entryFactCodes),
    params: z.record(z.string(), z.union([z.string(), z.number()])),
  })
  .meta({ id: 'EntryFact' });

/** A fact as written, with only the params that are present (an optional reference left out). */
export function entryFact(
  code: EntryFactCode,
  params: Record<string, string | number | null | undefined> = {},
): EntryFact {
  const present = Object.entries(params).filter(
    (kv): kv is [string, string | number] => kv[1] !== null && kv[1] !== undefined && kv[1] !== '',
  );
  return { code, params: Object.fromEntries(present) };
}
