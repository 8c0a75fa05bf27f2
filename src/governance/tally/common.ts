/**
 * Helpers shared by the counting methods: exact fixed-point formatting, ballot building and
 * preparation, and the tie-breaking rule (earlier rounds, then a deterministic lot).
 */
import type { Ballots, CandidateStatus, TallyInput, TallyResult, TieBreak } from './types.ts';

export const defaultSeed = 'hackers-coop';

/** Formats an integer number of 10^-decimals units as a fixed-point decimal string. */
export function formatUnits(units: number, decimals: number): string {
  if (!Number.isSafeInteger(units)) throw new RangeError(`not an exact vote figure: ${units}`);
  const negative = units < 0;
  const digits = String(Math.abs(units));
  if (decimals === 0) return negative ? `-${digits}` : digits;
  const padded = digits.padStart(decimals + 1, '0');
  const whole = padded.slice(0, padded.length - decimals);
  const fraction = padded.slice(padded.length - decimals);
  return `${negative ? '-' : ''}${whole}.${fraction}`;
}

/** Like `formatUnits`, with an explicit sign for changes: "+1.50000", "-2.00000", "0.00000". */
export function formatChange(units: number, decimals: number): string {
  return units > 0 ? `+${formatUnits(units, decimals)}` : formatUnits(units, decimals);
}

/** Parses a fixed-point decimal string back into integer units (for checks and tests). */
export function parseUnits(text: string, decimals: number): bigint {
  const match = /^([+-]?)(\d+)(?:\.(\d+))?$/.exec(text);
  if (!match) throw new RangeError(`not a decimal: ${text}`);
  const fraction = (match[3] ?? '').padEnd(decimals, '0');
  if (fraction.length !== decimals)
    throw new RangeError(`${text} has more than ${decimals} places`);
  const value = BigInt(match[2]! + fraction);
  return match[1] === '-' ? -value : value;
}

/** floor(a / b) for non-negative safe integers, exact even where a / b rounds as a float. */
export function floorDiv(a: number, b: number): number {
  let q = Math.floor(a / b);
  while (q * b > a) q--;
  while ((q + 1) * b <= a) q++;
  return q;
}

/**
 * Collects ranked ballots, merging identical ones. Candidates are 0-based indices; a ballot is
 * identified by the sequence of its preferences.
 */
export class BallotsBuilder {
  readonly #index = new Map<string, number>();
  readonly #weights: number[] = [];
  readonly #offsets: number[] = [0];
  readonly #prefs: number[] = [];

  /** Adds `weight` voters who ranked `prefs[0..length)`; `key` must identify that sequence. */
  add(key: string, prefs: ArrayLike<number>, length: number, weight: number): void {
    const known = this.#index.get(key);
    if (known !== undefined) {
      this.#weights[known]! += weight;
      return;
    }
    this.#index.set(key, this.#weights.length);
    this.#weights.push(weight);
    for (let i = 0; i < length; i++) this.#prefs.push(prefs[i]!);
    this.#offsets.push(this.#prefs.length);
  }

