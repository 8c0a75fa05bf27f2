import { createHash } from 'node:crypto';
import {
  describeStatement,
  englishOf,
  factEnglish,
  labelOf,
  statementFact,
  type StatementFact,
} from './facts.ts';
import type { ParsedLine, ParsedStatement } from './types.ts';

export { describeStatement };

export type BalanceStatus = 'ok' | 'mismatch' | 'unknown';

export interface BalanceCheck {
  status: BalanceStatus;
  /** As stated, or implied by the closing less the lines when the file states none. */
  openingMinor: bigint | null;
  closingMinor: bigint | null;
  creditsMinor: bigint;
  debitsMinor: bigint;
  /** Lines in another currency than the statement's (not counted in its balance). */
  foreign: { currency: string; count: number; sumMinor: bigint }[];
  /** Why it does not add up, with the figures; null when it does. */
  problem: string | null;
  /** What could not be checked (no opening stated...), or null. */
  note: string | null;
  /** `problem` as facts, each naming its statement. */
  problemFacts: StatementFact[];
  /** `note` as facts. */
  noteFacts: StatementFact[];
}

/** Opening plus the lines must equal closing, exactly, in the statement's currency. */
export function checkBalance(s: ParsedStatement): BalanceCheck {
  const currency = s.currency;
  let credits = 0n;
  let debits = 0n;
  const foreign = new Map<string, { count: number; sumMinor: bigint }>();
  for (const line of s.lines) {
    if (line.currency !== s.currency) {
      const f = foreign.get(line.currency) ?? { count: 0, sumMinor: 0n };
      f.count++;
      f.sumMinor += line.amountMinor;
      foreign.set(line.currency, f);
    } else if (line.amountMinor >= 0n) credits += line.amountMinor;
    else debits -= line.amountMinor;
  }
  const net = credits - debits;
  const foreignList = [...foreign].map(([currency, f]) => ({ currency, ...f }));
  const foreignFacts = foreignList.map((f) =>
    statementFact('foreign-lines', { count: f.count, currency: f.currency, sumMinor: f.sumMinor }),
  );
  const foreignNote = englishOf(foreignFacts);
  const label = describeStatement(s);
  // The file's own findings (a CSV running balance), each naming the statement.
  const found = s.problems.map((p) => ({ ...p, statement: labelOf(s) }));
  const foundEnglish = found.length > 0 ? `${label}: ${englishOf(s.problems)}` : null;
  const base = { creditsMinor: credits, debitsMinor: debits, foreign: foreignList };
  const balanceFigures = (
    which: 'opening' | 'closing',
    b: NonNullable<ParsedStatement['opening']>,
  ) =>
    b.column === undefined
      ? { [`${which}Code`]: b.code }
      : { [`${which}Column`]: b.column, [`${which}Line`]: b.line };
  if (s.opening && s.closing) {
    const computed = s.opening.amountMinor + net;
    const problems: string[] = [];
    const problemFacts: StatementFact[] = [];
    if (computed !== s.closing.amountMinor) {
      const fact = statementFact(
        'does-not-add-up',
        {
          ...balanceFigures('opening', s.opening),
          openingMinor: s.opening.amountMinor,
          creditsMinor: credits,
          debitsMinor: debits,
          computedMinor: computed,
          ...balanceFigures('closing', s.closing),
          closingMinor: s.closing.amountMinor,
          differenceMinor: s.closing.amountMinor - computed,
          currency,
        },
        s,
      );
      problemFacts.push(fact, ...foreignFacts.map((f) => ({ ...f, statement: fact.statement! })));
      problems.push(`${factEnglish(fact)}${foreignNote ? ` (${foreignNote})` : ''}`);
    }
    for (const p of found) {
      problems.push(factEnglish(p));
      problemFacts.push(statementFact(p.code, p.params, s));
    }
    const noteFacts = problems.length === 0 ? foreignFacts : [];
    return {
      ...base,
      status: problems.length > 0 ? 'mismatch' : 'ok',
      openingMinor: s.opening.amountMinor,
      closingMinor: s.closing.amountMinor,
      problem: problems.length > 0 ? problems.join('; ') : null,
      note: noteFacts.length > 0 ? foreignNote : null,
      problemFacts,
      noteFacts,
    };
  }
  const problemFacts = found.map((p) => statementFact(p.code, p.params, s));
  if (s.closing) {
    const implied = s.closing.amountMinor - net;
    const fact = statementFact('no-opening', {
      closingCode: s.closing.code,
      closingMinor: s.closing.amountMinor,
      impliedMinor: implied,
      currency,
    });
    return {
      ...base,
      status: found.length > 0 ? 'mismatch' : 'unknown',
      openingMinor: implied,
      closingMinor: s.closing.amountMinor,
      problem: foundEnglish,
      note: factEnglish(fact),
      problemFacts,
      noteFacts: [fact],
    };
  }
  if (s.opening) {
    const implied = s.opening.amountMinor + net;
    const fact = statementFact('no-closing', { impliedMinor: implied, currency });
    return {
      ...base,
      status: 'unknown',
      openingMinor: s.opening.amountMinor,
      closingMinor: implied,
      problem: null,
      note: factEnglish(fact),
      problemFacts: [],
      noteFacts: [fact],
    };
  }
  const fact = statementFact('no-balances');
  return {
    ...base,
    status: found.length > 0 ? 'mismatch' : 'unknown',
    openingMinor: null,
    closingMinor: null,
    problem: foundEnglish,
    note: factEnglish(fact),
    problemFacts,
    noteFacts: [fact],
  };
}

