/**
 * Scottish STV: the counting rules of The Scottish Local Government Elections Order 2007
 * (SSI 2007/42), schedule 1, rules 45 to 52 (carried unchanged in substance into the 2011 Order
 * used since 2012):
 *
 * - 45: the first stage counts first preferences;
 * - 46: quota = floor(valid ballot papers / (seats + 1)) + 1;
 * - 47: a candidate whose votes equal or exceed the quota is deemed elected;
 * - 48: a surplus (votes above the quota) is transferred by sorting ALL the papers the elected
 *   candidate holds by next available preference for a continuing candidate; each paper moves at
 *   the transfer value surplus × (value of the paper when received) ÷ (candidate's total votes),
 *   calculated to five decimal places with any remainder ignored; papers with no further
 *   preference form the non-transferable parcel;
 * - 49: with several surpluses, the highest is transferred first (one per stage); equal
 *   surpluses go by the most recent preceding stage at which the candidates' votes were unequal
 *   (the higher first), then by lot;
 * - 50: when no surplus remains, the continuing candidate with the fewest votes is excluded and
 *   all their papers move at the values at which they were received;
 * - 51: a tie for exclusion goes by the most recent preceding stage at which the tied candidates
 *   had unequal votes (the lower is excluded), then by lot;
 * - 52: when the continuing candidates are as many as the vacancies left, they are all deemed
 *   elected and no further transfer is made.
 *
 * Arithmetic is exact: votes are integers in units of 10^-5 (1 vote = 100000 units).
 */
import {
  breakTie,
  defaultSeed,
  formatChange,
  formatUnits,
  orderByVotesDescending,
  Piles,
  prepareBallots,
} from './common.ts';
import type {
  CandidateStatus,
  Round,
  RoundAction,
  TallyInput,
  TallyResult,
  TieBreak,
  TransferValue,
} from './types.ts';

const DECIMALS = 5;
const UNIT = 100_000;

export const scottishRules =
  'Scottish STV (SSI 2007/42 rules 45-52): Droop quota floor(valid/(seats+1))+1; all of an ' +
  'elected candidate’s papers transferred, highest surplus first, at transfer values truncated ' +
  'to 5 decimal places; exclusion of the lowest at current values; ties by the most recent ' +
  'earlier stage with unequal votes, then by a seeded lot.';

