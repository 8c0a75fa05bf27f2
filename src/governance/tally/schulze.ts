/**
 * The Schulze method (beatpath), with "winning votes" link strengths.
 *
 * - pairwise[i][j] counts the voters who rank i above j; a ranked candidate is above every
 *   candidate the ballot leaves unranked, and unranked candidates are level with each other;
 * - the link i→j has strength pairwise[i][j] when pairwise[i][j] > pairwise[j][i], else none (0);
 * - strongestPaths[i][j] is the strength of the strongest path from i to j (the weakest link of
 *   the path), by a Floyd–Warshall widest-path pass, O(n^3);
 * - a Schulze winner beats or ties every other candidate: p[w][x] >= p[x][w] for all x.
 *   Several winners (a tie) are separated by the seeded lot (see `TieBreak`).
 *
 * Several seats and the full ranking: Schulze's own ranking. The strongest-path relation
 * (x above y when p[x][y] > p[y][x]) is transitive, so the candidates are ranked by taking, again
 * and again, a candidate that no remaining candidate beats (the Schulze winner first), breaking
 * ties between such candidates by the seeded lot. The first `seats` of that ranking are elected;
 * each of those selections is a round. (One strongest-path computation serves the whole
 * ranking: removing the winner and recomputing would cost O(n^4) for a full ranking.)
 *
 * The pairwise matrix is built in O(ballots × ranked²) from the aggregated ballots: each ranked
 * candidate gets the ballot's weight against everyone, less against the candidates ranked above.
 */
import { breakTie, defaultSeed, formatUnits, prepareBallots } from './common.ts';
import type { CandidateStatus, Round, TallyInput, TallyResult, TieBreak } from './types.ts';

export const schulzeRules =
  'Schulze (winning votes; unranked candidates below all ranked ones); several seats from ' +
  'the Schulze ranking by strongest paths, first to last; ties by a seeded lot.';

/** pairwise[i × n + j]: voters ranking i above j. */
export function pairwiseMatrix(input: TallyInput): Float64Array {
  const n = input.candidates.length;
  const { ballots } = prepareBallots(input);
  const { weights, offsets, prefs } = ballots;
  const d = new Float64Array(n * n);
  const againstAll = new Float64Array(n);
  for (let b = 0; b < ballots.count; b++) {
    const w = weights[b]!;
    const first = offsets[b]!;
    const last = offsets[b + 1]!;
    for (let p = first; p < last; p++) {
      const c = prefs[p]!;
      againstAll[c]! += w;
      const row = c * n;
      for (let q = first; q < p; q++) d[row + prefs[q]!]! -= w;
    }
  }
  for (let c = 0; c < n; c++) {
    const add = againstAll[c]!;
    if (add === 0) continue;
    const row = c * n;
    for (let j = 0; j < n; j++) if (j !== c) d[row + j]! += add;
  }
  return d;
}

/** Strongest path strengths among `among` (indices into the n × n matrix d). */
export function strongestPaths(d: Float64Array, n: number, among: readonly number[]): Float64Array {
  const m = among.length;
  const p = new Float64Array(m * m);
  for (let i = 0; i < m; i++) {
    const a = among[i]!;
    for (let j = 0; j < m; j++) {
      if (i === j) continue;
      const b = among[j]!;
      const ab = d[a * n + b]!;
      const ba = d[b * n + a]!;
      p[i * m + j] = ab > ba ? ab : 0;
    }
  }
  for (let k = 0; k < m; k++) {
    const rowK = k * m;
    for (let i = 0; i < m; i++) {
      if (i === k) continue;
      const rowI = i * m;
      const ik = p[rowI + k]!;
      if (ik === 0) continue;
      for (let j = 0; j < m; j++) {
        if (j === i || j === k) continue;
        const kj = p[rowK + j]!;
        const via = ik < kj ? ik : kj;
        if (via > p[rowI + j]!) p[rowI + j] = via;
      }
    }
  }
  return p;
}

export function schulze(input: TallyInput, options: { seats: number; seed?: string }): TallyResult {
  const seed = options.seed ?? defaultSeed;
  const seats = options.seats;
  if (!Number.isInteger(seats) || seats < 1) throw new RangeError('seats must be at least 1');
  const names = [...input.candidates];
  const n = names.length;
  const prepared = prepareBallots(input);
  const status: CandidateStatus[] = [...prepared.status];
  const d = pairwiseMatrix({ ...input, ballots: prepared.ballots, withdrawn: [] });

  const active: number[] = [];
  for (let c = 0; c < n; c++) if (status[c] !== 'withdrawn') active.push(c);
  const m = active.length;
  const p = strongestPaths(d, n, active);
  const paths = new Float64Array(n * n);
  for (let i = 0; i < m; i++)
    for (let j = 0; j < m; j++) paths[active[i]! * n + active[j]!] = p[i * m + j]!;

  let remaining = active;
  const ranking: number[] = [];
  const rounds: Round[] = [];
  const zeros = names.map(() => '0');
  while (remaining.length > 0) {
    const wins = new Array<number>(n).fill(0);
    const winners: number[] = [];
    for (const x of remaining) {
      let beaten = false;
      for (const y of remaining) {
        if (x === y) continue;
        const xy = paths[x * n + y]!;
        const yx = paths[y * n + x]!;
        if (xy > yx) wins[x]!++;
        else if (xy < yx) beaten = true;
      }
      if (!beaten) winners.push(x);
    }
    const round = ranking.length + 1;
    const ties: TieBreak[] = [];
    let winner = winners[0]!;
    if (winners.length > 1) {
      const broken = breakTie({
        tied: winners,
        history: [],
        prefer: 'highest',
        purpose: 'winner',
        round,
        seed,
        names,
      });
      winner = broken.chosen;
      ties.push(broken.tie);
    }
    ranking.push(winner);
    remaining = remaining.filter((c) => c !== winner);
    if (round <= seats) {
      status[winner] = 'elected';
      rounds.push({
        round,
        action: { type: 'schulze-winner', candidate: names[winner]! },
        votes: wins.map((w) => formatUnits(w, 0)),
        transfers: zeros,
        nonTransferable: '0',
        exhausted: '0',
        roundingLoss: '0',
        nonTransferableChange: '0',
        quota: null,
        status: [...status],
        elected: [names[winner]!],
        excluded: [],
        ties,
      });
    }
  }

  const matrix = (flat: Float64Array) =>
    Array.from({ length: n }, (_, i) =>
      Array.from({ length: n }, (_, j) => (i === j ? 0 : flat[i * n + j]!)),
    );
  return {
    method: 'schulze',
    seats,
    elected: ranking.slice(0, seats).map((c) => names[c]!),
    rounds,
    candidates: names,
    precision: 0,
    validVotes: formatUnits(prepared.total, 0),
    ignoredBallots: prepared.ignored,
    seed,
    rules: schulzeRules,
    schulze: {
      pairwise: matrix(d),
      strongestPaths: matrix(paths),
      ranking: ranking.map((c) => names[c]!),
    },
  };
}
