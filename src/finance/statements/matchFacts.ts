import { z } from 'zod';
import { displayMoney } from '../../platform/money/display.ts';

/**
 * Why the matcher matched a bank line or suggested what it settles, as a fact: a code and its
 * figures. The English `reason` the API has always returned is written from the fact
 * (`matchFactEnglish`), so the two cannot drift, and the fact is stored beside it in the line's
 * suggestion (`reasonFact`) for the web to word in the reader's language.
 *
 * Params whose name ends in `Minor` are amounts in minor units as decimal strings, in
 * `currency` (the bank line's) unless a param names their own (`entryCurrency`,
 * `openCurrency`); days are ISO days; flags are 1 or 0; names, titles, references and account
 * paths are as the books hold them.
 */
export const matchFactCodes = [
  // An entry already booked.
  'reference-and-amount', // token, amountMinor, currency, entryNumber: matched at import
  'reference-amounts-differ', // token, entryNumber, entryMinor, entryCurrency, amountMinor, currency
  'same-amount', // amountMinor, currency, days, namesCounterparty
  // An open invoice (invoicing's candidates); `by` is 'creditor-reference' (with
  // `creditorReference`) or 'invoice-number'.
  'invoice-reference-and-amount', // by, creditorReference?, invoiceNumber, openMinor, currency
  'invoice-amount-differs', // by, creditorReference?, invoiceNumber, openMinor, openCurrency,
  // amountMinor, currency
  'invoice-open-amount', // invoiceNumber, organizationName, openMinor, currency
  // Money out.
  'claim-amount', // claimTitle, incurredOn, amountMinor, currency, namedByLine
  'salary', // payee, amountMinor, currency, account
  // Money in from an organization: recognised by the payer's name, or named in the line.
  'sponsor-payer', // payer, organizationName, amountMinor, currency
  'sponsor-named', // organizationName, amountMinor, currency
  // A reversed entry's bank line, offered again (src/finance/commands/followReversal.ts).
  'claim-payment-reversed', // entryNumber, reversalNumber, claimTitle
  'sponsor-payment-reversed', // entryNumber, reversalNumber, organizationName
] as const;
export type MatchFactCode = (typeof matchFactCodes)[number];

export type MatchFactParams = Record<string, string | number>;

export interface MatchFact {
  code: MatchFactCode;
  params: MatchFactParams;
}

export const matchFactSchema = z
  .object({
    code: z.enum(matchFactCodes),
    params: z.record(z.string(), z.union([z.string(), z.number()])),
  })
  .meta({ id: 'BankMatchFact' });

/** A fact with only the params that are present; amounts (bigint) as decimal strings. */
export function matchFact(
  code: MatchFactCode,
  params: Record<string, string | number | bigint | boolean | null | undefined> = {},
): MatchFact {
  const present: MatchFactParams = {};
  for (const [name, value] of Object.entries(params))
    if (value !== null && value !== undefined)
      present[name] =
        typeof value === 'bigint' ? value.toString() : typeof value === 'boolean' ? +value : value;
  return { code, params: present };
}

const text = (v: MatchFactParams[string] | undefined) => (v === undefined ? '' : String(v));

/** The English reason the matcher has always written for a fact. */
export function matchFactEnglish({ code, params: p }: MatchFact): string {
  const money = (name: string, currency = 'currency') =>
    displayMoney(BigInt(text(p[name])), text(p[currency]));
  const days = Number(p.days);
  const invoiceBy = () =>
    p.by === 'creditor-reference'
      ? `creditor reference ${text(p.creditorReference)}`
      : `invoice number ${text(p.invoiceNumber)}`;
  switch (code) {
    case 'reference-and-amount':
      return `reference ${text(p.token)} and amount ${money('amountMinor')} match entry #${text(p.entryNumber)}`;
    case 'reference-amounts-differ':
      return `reference ${text(p.token)} is in entry #${text(p.entryNumber)}, but the amounts differ: the entry moved ${money('entryMinor', 'entryCurrency')}, the bank ${money('amountMinor')}`;
    case 'same-amount':
      return `same amount ${money('amountMinor')} on this bank account, ${days === 0 ? 'the same day' : `${days} day${days === 1 ? '' : 's'} apart`}${p.namesCounterparty ? ', and the entry names the counterparty' : ''}`;
    case 'invoice-reference-and-amount':
      return `${invoiceBy()} and amount ${money('openMinor')} match invoice ${text(p.invoiceNumber)}`;
    case 'invoice-amount-differs':
      return `${invoiceBy()} names invoice ${text(p.invoiceNumber)}, which has ${money('openMinor', 'openCurrency')} open: the bank moved ${money('amountMinor')} (a partial or an overpayment)`;
    case 'invoice-open-amount':
      return `same amount ${money('openMinor')} as open invoice ${text(p.invoiceNumber)} (${text(p.organizationName)})`;
    case 'claim-amount':
      return `pays ${money('amountMinor')}, the amount of the approved expense claim “${text(p.claimTitle)}” (${text(p.incurredOn)})${p.namedByLine ? ', which the line names' : ''}`;
    case 'salary':
      return `the payee ${text(p.payee)} draws a salary: pay of ${money('amountMinor')}, booked against ${text(p.account)}, where the payroll run owes it`;
    case 'sponsor-payer':
    case 'sponsor-named': {
      const how = code === 'sponsor-payer' ? `the payer “${text(p.payer)}” is` : 'the line names';
      return `${how} ${text(p.organizationName)}: money in of ${money('amountMinor')}, a sponsor payment?`;
    }
    case 'claim-payment-reversed':
      return `entry #${text(p.entryNumber)}, which paid the expense claim “${text(p.claimTitle)}”, was reversed (entry #${text(p.reversalNumber)}): confirming pays the claim again`;
    case 'sponsor-payment-reversed':
      return `entry #${text(p.entryNumber)}, the sponsor payment of ${text(p.organizationName)}, was reversed (entry #${text(p.reversalNumber)}): confirming records the payment again`;
  }
}

/** A reason with its fact: the English written from it, the fact kept beside it. */
export const reasonOf = (fact: MatchFact): { reason: string; reasonFact: MatchFact } => ({
  reason: matchFactEnglish(fact),
  reasonFact: fact,
});
