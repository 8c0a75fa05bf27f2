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
 *
 * A million ballots pass through `add`, so it allocates nothing per ballot: the preferences go
 * into growing typed arrays, and identical ones are found through an open-addressing table of
 * ballot numbers keyed by a hash of the sequence (a string key per ballot cost more than the
 * count itself).
 */
export class BallotsBuilder {
  #count = 0;
  #weights = new Float64Array(1024);
  #offsets = new Uint32Array(1025);
  #prefs = new Uint16Array(8192);
  /** Ballot number + 1 per slot; 0 is empty. Kept at most half full. */
  #slots = new Int32Array(2048);

  /** Adds `weight` voters who ranked `prefs[0..length)`. */
  add(prefs: ArrayLike<number>, length: number, weight: number): void {
    const mask = this.#slots.length - 1;
    for (let slot = sequenceHash(prefs, 0, length) & mask; ; slot = (slot + 1) & mask) {
      const found = this.#slots[slot]! - 1;
      if (found < 0) {
        this.#slots[slot] = this.#append(prefs, length, weight) + 1;
        if (this.#count * 2 > this.#slots.length) this.#rehash();
        return;
      }
      if (this.#sameAs(found, prefs, length)) {
        this.#weights[found]! += weight;
        return;
      }
    }
  }

  build(): Ballots {
    const count = this.#count;
    return {
      count,
      weights: this.#weights.slice(0, count),
      offsets: this.#offsets.slice(0, count + 1),
      prefs: this.#prefs.slice(0, this.#offsets[count]),
    };
  }

  #sameAs(ballot: number, prefs: ArrayLike<number>, length: number): boolean {
    const from = this.#offsets[ballot]!;
    if (this.#offsets[ballot + 1]! - from !== length) return false;
    for (let i = 0; i < length; i++) if (this.#prefs[from + i] !== prefs[i]) return false;
    return true;
  }

  #append(prefs: ArrayLike<number>, length: number, weight: number): number {
    const ballot = this.#count++;
    if (ballot === this.#weights.length) {
      this.#weights = grown(this.#weights, ballot * 2);
      this.#offsets = grown(this.#offsets, ballot * 2 + 1);
    }
    const from = this.#offsets[ballot]!;
    if (from + length > this.#prefs.length)
      this.#prefs = grown(this.#prefs, Math.max(this.#prefs.length * 2, from + length));
    for (let i = 0; i < length; i++) this.#prefs[from + i] = prefs[i]!;
    this.#offsets[ballot + 1] = from + length;
    this.#weights[ballot] = weight;
    return ballot;
  }

  #rehash(): void {
    const slots = new Int32Array(this.#slots.length * 2);
    const mask = slots.length - 1;
    for (let ballot = 0; ballot < this.#count; ballot++) {
      const from = this.#offsets[ballot]!;
      let slot = sequenceHash(this.#prefs, from, this.#offsets[ballot + 1]! - from) & mask;
      while (slots[slot] !== 0) slot = (slot + 1) & mask;
      slots[slot] = ballot + 1;
    }
    this.#slots = slots;
  }
}

/** FNV-1a over a preference sequence, with its length mixed in. */
function sequenceHash(prefs: ArrayLike<number>, from: number, length: number): number {
  let hash = 0x811c9dc5 ^ length;
  for (let i = from; i < from + length; i++) hash = Math.imul(hash ^ prefs[i]!, 0x01000193);
  return hash;
}

function grown<T extends Float64Array | Int32Array | Uint32Array | Uint16Array>(
  array: T,
  size: number,
): T {
  const next = new (array.constructor as new (n: number) => T)(size);
  next.set(array);
  return next;
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
    builder.add(prefs, prefs.length, weight);
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
    out.add(buffer, buffer.length, weight);
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
  // Typed columns, grown by doubling: a million papers pushed onto JS arrays of mixed numbers
  // cost the count a fifth of its time.
  readonly ballot: Int32Array[];
  readonly position: Uint32Array[];
  readonly value: Float64Array[];
  /** How many papers each candidate holds: the columns' first `size[c]` entries. */
  readonly size: Int32Array;

  constructor(candidates: number) {
    this.ballot = Array.from({ length: candidates }, () => new Int32Array(16));
    this.position = Array.from({ length: candidates }, () => new Uint32Array(16));
    this.value = Array.from({ length: candidates }, () => new Float64Array(16));
    this.size = new Int32Array(candidates);
  }

  add(candidate: number, ballot: number, position: number, value: number): void {
    const at = this.size[candidate]!;
    if (at === this.ballot[candidate]!.length) this.#grow(candidate);
    this.ballot[candidate]![at] = ballot;
    this.position[candidate]![at] = position;
    this.value[candidate]![at] = value;
    this.size[candidate] = at + 1;
  }

  clear(candidate: number): void {
    this.size[candidate] = 0;
  }

  #grow(candidate: number): void {
    const size = this.ballot[candidate]!.length * 2;
    this.ballot[candidate] = grown(this.ballot[candidate]!, size);
    this.position[candidate] = grown(this.position[candidate]!, size);
    this.value[candidate] = grown(this.value[candidate]!, size);
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
