/**
 * Shared types of the vote-counting core. Everything here is plain data, so a result can be
 * serialised to JSON as it is and shown by the CLI or the web app.
 *
 * Vote figures in results are decimal strings with a fixed number of decimal places
 * (`TallyResult.precision`: 5 for Scottish STV, 9 for Meek STV, 0 for IRV and Schulze). They are
 * formatted from exact integer arithmetic in units of 10^-precision, never from floats, so
 * `"2842.00000"` means exactly 284200000 units and sums of the strings are exact.
 */

export const tallyMethods = ['scottish-stv', 'meek-stv', 'irv', 'schulze'] as const;
export type TallyMethod = (typeof tallyMethods)[number];

/**
 * Ranked ballots in a compact, aggregated form: identical ballots are stored once with a weight.
 * Distinct ballot `i` was cast by `weights[i]` voters and ranks the candidates
 * `prefs[offsets[i]] … prefs[offsets[i + 1] - 1]`, most preferred first, as 0-based indices
 * into the candidate list. A ballot never ranks a candidate twice and never ranks nobody.
 */
export interface Ballots {
  /** Number of distinct ballots. */
  count: number;
  /** Voters per distinct ballot: positive whole numbers. */
  weights: Float64Array;
  /** `count + 1` offsets into `prefs`. */
  offsets: Uint32Array;
  /** 0-based candidate indices. */
  prefs: Uint16Array;
}

/** What a count needs: the candidates (by name, in ballot-file order) and the ballots. */
export interface TallyInput {
  candidates: readonly string[];
  ballots: Ballots;
  /** 0-based indices of candidates who withdrew: they are skipped on every ballot. */
  withdrawn?: readonly number[];
}

/** A parsed election (a BLT file). */
export interface Election extends TallyInput {
  title: string;
  seats: number;
  candidates: string[];
  withdrawn: number[];
  /** Sum of the ballot weights (voters), not counting blank ballots. */
  voters: number;
  /** Voters whose ballot line ranked nobody (`N 0`): kept for the record, not valid votes. */
  blankBallots: number;
}

export interface TallyOptions {
  method: TallyMethod;
  /** Seats to fill; IRV fills exactly one. */
  seats: number;
  /**
   * Seed of the deterministic "lot" that breaks ties the counting rules leave to chance
   * (see `TieBreak`). The default is `"hackers-coop"`; a co-op can fix its own seed in advance.
   */
  seed?: string;
}

export type CandidateStatus = 'hopeful' | 'elected' | 'excluded' | 'withdrawn';

/**
 * How a tie was broken. Ties are first broken by the earlier-round rule of the Scottish order
 * (rules 49(2) and 51(2)): look back to the most recent preceding round in which the tied
 * candidates had unequal votes and take the lowest (for an exclusion) or the highest (for the
 * order of surpluses or of election). If that leaves several candidates tied (they were equal in
 * every earlier round, or several share the extreme at the round consulted, in which case the
 * look-back continues further back among just those), the rest is decided by lot.
 *
 * The lot is deterministic: each remaining candidate gets the key FNV-1a-32 of the UTF-16 text
 * `seed + "\u0000" + round + "\u0000" + purpose + "\u0000" + name`; they are ordered by key
 * ascending (then by ballot-file order if two keys collide) and the first one is drawn. The seed
 * and the whole drawn order are recorded here so anyone can re-check it.
 */
export interface TieBreak {
  /** `exclude`: who is excluded; `surplus-order`: whose surplus goes first; `election-order`:
   * the order in which candidates reaching the quota at the same round are listed;
   * `winner`: which of several Schulze winners is taken. */
  purpose: 'exclude' | 'surplus-order' | 'election-order' | 'winner';
  /** The candidates that were tied. */
  candidates: string[];
  resolvedBy: 'earlier-round' | 'lot';
  /** Rounds consulted by the earlier-round rule, most recent first, where it narrowed the tie. */
  earlierRounds: number[];
  /** Present when the lot decided: the seed and the drawn order (the first is `chosen`). */
  lot?: { seed: string; order: string[] };
  chosen: string;
}

/** One paper value group of a Scottish STV surplus transfer (rule 48(3)). */
export interface TransferValue {
  /** The value the papers had when the transferring candidate received them. */
  paperValue: string;
  /** surplus × paperValue ÷ candidate's votes, truncated to 5 decimal places. */
  transferValue: string;
  /** Voters (papers) in this group. */
  papers: number;
}

