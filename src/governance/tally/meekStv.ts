/**
 * Meek STV, after Hill, Wichmann and Woodall, "Algorithm 123: Single Transferable Vote by
 * Meek's method", The Computer Journal 30(3), 1987 (the rules adopted by the ERS and, in
 * substance, New Zealand's Schedule 1A):
 *
 * - every candidate has a keep factor: 1 while hopeful, 0 once excluded (or withdrawn), and
 *   below 1 once elected;
 * - each ballot starts with weight 1 and passes down its preferences: a candidate with keep
 *   factor k keeps weight × k (rounded UP to 9 decimal places) and passes on the rest; what is
 *   left after the last preference is the excess (non-transferable);
 * - quota = (valid votes − excess) / (seats + 1), truncated to 9 places, plus 10^-9;
 * - a hopeful candidate whose votes reach the quota is elected;
 * - the keep factors of the elected are iterated, k ← k × quota / votes (rounded up), with a
 *   fresh distribution each time, until a new candidate reaches the quota, or the total surplus
 *   of the elected falls below omega = 10^-6 of a vote, or stops falling;
 * - when the surpluses have settled and seats remain, the hopeful candidate with the fewest votes
 *   is excluded (candidates within the total surplus of the lowest count as tied: the
 *   earlier-round rule, then the seeded lot), and the iteration starts again;
 * - when the hopeful candidates are no more than the seats left, they are all elected.
 *
 * Arithmetic is exact: votes and keep factors are integers in units of 10^-9.
 */
import {
  breakTie,
  defaultSeed,
  floorDiv,
  formatChange,
  formatUnits,
  orderByVotesDescending,
  prepareBallots,
} from './common.ts';
import type {
  CandidateStatus,
  Round,
  RoundAction,
  TallyInput,
  TallyResult,
  TieBreak,
} from './types.ts';

const DECIMALS = 9;
const ONE = 1_000_000_000;
const OMEGA = 1_000; // 10^-6 of a vote
const MAX_ITERATIONS = 10_000;

export const meekRules =
  'Meek STV (Hill, Wichmann & Woodall, Algorithm 123, 1987): keep factors iterated in exact ' +
  '9-decimal fixed point, quota (votes − excess)/(seats+1) + 10^-9 recomputed each iteration, ' +
  'iteration until the total surplus is below 10^-6 or stops falling; exclusion of the lowest ' +
  '(ties within the surplus by the most recent earlier round, then by a seeded lot).';

/** ceil(a × k / 10^9) for integers 0 ≤ a, k ≤ 10^9, exactly, without leaving safe integers. */
export function mulOneCeil(a: number, k: number): number {
  const high = Math.floor(a / 10_000); // ≤ 10^5
  const low = a - high * 10_000; // < 10^4
  const x = high * k; // ≤ 10^14
  const y = low * k; // < 10^13
  const r1 = x % 100_000;
  const q1 = (x - r1) / 100_000;
  const rest = r1 * 10_000 + y; // a × k = q1 × 10^9 + rest
  const r2 = rest % ONE;
  const q = q1 + (rest - r2) / ONE;
  return r2 > 0 ? q + 1 : q;
}

