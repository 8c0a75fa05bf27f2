import { z } from 'zod';
import { displayMoney } from '../../platform/money/display.ts';

/**
 * What an import says about a statement after reading it, as facts: a code and its figures.
 * The English sentences the API has always returned (`notes`, `gaps`, `balanceProblem`) are
 * written from these facts (`factEnglish`), and the facts go beside them (`noteFacts`,
 * `gapFacts`, `balanceFacts`) for the web to word in the reader's language.
 *
 * Params whose name ends in `Minor` are amounts in minor units of `currency`, as decimal
 * strings; days are ISO days; codes, columns and statuses are the bank's own words.
 */
export const statementFactCodes = [
  // Notes: what the import left out or could not check.
  'not-booked', // count: CAMT entries pending or for information, left out
  'rows-not-booked', // count, statuses: CSV rows whose status is not a booked one
  'opening-from-prcd', // CAMT without OPBD: the previously closed booked balance is used
  'foreign-lines', // count, currency, sumMinor: lines in another currency, not counted
  'no-opening', // closingCode, closingMinor, impliedMinor, currency
  'no-closing', // impliedMinor, currency
  'no-balances',
  // Balance problems: the file's own figures do not add up.
  'does-not-add-up', // openingCode, openingMinor, creditsMinor, debitsMinor, computedMinor,
  // closingCode, closingMinor, differenceMinor, currency; for CSV openingColumn, openingLine,
  // closingColumn, closingLine instead of the codes
  'running-balance', // line, statedMinor, expectedMinor, currency
  // Gaps between statements of one account.
  'days-uncovered', // from, to
  'opening-not-closing', // previousRef?, previousToDay?, closingMinor, openingMinor, missingMinor, currency
] as const;
export type StatementFactCode = (typeof statementFactCodes)[number];

/** Which statement of a file a fact is about, as the English names it ("statement X of Y"). */
export interface StatementLabel {
  statementRef: string | null;
  bankAccountRef: string | null;
  fromDay: string | null;
  toDay: string | null;
}

export type StatementFactParams = Record<string, string | number | string[]>;

export interface StatementFact {
  code: StatementFactCode;
  params: StatementFactParams;
  /** The statement it is about, when the English names one (a problem, a gap inside a file). */
  statement?: StatementLabel;
}

export const statementLabelSchema = z
  .object({
    statementRef: z.string().nullable(),
    bankAccountRef: z.string().nullable(),
    fromDay: z.string().nullable(),
    toDay: z.string().nullable(),
  })
  .meta({ id: 'StatementLabel' });

export const statementFactSchema = z
  .object({
    code: z.enum(statementFactCodes),
    params: z.record(z.string(), z.union([z.string(), z.number(), z.array(z.string())])),
    statement: statementLabelSchema.optional(),
  })
  .meta({ id: 'StatementFact' });

/** A fact with only the params that are present (an unnamed previous statement left out). */
export function statementFact(
  code: StatementFactCode,
  params: Record<string, string | number | bigint | string[] | null | undefined> = {},
  statement?: StatementLabel,
): StatementFact {
  const present: StatementFactParams = {};
  for (const [name, value] of Object.entries(params))
    if (value !== null && value !== undefined)
      present[name] = typeof value === 'bigint' ? value.toString() : value;
  return statement
    ? { code, params: present, statement: labelOf(statement) }
    : { code, params: present };
}

/** Only the label's own fields, not the whole statement it was taken from. */
export const labelOf = (s: StatementLabel): StatementLabel => ({
  statementRef: s.statementRef,
  bankAccountRef: s.bankAccountRef,
  fromDay: s.fromDay,
  toDay: s.toDay,
});

/** "statement X of Y (from to to)": how the English names a statement. */
export function describeStatement(s: StatementLabel): string {
  const id = s.statementRef ? `statement ${s.statementRef}` : 'the statement';
  const account = s.bankAccountRef ? ` of ${s.bankAccountRef}` : '';
  const days =
    s.fromDay && s.toDay
      ? s.fromDay === s.toDay
        ? ` (${s.fromDay})`
        : ` (${s.fromDay} to ${s.toDay})`
      : '';
  return `${id}${account}${days}`;
}

const text = (v: StatementFactParams[string] | undefined) =>
  v === undefined ? '' : Array.isArray(v) ? v.join(', ') : String(v);

/** The English the API has always written for a fact, its statement named first. */
export function factEnglish(fact: StatementFact): string {
  const sentence = englishSentence(fact);
  return fact.statement ? `${describeStatement(fact.statement)}: ${sentence}` : sentence;
}

function englishSentence({ code, params: p }: StatementFact): string {
  const money = (name: string) => displayMoney(BigInt(text(p[name])), text(p.currency));
  const count = Number(p.count);
  switch (code) {
    case 'not-booked':
      return `${count} entr${count === 1 ? 'y' : 'ies'} not booked (pending or information only) left out`;
    case 'rows-not-booked':
      return `${count} row(s) whose status is not ${(p.statuses as string[]).join(' or ')} left out`;
    case 'opening-from-prcd':
      return 'no opening balance (OPBD): the previously closed booked balance (PRCD) is used';
    case 'foreign-lines':
      return `${count} entr${count === 1 ? 'y' : 'ies'} in ${text(p.currency)} (${money('sumMinor')}) not in the statement's currency and not counted`;
    case 'no-opening':
      return `no opening balance stated: the closing balance (${text(p.closingCode)}) ${money('closingMinor')} less the lines implies an opening of ${money('impliedMinor')}`;
    case 'no-closing':
      return `no closing balance stated: the opening balance plus the lines implies a closing of ${money('impliedMinor')}`;
    case 'no-balances':
      return 'no balances stated: the lines cannot be checked against the bank’s figures';
    case 'does-not-add-up':
      return `the opening balance (${balanceCode(p, 'opening')}) ${money('openingMinor')} + credits ${money('creditsMinor')} - debits ${money('debitsMinor')} = ${money('computedMinor')}, but the closing balance (${balanceCode(p, 'closing')}) is ${money('closingMinor')}: a difference of ${money('differenceMinor')}`;
    case 'running-balance':
      return `line ${text(p.line)}: the running balance ${money('statedMinor')} does not follow from the line before (${money('expectedMinor')})`;
    case 'days-uncovered':
      return `no statement covers ${text(p.from)}${p.from === p.to ? '' : ` to ${text(p.to)}`}`;
    case 'opening-not-closing': {
      const previous = p.previousRef
        ? `statement ${text(p.previousRef)}`
        : 'the previous statement';
      const to = p.previousToDay ? ` (to ${text(p.previousToDay)})` : '';
      return `${previous}${to} closed at ${money('closingMinor')} but this one opens at ${money('openingMinor')}: ${money('missingMinor')} of entries are missing between them`;
    }
  }
}

/** A CSV balance is its column before or after a line; a bank's, its code (OPBD, 60F...). */
function balanceCode(p: StatementFactParams, which: 'opening' | 'closing'): string {
  const column = p[`${which}Column`];
  if (column === undefined) return text(p[`${which}Code`]);
  return `${text(column)} ${which === 'opening' ? 'before' : 'after'} line ${text(p[`${which}Line`])}`;
}

/** Facts' English joined as the API's one sentence has always joined them. */
export const englishOf = (facts: StatementFact[]): string => facts.map(factEnglish).join('; ');