export function scottishStv(
  input: TallyInput,
  options: { seats: number; seed?: string },
): TallyResult {
  const seed = options.seed ?? defaultSeed;
  const seats = options.seats;
  const names = [...input.candidates];
  const n = names.length;
  if (!Number.isInteger(seats) || seats < 1) throw new RangeError('seats must be at least 1');
  const prepared = prepareBallots(input);
  const { ballots, total } = prepared;
  const { weights, offsets, prefs } = ballots;
  if (total * UNIT > Number.MAX_SAFE_INTEGER) throw new RangeError('too many votes to count');

  const status: CandidateStatus[] = [...prepared.status];
  const quotaVotes = Math.floor(total / (seats + 1)) + 1;
  const quota = quotaVotes * UNIT;
  const votes = new Array<number>(n).fill(0);
  const surplusDone = new Array<boolean>(n).fill(false);
  const piles = new Piles(n);
  const history: number[][] = [];
  const rounds: Round[] = [];
  const elected: number[] = [];
  let exhausted = 0;
  let roundingLoss = 0;
  let previousVotes = votes.slice();
  let previousNonTransferable = 0;

  // Rule 45: first preferences.
  for (let b = 0; b < ballots.count; b++) {
    const c = prefs[offsets[b]!]!;
    piles.add(c, b, 0, UNIT);
    votes[c]! += weights[b]! * UNIT;
  }

  /** Moves papers to the next continuing preference (rules 48(2), 50(3)). */
  const transferPapers = (from: number, valueOf: (value: number) => number) => {
    const pileBallots = piles.ballot[from]!;
    const pilePositions = piles.position[from]!;
    const pileValues = piles.value[from]!;
    for (let j = 0, papers = piles.size[from]!; j < papers; j++) {
      const b = pileBallots[j]!;
      const value = valueOf(pileValues[j]!);
      const last = offsets[b + 1]!;
      let p = offsets[b]! + pilePositions[j]! + 1;
      for (; p < last; p++) {
        const c = prefs[p]!;
        if (status[c] === 'hopeful') {
          piles.add(c, b, p - offsets[b]!, value);
          votes[c]! += weights[b]! * value;
          break;
        }
      }
      if (p === last) exhausted += weights[b]! * value;
    }
    piles.clear(from);
  };

  let action: RoundAction = { type: 'first-preferences' };
  let excludedNow: number[] = [];
  let ties: TieBreak[] = [];
  for (;;) {
    const round = rounds.length + 1;
    // Rule 47: candidates reaching the quota are deemed elected, highest first.
    const reaching = [];
    for (let c = 0; c < n; c++) if (status[c] === 'hopeful' && votes[c]! >= quota) reaching.push(c);
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
    // Rule 52: the last vacancies are filled by the continuing candidates.
    let note: string | undefined;
    const continuing = [];
    for (let c = 0; c < n; c++) if (status[c] === 'hopeful') continuing.push(c);
    const vacancies = seats - elected.length;
    if (vacancies > 0 && continuing.length <= vacancies) {
      const rest = orderByVotesDescending({
        candidates: continuing,
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
            ? 'The continuing candidates are as many as the vacancies left: all deemed elected (rule 52).'
            : 'Fewer continuing candidates than vacancies: all deemed elected; seats remain unfilled.';
    }

    const nonTransferable = exhausted + roundingLoss;
    rounds.push({
      round,
      action,
      votes: votes.map((v) => formatUnits(v, DECIMALS)),
      transfers: votes.map((v, c) => formatChange(v - previousVotes[c]!, DECIMALS)),
      nonTransferable: formatUnits(nonTransferable, DECIMALS),
      exhausted: formatUnits(exhausted, DECIMALS),
      roundingLoss: formatUnits(roundingLoss, DECIMALS),
      nonTransferableChange: formatChange(nonTransferable - previousNonTransferable, DECIMALS),
      quota: formatUnits(quota, DECIMALS),
      status: [...status],
      elected: electedNow.map((c) => names[c]!),
      excluded: excludedNow.map((c) => names[c]!),
      ties,
      ...(note ? { note } : {}),
    });
    history.push(votes.slice());
    previousVotes = votes.slice();
    previousNonTransferable = nonTransferable;
    ties = [];
    excludedNow = [];

    if (elected.length >= seats || continuing.length <= vacancies) break;

    // Rules 48-49: transfer the highest surplus, if any.
    const withSurplus = [];
    for (let c = 0; c < n; c++)
      if (status[c] === 'elected' && !surplusDone[c] && votes[c]! > quota) withSurplus.push(c);
    if (withSurplus.length > 0) {
      const top = Math.max(...withSurplus.map((c) => votes[c]!));
      const tied = withSurplus.filter((c) => votes[c] === top);
      let from = tied[0]!;
      if (tied.length > 1) {
        const broken = breakTie({
          tied,
          history: history.slice(0, -1),
          prefer: 'highest',
          purpose: 'surplus-order',
          round: round + 1,
          seed,
          names,
        });
        from = broken.chosen;
        ties.push(broken.tie);
      }
      const totalVotes = votes[from]!;
      const surplus = totalVotes - quota;
      const groups = new Map<number, { transferValue: number; papers: number }>();
      for (let j = 0, papers = piles.size[from]!; j < papers; j++) {
        const value = piles.value[from]![j]!;
        let group = groups.get(value);
        if (!group) {
          // Rule 48(3): A / B to five decimal places, any remainder ignored. In units:
          // floor(surplus × value / total), exact in BigInt (the product can pass 2^53).
          const transferValue = Number((BigInt(surplus) * BigInt(value)) / BigInt(totalVotes));
          group = { transferValue, papers: 0 };
          groups.set(value, group);
        }
        group.papers += weights[piles.ballot[from]![j]!]!;
      }
      const before = exhausted + votes.reduce((a, v, c) => (c === from ? a : a + v), 0);
      transferPapers(from, (value) => groups.get(value)!.transferValue);
      const moved = exhausted + votes.reduce((a, v, c) => (c === from ? a : a + v), 0) - before;
      roundingLoss += surplus - moved;
      votes[from] = quota;
      surplusDone[from] = true;
      const transferValues: TransferValue[] = [...groups.entries()]
        .sort((a, b) => b[0] - a[0])
        .map(([value, g]) => ({
          paperValue: formatUnits(value, DECIMALS),
          transferValue: formatUnits(g.transferValue, DECIMALS),
          papers: g.papers,
        }));
      action = {
        type: 'surplus',
        candidate: names[from]!,
        surplus: formatUnits(surplus, DECIMALS),
        transferValues,
      };
      continue;
    }

    // Rules 50-51: exclude the continuing candidate with the fewest votes.
    const low = Math.min(...continuing.map((c) => votes[c]!));
    const lowest = continuing.filter((c) => votes[c] === low);
    let out = lowest[0]!;
    if (lowest.length > 1) {
      const broken = breakTie({
        tied: lowest,
        history: history.slice(0, -1),
        prefer: 'lowest',
        purpose: 'exclude',
        round: round + 1,
        seed,
        names,
      });
      out = broken.chosen;
      ties.push(broken.tie);
    }
    status[out] = 'excluded';
    transferPapers(out, (value) => value);
    votes[out] = 0;
    excludedNow = [out];
    action = { type: 'exclusion', candidate: names[out]! };
  }

  return {
    method: 'scottish-stv',
    seats,
    elected: elected.map((c) => names[c]!),
    rounds,
    candidates: names,
    precision: DECIMALS,
    validVotes: formatUnits(total * UNIT, DECIMALS),
    ignoredBallots: prepared.ignored,
    quota: formatUnits(quota, DECIMALS),
    seed,
    rules: scottishRules,
  };
}