  build(): Ballots {
    return {
      count: this.#weights.length,
      weights: Float64Array.from(this.#weights),
      offsets: Uint32Array.from(this.#offsets),
      prefs: Uint16Array.from(this.#prefs),
    };
  }
}

/** The aggregation key of a preference sequence. */
export function ballotKey(prefs: ArrayLike<number>, length: number): string {
  let key = '';
  for (let i = 0; i < length; i++) key += String.fromCharCode(prefs[i]!);
  return key;
}

/**
 * Builds ballots from readable rankings (candidate names or 0-based indices), merging identical
 * ones: `ballotsFromRankings(['A', 'B', 'C'], [{ weight: 3, ranking: ['A', 'C'] }])`.
 */
export function ballotsFromRankings(
  candidates: readonly string[],
  rows: readonly { weight?: number; ranking: readonly (string | number)[] }[],
): Ballots {
  const builder = new BallotsBuilder();
  for (const [row, { weight = 1, ranking }] of rows.entries()) {
    if (!Number.isSafeInteger(weight) || weight <= 0)
      throw new RangeError(`ballot ${row + 1}: the weight must be a positive whole number`);
    const prefs = ranking.map((c) => {
      const index = typeof c === 'number' ? c : candidates.indexOf(c);
      if (!Number.isInteger(index) || index < 0 || index >= candidates.length)
        throw new RangeError(`ballot ${row + 1}: unknown candidate ${String(c)}`);
      return index;
    });
    if (new Set(prefs).size !== prefs.length)
      throw new RangeError(`ballot ${row + 1}: a candidate is ranked twice`);
    if (prefs.length === 0) continue;
    builder.add(ballotKey(prefs, prefs.length), prefs, prefs.length, weight);
  }
  return builder.build();
}

export interface PreparedBallots {
  ballots: Ballots;
  /** Voters with at least one eligible preference. */
  total: number;
  /** Voters whose ballots ranked only withdrawn candidates. */
  ignored: number;
  /** Initial status of each candidate: hopeful, or withdrawn. */
  status: CandidateStatus[];
}

/**
 * Removes withdrawn candidates from the ballots (a withdrawn candidate is skipped as if never
 * ranked) and drops ballots left empty. Without withdrawals the ballots are used as they are.
 */
export function prepareBallots(input: TallyInput): PreparedBallots {
  const n = input.candidates.length;
  if (n === 0) throw new RangeError('there are no candidates');
  const status: CandidateStatus[] = input.candidates.map(() => 'hopeful');
  const withdrawn = input.withdrawn ?? [];
  for (const c of withdrawn) {
    if (!Number.isInteger(c) || c < 0 || c >= n) throw new RangeError(`unknown withdrawn ${c}`);
    status[c] = 'withdrawn';
  }
  const { ballots } = input;
  let total = 0;
  if (withdrawn.length === 0) {
    for (let i = 0; i < ballots.count; i++) total += ballots.weights[i]!;
    return { ballots, total, ignored: 0, status };
  }
  const out = new BallotsBuilder();
  const buffer: number[] = [];
  let ignored = 0;
  for (let i = 0; i < ballots.count; i++) {
    buffer.length = 0;
    for (let p = ballots.offsets[i]!; p < ballots.offsets[i + 1]!; p++) {
      const c = ballots.prefs[p]!;
      if (status[c] !== 'withdrawn') buffer.push(c);
    }
    const weight = ballots.weights[i]!;
    if (buffer.length === 0) {
      ignored += weight;
      continue;
    }
    total += weight;
    out.add(ballotKey(buffer, buffer.length), buffer, buffer.length, weight);
  }
  return { ballots: out.build(), total, ignored, status };
}

/** FNV-1a, 32 bits, over the UTF-16 code units of `text`. */
export function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

/** The deterministic lot described on `TieBreak`: returns the candidates in drawn order. */
export function drawLot(
  seed: string,
  round: number,
  purpose: TieBreak['purpose'],
  tied: readonly number[],
  names: readonly string[],
): number[] {
  const keyed = tied.map((c) => ({
    c,
    key: fnv1a(`${seed}\u0000${round}\u0000${purpose}\u0000${names[c]!}`),
  }));
  keyed.sort((a, b) => a.key - b.key || a.c - b.c);
  return keyed.map((k) => k.c);
}

/**
 * Breaks a tie among `tied` (candidate indices) by the earlier-round rule, then by lot.
 * `history[r]` holds everyone's votes at the end of round r + 1, for the rounds before the
 * current one; `prefer` says whether the lowest (exclusion) or the highest is chosen.
 */
export function breakTie(args: {
  tied: readonly number[];
  history: readonly (readonly number[])[];
  prefer: 'lowest' | 'highest';
  purpose: TieBreak['purpose'];
  round: number;
  seed: string;
  names: readonly string[];
}): { chosen: number; tie: TieBreak } {
  const { history, prefer, purpose, round, seed, names } = args;
  let group = [...args.tied].sort((a, b) => a - b);
  const earlierRounds: number[] = [];
  for (let r = history.length - 1; r >= 0 && group.length > 1; r--) {
    const votes = history[r]!;
    const values = group.map((c) => votes[c]!);
    const target = prefer === 'lowest' ? Math.min(...values) : Math.max(...values);
    if (values.every((v) => v === target)) continue;
    group = group.filter((c) => votes[c] === target);
    earlierRounds.push(r + 1);
  }
  const tiedNames = [...args.tied].sort((a, b) => a - b).map((c) => names[c]!);
  if (group.length === 1) {
    const chosen = group[0]!;
    const tie: TieBreak = {
      purpose,
      candidates: tiedNames,
      resolvedBy: 'earlier-round',
      earlierRounds,
      chosen: names[chosen]!,
    };
    return { chosen, tie };
  }
  const order = drawLot(seed, round, purpose, group, names);
  const chosen = order[0]!;
  const tie: TieBreak = {
    purpose,
    candidates: tiedNames,
    resolvedBy: 'lot',
    earlierRounds,
    lot: { seed, order: order.map((c) => names[c]!) },
    chosen: names[chosen]!,
  };
  return { chosen, tie };
}

/**
 * Orders candidates by votes, highest first, breaking equal votes by the tie rule (each tie is
 * recorded in `ties`). Used for the order in which candidates reaching the quota together are
 * declared elected, and for which surplus is transferred first.
 */
export function orderByVotesDescending(args: {
  candidates: readonly number[];
  votes: readonly number[];
  history: readonly (readonly number[])[];
  purpose: TieBreak['purpose'];
  round: number;
  seed: string;
  names: readonly string[];
  ties: TieBreak[];
}): number[] {
  const remaining = [...args.candidates];
  const ordered: number[] = [];
  while (remaining.length > 0) {
    const top = Math.max(...remaining.map((c) => args.votes[c]!));
    const tied = remaining.filter((c) => args.votes[c] === top);
    let chosen = tied[0]!;
    if (tied.length > 1) {
      const broken = breakTie({ ...args, tied, prefer: 'highest' });
      chosen = broken.chosen;
      args.ties.push(broken.tie);
    }
    ordered.push(chosen);
    remaining.splice(remaining.indexOf(chosen), 1);
  }
  return ordered;
}

/**
 * The candidates' piles of ballot papers, for the transfer-based methods (Scottish STV, IRV):
 * for each candidate, the papers they hold, as (distinct ballot, position of the preference
 * that gave it to them, value per voter in units).
 */
export class Piles {
  readonly ballot: number[][];
  readonly position: number[][];
  readonly value: number[][];

  constructor(candidates: number) {
    this.ballot = Array.from({ length: candidates }, () => []);
    this.position = Array.from({ length: candidates }, () => []);
    this.value = Array.from({ length: candidates }, () => []);
  }

  add(candidate: number, ballot: number, position: number, value: number): void {
    this.ballot[candidate]!.push(ballot);
    this.position[candidate]!.push(position);
    this.value[candidate]!.push(value);
  }

  clear(candidate: number): void {
    this.ballot[candidate]!.length = 0;
    this.position[candidate]!.length = 0;
    this.value[candidate]!.length = 0;
  }
}

/**
 * Checks the balance of every round of a transfer-based count, exactly in units: the
 * candidates' votes plus the non-transferable votes equal the valid votes, and the
 * non-transferable votes are the exhausted ones plus the truncation losses. Returns the
 * discrepancies (none for a correct count).
 */
export function balanceErrors(result: TallyResult): string[] {
  const d = result.precision;
  const total = parseUnits(result.validVotes, d);
  const errors: string[] = [];
  for (const round of result.rounds) {
    const sum = round.votes.reduce((a, v) => a + parseUnits(v, d), 0n);
    const nonTransferable = parseUnits(round.nonTransferable, d);
    if (sum + nonTransferable !== total)
      errors.push(`round ${round.round}: ${sum} + ${nonTransferable} ≠ ${total} units`);
    if (parseUnits(round.exhausted, d) + parseUnits(round.roundingLoss, d) !== nonTransferable)
      errors.push(`round ${round.round}: exhausted + rounding loss ≠ non-transferable`);
  }
  return errors;
}