/** What was done in a round (the cause of the change from the previous round's figures). */
export type RoundAction =
  | { type: 'first-preferences' }
  /** Scottish STV: one candidate's whole surplus, all their papers at new transfer values. */
  | { type: 'surplus'; candidate: string; surplus: string; transferValues: TransferValue[] }
  /** Meek STV: keep factors of the elected candidates iterated until their surpluses settle. */
  | { type: 'meek-surplus'; candidates: string[]; surplus: string }
  /** All the papers of an excluded candidate transferred at their current values. In Meek STV,
   * the excluded candidate's keep factor becomes 0 and the keep factors are iterated again. */
  | { type: 'exclusion'; candidate: string }
  /** Schulze: the winner among the candidates still unranked. */
  | { type: 'schulze-winner'; candidate: string };

/**
 * One round (a "stage" in the Scottish order). All per-candidate arrays are aligned with
 * `TallyResult.candidates`.
 *
 * Invariant of the STV and IRV methods, exact in units of 10^-precision:
 * sum(votes) + nonTransferable = TallyResult.validVotes, at the end of every round.
 */
export interface Round {
  /** 1-based; round 1 is the count of first preferences. */
  round: number;
  action: RoundAction;
  /** Votes credited to each candidate at the end of the round (for Schulze: how many of the
   * candidates not yet ranked this one beats by strongest path; 0 for those already ranked). */
  votes: string[];
  /** Change of each candidate's votes during the round, signed ("+12.34000", "-3237.00000");
   * round 1 holds the first preferences. All zero for Schulze. */
  transfers: string[];
  /** Cumulative votes no longer with any candidate: `exhausted` + `roundingLoss`. */
  nonTransferable: string;
  /** Cumulative votes on papers with no further continuing preference. */
  exhausted: string;
  /** Cumulative fractions lost by truncating transfer values (Scottish STV only; else 0). */
  roundingLoss: string;
  /** Growth of `nonTransferable` during the round. */
  nonTransferableChange: string;
  /** The quota in force at the end of the round (Meek recomputes it each iteration; for IRV
   * it is the majority of the continuing votes); null for Schulze. */
  quota: string | null;
  /** Each candidate's status at the end of the round. */
  status: CandidateStatus[];
  /** Candidates elected at the end of this round, in order of election. */
  elected: string[];
  /** Candidate excluded in this round. */
  excluded: string[];
  /** Ties broken in this round (to pick the exclusion, the surplus, the order of election…). */
  ties: TieBreak[];
  /** A human note, e.g. that the last vacancies were filled by the continuing candidates. */
  note?: string;
  /** Meek STV: each candidate's keep factor at the end of the round (9 decimal places). */
  keepFactors?: string[];
  /** Meek STV: how many distributions of the ballots this round took. */
  iterations?: number;
  /** Meek STV: why the iteration stopped. */
  converged?: 'first-count' | 'elected' | 'omega' | 'stable';
}

export interface SchulzeDetails {
  /** pairwise[i][j]: voters ranking candidate i above candidate j (a ranked candidate is above
   * every unranked one; unranked candidates are equal to each other). */
  pairwise: number[][];
  /** strongestPaths[i][j]: strength of the strongest path from i to j ("winning votes": a link
   * i→j has strength pairwise[i][j] if that beats pairwise[j][i], else 0), over all candidates. */
  strongestPaths: number[][];
  /** All candidates (not withdrawn) in Schulze's order: repeatedly, a candidate that no
   * remaining candidate beats by strongest path (ties by lot). The first `seats` are elected. */
  ranking: string[];
}

export interface TallyResult {
  method: TallyMethod;
  seats: number;
  /** In order of election. */
  elected: string[];
  rounds: Round[];
  candidates: string[];
  /** Decimal places of every vote figure. */
  precision: number;
  /** Votes counted: voters whose ballot ranks at least one candidate who did not withdraw. */
  validVotes: string;
  /** Voters whose ballots ranked only withdrawn candidates (not valid votes). */
  ignoredBallots: number;
  /** Scottish STV: the Droop quota of rule 46; Meek STV: the quota at the end of the count. */
  quota?: string;
  /** The seed used if a lot was drawn (always reported, for re-checking). */
  seed: string;
  /** The rules applied, in a sentence or two, for the report. */
  rules: string;
  schulze?: SchulzeDetails;
}