export interface StatementSpan {
  statementRef: string | null;
  fromDay: string | null;
  toDay: string | null;
  currency: string;
  openingMinor: bigint | null;
  closingMinor: bigint | null;
}

const nextDay = (day: string) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
const previousDay = (day: string) =>
  new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

/**
 * What is missing between two statements of one account, as facts: days no statement covers,
 * or an opening that is not the previous closing. Overlapping statements are not a gap (their
 * shared lines are skipped on import).
 */
export function gapFacts(previous: StatementSpan, next: StatementSpan): StatementFact[] {
  if (previous.currency !== next.currency) return [];
  const facts: StatementFact[] = [];
  if (previous.toDay && next.fromDay) {
    if (next.fromDay < previous.toDay) return [];
    if (next.fromDay > nextDay(previous.toDay))
      facts.push(
        statementFact('days-uncovered', {
          from: nextDay(previous.toDay),
          to: previousDay(next.fromDay),
        }),
      );
  }
  if (
    previous.closingMinor !== null &&
    next.openingMinor !== null &&
    previous.closingMinor !== next.openingMinor
  )
    facts.push(
      statementFact('opening-not-closing', {
        previousRef: previous.statementRef,
        previousToDay: previous.toDay,
        closingMinor: previous.closingMinor,
        openingMinor: next.openingMinor,
        missingMinor: next.openingMinor - previous.closingMinor,
        currency: next.currency,
      }),
    );
  return facts;
}

/**
 * A gap's English, as the API has always written it: "Gap: ...; ...", after the statement it
 * comes before when that is a part of the same file.
 */
export function gapEnglish(facts: StatementFact[]): string {
  const about = facts[0]?.statement;
  const text = `Gap: ${englishOf(facts.map(({ code, params }) => ({ code, params })))}`;
  return about ? `${describeStatement(about)}: ${text}` : text;
}

/** What is missing between two statements of one account, in English, or null. */
export function gapBetween(previous: StatementSpan, next: StatementSpan): string | null {
  const facts = gapFacts(previous, next);
  return facts.length > 0 ? gapEnglish(facts) : null;
}

/**
 * Each line's dedupe key: the bank's reference with a hash of date, amount and currency (banks
 * reuse a reference for a batch and its lines, ABN AMRO for two entries), else a hash of the
 * line's content. A line repeated within the file (two identical coffees) gets `~2`, `~3`, so
 * the same file, or an overlapping one, yields the same keys.
 */
export function dedupeKeys(lines: ParsedLine[]): string[] {
  const seen = new Map<string, number>();
  return lines.map((line) => {
    const content = line.bankReference
      ? `${line.bookedOn}|${line.amountMinor}|${line.currency}`
      : `${line.bookedOn}|${line.amountMinor}|${line.currency}|${line.description}|${line.counterparty}|${line.counterpartyAccount}`;
    const hash = createHash('sha256').update(content).digest('hex');
    const base = line.bankReference
      ? `ref:${line.bankReference.slice(0, 100)}|${hash.slice(0, 24)}`
      : `sha256:${hash}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base}~${n}`;
  });
}
