import type { StatementFact } from './facts.ts';
import type { statementFormats } from '../schema.ts';

export type StatementFormat = (typeof statementFormats)[number];

/** One booked line of a statement, as the bank states it; amounts in integer minor units. */
export interface ParsedLine {
  bookedOn: string;
  valueOn: string | null;
  /** Signed: credits (money in) positive, debits negative. */
  amountMinor: bigint;
  currency: string;
  counterparty: string;
  counterpartyAccount: string;
  description: string;
  /** The bank's own reference for the line (AcctSvcrRef, MT940 bank reference, FITID...). */
  bankReference: string | null;
  /** Payment references worth matching on: creditor references, end-to-end ids, customer refs. */
  references: string[];
}

/** A balance as stated, with the code the file gives it (OPBD, PRCD, 60F, 62M, LEDGERBAL...). */
export interface ParsedBalance {
  amountMinor: bigint;
  code: string;
  on: string | null;
  /** A CSV's balance is its running balance column before or after a line (`code` in English). */
  column?: string;
  line?: number;
}

/** One statement of a file; a file may hold several, for one account or several. */
export interface ParsedStatement {
  format: StatementFormat;
  /** The bank account the statement is for: an IBAN, an MT940 :25: value, an OFX ACCTID. */
  bankAccountRef: string | null;
  currency: string;
  statementRef: string | null;
  fromDay: string | null;
  toDay: string | null;
  opening: ParsedBalance | null;
  closing: ParsedBalance | null;
  lines: ParsedLine[];
  /** Figures the file itself contradicts (a CSV running balance that does not follow...). */
  problems: StatementFact[];
  /** Things worth telling the importer that are not problems (pending entries left out...). */
  notes: StatementFact[];
}

/** A problem in the file, with where it is: a line number, or a statement and entry index. */
export interface FileProblem {
  pointer: string;
  message: string;
  /** The finding as a fact the web words in the reader's language (`statement.*`). */
  code?: string;
  params?: Record<string, string | number>;
}

/** What a parser found wrong, as a code and its figures beside the English words. */
export class StatementFinding extends Error {
  readonly code: string;
  readonly params: Record<string, string | number>;
  constructor(code: string, params: Record<string, string | number>, message: string) {
    super(message);
    this.code = code;
    this.params = params;
  }
}

/**
 * The problem at `pointer` that a parser's error describes: a finding keeps its code, with any
 * `more` figures; another error (a library's own) is `reason`, in its own words, under `code`.
 */
export function problemAt(
  pointer: string,
  error: unknown,
  otherwise = 'statement.unreadable-part',
  more: Record<string, string | number> = {},
): FileProblem {
  const message = error instanceof Error ? error.message : String(error);
  return error instanceof StatementFinding
    ? { pointer, message, code: error.code, params: { ...error.params, ...more } }
    : { pointer, message, code: otherwise, params: { reason: message, ...more } };
}

/** The file cannot be read: every problem found, not only the first. */
export class StatementFileError extends Error {
  readonly problems: FileProblem[];
  constructor(summary: string, problems: FileProblem[]) {
    super(summary);
    this.problems = problems;
  }
}
