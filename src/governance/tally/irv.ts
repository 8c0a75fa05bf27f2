/**
 * Instant-runoff voting, one seat: count first preferences; while no continuing candidate has
 * a majority of the continuing votes (more than half of the votes still with a candidate), exclude
 * the candidate with the fewest votes and move each of their ballots to its next continuing
 * preference (a ballot with none is exhausted). With one candidate left, that one is elected.
 * Ties for exclusion: the earlier-round rule, then the seeded lot (see `TieBreak`).
 * Whole votes: every ballot counts 1 for one candidate, so figures have no decimals.
 */
import {
  breakTie,
  defaultSeed,
  floorDiv,
  formatChange,
  formatUnits,
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
} from './types.ts';

export const irvRules =
  'Instant-runoff (one seat): exclude the lowest until a candidate has more than half of the ' +
  'continuing votes; ties by the most recent earlier round with unequal votes, then by a seeded lot.';

export function irv(
  input: TallyInput,
  options: { seats?: number; seed?: string } = {},
): TallyResult {
  const seats = options.seats ?? 1;
  if (seats !== 1)
    throw new RangeError(
      `irv elects a single seat (asked for ${seats}); use scottish-stv or meek-stv for several`,
    );
  const seed = options.seed ?? defaultSeed;
  const names = [...input.candidates];
  const n = names.length;
  const prepared = prepareBallots(input);
  const { ballots, total } = prepared;
  const { weights, offsets, prefs } = ballots;
  const status: CandidateStatus[] = [...prepared.status];
  const votes = new Array<number>(n).fill(0);
  const piles = new Piles(n);
  for (let b = 0; b < ballots.count; b++) {
    const c = prefs[offsets[b]!]!;
    piles.add(c, b, 0, 1);
    votes[c]! += weights[b]!;
  }

  const rounds: Round[] = [];
  const history: number[][] = [];
  let exhausted = 0;
  let previousVotes = new Array<number>(n).fill(0);
  let previousExhausted = 0;
  let action: RoundAction = { type: 'first-preferences' };
  let excludedNow: string[] = [];
  let ties: TieBreak[] = [];
  let winner: number | undefined;
  for (;;) {
    const round = rounds.length + 1;
    const continuing = [];
    for (let c = 0; c < n; c++) if (status[c] === 'hopeful') continuing.push(c);
    const continuingVotes = continuing.reduce((a, c) => a + votes[c]!, 0);
    const majority = floorDiv(continuingVotes, 2) + 1;
    const top = continuing.find((c) => votes[c]! >= majority);
    let note: string | undefined;
    if (top !== undefined) winner = top;
    else if (continuing.length === 1) {
      winner = continuing[0]!;
      note = 'The only continuing candidate is elected.';
    } else if (continuing.length === 0) note = 'No ballot ranks an eligible candidate.';
    if (winner !== undefined) status[winner] = 'elected';
    rounds.push({
      round,
      action,
      votes: votes.map((v) => formatUnits(v, 0)),
      transfers: votes.map((v, c) => formatChange(v - previousVotes[c]!, 0)),
      nonTransferable: formatUnits(exhausted, 0),
      exhausted: formatUnits(exhausted, 0),
      roundingLoss: '0',
      nonTransferableChange: formatChange(exhausted - previousExhausted, 0),
      quota: formatUnits(majority, 0),
      status: [...status],
      elected: winner === undefined ? [] : [names[winner]!],
      excluded: excludedNow,
      ties,
      ...(note ? { note } : {}),
    });
    history.push(votes.slice());
    previousVotes = votes.slice();
    previousExhausted = exhausted;
    ties = [];
    if (winner !== undefined || continuing.length === 0) break;

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
    const pileBallots = piles.ballot[out]!;
    const pilePositions = piles.position[out]!;
    for (let j = 0, papers = piles.size[out]!; j < papers; j++) {
      const b = pileBallots[j]!;
      const last = offsets[b + 1]!;
      let p = offsets[b]! + pilePositions[j]! + 1;
      for (; p < last; p++) {
        const c = prefs[p]!;
        if (status[c] === 'hopeful') {
          piles.add(c, b, p - offsets[b]!, 1);
          votes[c]! += weights[b]!;
          break;
        }
      }
      if (p === last) exhausted += weights[b]!;
    }
    piles.clear(out);
    votes[out] = 0;
    excludedNow = [names[out]!];
    action = { type: 'exclusion', candidate: names[out]! };
  }

  return {
    method: 'irv',
    seats: 1,
    elected: winner === undefined ? [] : [names[winner]!],
    rounds,
    candidates: names,
    precision: 0,
    validVotes: formatUnits(total, 0),
    ignoredBallots: prepared.ignored,
    seed,
    rules: irvRules,
  };
}
