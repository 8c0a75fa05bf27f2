import { createHash } from 'node:crypto';
import { displayMoney } from '../../platform/money/display.ts';
import type { ParsedLine, ParsedStatement } from './types.ts';

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
}

export function describeStatement(s: {
  statementRef: string | null;
  bankAccountRef: string | null;
  fromDay: string | null;
  toDay: string | null;
}): string {
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

/** Opening plus the lines must equal closing, exactly, in the statement's currency. */
export function checkBalance(s: ParsedStatement): BalanceCheck {
  const money = (minor: bigint) => displayMoney(minor, s.currency);
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
  const foreignNote = foreignList
    .map(
      (f) =>
        `${f.count} entr${f.count === 1 ? 'y' : 'ies'} in ${f.currency} (${displayMoney(f.sumMinor, f.currency)}) not in the statement's currency and not counted`,
    )
    .join('; ');
  const label = describeStatement(s);
  const base = { creditsMinor: credits, debitsMinor: debits, foreign: foreignList };
  if (s.opening && s.closing) {
    const computed = s.opening.amountMinor + net;
    const problems: string[] = [];
    if (computed !== s.closing.amountMinor)
      problems.push(
        `${label}: the opening balance (${s.opening.code}) ${money(s.opening.amountMinor)} + credits ${money(credits)} - debits ${money(debits)} = ${money(computed)}, but the closing balance (${s.closing.code}) is ${money(s.closing.amountMinor)}: a difference of ${money(s.closing.amountMinor - computed)}${foreignNote ? ` (${foreignNote})` : ''}`,
      );
    for (const p of s.problems) problems.push(`${label}: ${p}`);
    return {
      ...base,
      status: problems.length > 0 ? 'mismatch' : 'ok',
      openingMinor: s.opening.amountMinor,
      closingMinor: s.closing.amountMinor,
      problem: problems.length > 0 ? problems.join('; ') : null,
      note: foreignNote && problems.length === 0 ? foreignNote : null,
    };
  }
  if (s.closing) {
    const implied = s.closing.amountMinor - net;
    return {
      ...base,
      status: s.problems.length > 0 ? 'mismatch' : 'unknown',
      openingMinor: implied,
      closingMinor: s.closing.amountMinor,
      problem: s.problems.length > 0 ? `${label}: ${s.problems.join('; ')}` : null,
      note: `no opening balance stated: the closing balance (${s.closing.code}) ${money(s.closing.amountMinor)} less the lines implies an opening of ${money(implied)}`,
    };
  }
  if (s.opening) {
    const implied = s.opening.amountMinor + net;
    return {
      ...base,
      status: 'unknown',
      openingMinor: s.opening.amountMinor,
      closingMinor: implied,
      problem: null,
      note: `no closing balance stated: the opening balance plus the lines implies a closing of ${money(implied)}`,
    };
  }
  return {
    ...base,
    status: s.problems.length > 0 ? 'mismatch' : 'unknown',
    openingMinor: null,
    closingMinor: null,
    problem: s.problems.length > 0 ? `${label}: ${s.problems.join('; ')}` : null,
    note: 'no balances stated: the lines cannot be checked against the bank’s figures',
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
 * What is missing between two statements of one account, or null: days no statement covers,
 * or an opening that is not the previous closing. Overlapping statements are not a gap (their
 * shared lines are skipped on import).
 */
export function gapBetween(previous: StatementSpan, next: StatementSpan): string | null {
  if (previous.currency !== next.currency) return null;
  const problems: string[] = [];
  const prevName = previous.statementRef
    ? `statement ${previous.statementRef}`
    : 'the previous statement';
  if (previous.toDay && next.fromDay) {
    if (next.fromDay < previous.toDay) return null;
    if (next.fromDay > nextDay(previous.toDay))
      problems.push(
        `no statement covers ${nextDay(previous.toDay)}${nextDay(previous.toDay) === previousDay(next.fromDay) ? '' : ` to ${previousDay(next.fromDay)}`}`,
      );
  }
  if (
    previous.closingMinor !== null &&
    next.openingMinor !== null &&
    previous.closingMinor !== next.openingMinor
  )
    problems.push(
      `${prevName}${previous.toDay ? ` (to ${previous.toDay})` : ''} closed at ${displayMoney(previous.closingMinor, previous.currency)} but this one opens at ${displayMoney(next.openingMinor, next.currency)}: ${displayMoney(next.openingMinor - previous.closingMinor, next.currency)} of entries are missing between them`,
    );
  return problems.length > 0 ? `Gap: ${problems.join('; ')}` : null;
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