export function meekStv(input: TallyInput, options: { seats: number; seed?: string }): TallyResult {
  const seed = options.seed ?? defaultSeed;
  const seats = options.seats;
  if (!Number.isInteger(seats) || seats < 1) throw new RangeError('seats must be at least 1');
  const names = [...input.candidates];
  const n = names.length;
  const prepared = prepareBallots(input);
  const { ballots, total } = prepared;
  const { weights, offsets, prefs } = ballots;
  if (total * ONE > Number.MAX_SAFE_INTEGER)
    throw new RangeError('too many votes for exact 9-decimal Meek arithmetic');
  const totalUnits = total * ONE;

  const status: CandidateStatus[] = [...prepared.status];
  const keep: number[] = status.map((s) => (s === 'hopeful' ? ONE : 0));
  const votes = new Array<number>(n).fill(0);
  let excess = 0;
  let quota = 0;

  const distribute = () => {
    votes.fill(0);
    excess = 0;
    for (let b = 0; b < ballots.count; b++) {
      const count = weights[b]!;
      let weight = ONE;
      for (let p = offsets[b]!; p < offsets[b + 1]!; p++) {
        const c = prefs[p]!;
        const k = keep[c]!;
        if (k === 0) continue;
        if (k === ONE) {
          votes[c]! += weight * count;
          weight = 0;
          break;
        }
        const kept = mulOneCeil(weight, k);
        votes[c]! += kept * count;
        weight -= kept;
        if (weight === 0) break;
      }
      excess += weight * count;
    }
    quota = floorDiv(totalUnits - excess, seats + 1) + 1;
  };
  const hopefuls = () => {
    const list = [];
    for (let c = 0; c < n; c++) if (status[c] === 'hopeful') list.push(c);
    return list;
  };
  const totalSurplus = () => {
    let surplus = 0;
    for (let c = 0; c < n; c++)
      if (status[c] === 'elected' && votes[c]! > quota) surplus += votes[c]! - quota;
    return surplus;
  };

  const rounds: Round[] = [];
  const history: number[][] = [];
  const elected: number[] = [];
  let previousVotes = new Array<number>(n).fill(0);
  let previousExcess = 0;
  let ties: TieBreak[] = [];

  const record = (
    action: RoundAction,
    reaching: number[],
    excluded: number[],
    iterations: number,
    converged: NonNullable<Round['converged']>,
  ) => {
    const round = rounds.length + 1;
    const electedNow = orderByVotesDescending({
      candidates: reaching,
      votes,
      history,
      purpose: 'election-order',
      round,
      seed,
      names,
      ties,
    });
    for (const c of electedNow) {
      status[c] = 'elected';
      elected.push(c);
    }
    let note: string | undefined;
    const left = hopefuls();
    const vacancies = seats - elected.length;
    if (vacancies > 0 && left.length <= vacancies) {
      const rest = orderByVotesDescending({
        candidates: left,
        votes,
        history,
        purpose: 'election-order',
        round,
        seed,
        names,
        ties,
      });
      for (const c of rest) {
        status[c] = 'elected';
        elected.push(c);
        electedNow.push(c);
      }
      if (rest.length > 0)
        note =
          rest.length === vacancies
            ? 'The hopeful candidates are as many as the seats left: all elected.'
            : 'Fewer hopeful candidates than seats: all elected; seats remain unfilled.';
    }
    rounds.push({
      round,
      action,
      votes: votes.map((v) => formatUnits(v, DECIMALS)),
      transfers: votes.map((v, c) => formatChange(v - previousVotes[c]!, DECIMALS)),
      nonTransferable: formatUnits(excess, DECIMALS),
      exhausted: formatUnits(excess, DECIMALS),
      roundingLoss: formatUnits(0, DECIMALS),
      nonTransferableChange: formatChange(excess - previousExcess, DECIMALS),
      quota: formatUnits(quota, DECIMALS),
      status: [...status],
      elected: electedNow.map((c) => names[c]!),
      excluded: excluded.map((c) => names[c]!),
      ties,
      ...(note ? { note } : {}),
      keepFactors: keep.map((k) => formatUnits(k, DECIMALS)),
      iterations,
      converged,
    });
    history.push(votes.slice());
    previousVotes = votes.slice();
    previousExcess = excess;
    ties = [];
  };
  const reachingQuota = () => hopefuls().filter((c) => votes[c]! >= quota);

  /** Iterates the keep factors of the elected until an election or convergence. */
  const iterate = (): {
    reaching: number[];
    iterations: number;
    converged: 'elected' | 'omega' | 'stable';
  } => {
    let last = Infinity;
    for (let iterations = 1; ; iterations++) {
      for (let c = 0; c < n; c++) {
        if (status[c] !== 'elected' || votes[c]! <= 0) continue;
        // k ← k × quota / votes, rounded up (BigInt: the product can pass 2^53).
        const k = BigInt(keep[c]!) * BigInt(quota);
        const v = BigInt(votes[c]!);
        keep[c] = Math.min(ONE, Number((k + v - 1n) / v));
      }
      distribute();
      const reaching = reachingQuota();
      if (reaching.length > 0) return { reaching, iterations, converged: 'elected' };
      const surplus = totalSurplus();
      if (surplus < OMEGA) return { reaching, iterations, converged: 'omega' };
      if (surplus >= last || iterations >= MAX_ITERATIONS)
        return { reaching, iterations, converged: 'stable' };
      last = surplus;
    }
  };

  distribute();
  record({ type: 'first-preferences' }, reachingQuota(), [], 1, 'first-count');
  let justElected = rounds[0]!.elected.length > 0;
  while (elected.length < seats && hopefuls().length > 0) {
    if (justElected) {
      // Someone reached the quota: iterate the keep factors until the surpluses settle.
      const electedBefore = elected.filter((c) => votes[c]! > quota);
      const surplusBefore = totalSurplus();
      const result = iterate();
      record(
        {
          type: 'meek-surplus',
          candidates: electedBefore.map((c) => names[c]!),
          surplus: formatUnits(surplusBefore, DECIMALS),
        },
        result.reaching,
        [],
        result.iterations,
        result.converged,
      );
      justElected = result.reaching.length > 0;
      continue;
    }
    const round = rounds.length + 1;
    const left = hopefuls();
    const low = Math.min(...left.map((c) => votes[c]!));
    const surplus = totalSurplus();
    const lowest = left.filter((c) => votes[c]! <= low + surplus);
    let out = lowest[0]!;
    if (lowest.length > 1) {
      const broken = breakTie({
        tied: lowest,
        history: history.slice(0, -1),
        prefer: 'lowest',
        purpose: 'exclude',
        round,
        seed,
        names,
      });
      out = broken.chosen;
      ties.push(broken.tie);
    }
    status[out] = 'excluded';
    keep[out] = 0;
    const result = iterate();
    record(
      { type: 'exclusion', candidate: names[out]! },
      result.reaching,
      [out],
      result.iterations,
      result.converged,
    );
    justElected = result.reaching.length > 0;
  }

  return {
    method: 'meek-stv',
    seats,
    elected: elected.map((c) => names[c]!),
    rounds,
    candidates: names,
    precision: DECIMALS,
    validVotes: formatUnits(totalUnits, DECIMALS),
    ignoredBallots: prepared.ignored,
    quota: formatUnits(quota, DECIMALS),
    seed,
    rules: meekRules,
  };
}
