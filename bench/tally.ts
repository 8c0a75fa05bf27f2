/**
 * The tally benchmark (`node bench/tally.ts`): does counting cost more than reading the ballots?
 *
 * 1. A synthetic election of 1,000,000 ballots, 20 candidates and 5 seats is written as BLT text
 *    in memory (five parties of four candidates with unequal support; most voters rank 1 to 8
 *    candidates, starting with their party's, a few rank up to all 20). It is parsed, then counted
 *    by Scottish STV.
 * 2. A synthetic 100-candidate election of 100,000 ballots is parsed and counted by Schulze
 *    (pairwise matrix, strongest paths, and the full Schulze ranking).
 *
 * Each step runs once to warm up, then is timed BENCH_TALLY_RUNS times (default 5); the median
 * is reported, with the ratio tally time / parse time (the goal: at most 1). `runTallyBench()`
 * returns the figures for other scripts. Knobs: BENCH_TALLY_BALLOTS, BENCH_TALLY_SCHULZE_BALLOTS, BENCH_TALLY_RUNS.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseBlt } from '../src/governance/tally/blt.ts';
import { schulze } from '../src/governance/tally/schulze.ts';
import { scottishStv } from '../src/governance/tally/scottishStv.ts';

export interface TallyBenchStep {
  name: string;
  ballots: number;
  distinctBallots: number;
  candidates: number;
  seats: number;
  /** Median milliseconds. */
  parseMs: number;
  tallyMs: number;
  /** tallyMs / parseMs: at most 1 is the goal. */
  ratio: number;
  elected: string[];
}

export interface TallyBenchResult {
  node: string;
  runs: number;
  steps: TallyBenchStep[];
}

/** A small deterministic generator (mulberry32), so every run counts the same election. */
function generator(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * BLT text of a synthetic election: `parties` parties of `perParty` candidates; party support
 * and candidate popularity fall off geometrically. A voter picks a party, ranks some of its
 * candidates (most popular first, with noise), then others by popularity.
 */
export function syntheticBlt(options: {
  ballots: number;
  parties: number;
  perParty: number;
  seats: number;
  seed: number;
}): string {
  const { ballots, parties, perParty, seats } = options;
  const random = generator(options.seed);
  const n = parties * perParty;
  const partySupport = Array.from({ length: parties }, (_, p) => 0.8 ** p);
  const popularity = Array.from(
    { length: n },
    (_, c) => 0.7 ** (c % perParty) * partySupport[Math.floor(c / perParty)]!,
  );
  const pick = (weights: number[], taken: Uint8Array): number => {
    let total = 0;
    for (let c = 0; c < weights.length; c++) if (!taken[c]) total += weights[c]!;
    let r = random() * total;
    for (let c = 0; c < weights.length; c++) {
      if (taken[c]) continue;
      r -= weights[c]!;
      if (r <= 0) return c;
    }
    for (let c = weights.length - 1; c >= 0; c--) if (!taken[c]) return c;
    return 0;
  };
  // Ranking lengths 1..8 for most voters; 5% rank between 9 and all.
  const lengths = [0.2, 0.17, 0.15, 0.13, 0.11, 0.09, 0.07, 0.03];
  const rankingLength = () => {
    let r = random();
    if (r < 0.05) return 9 + Math.floor(random() * (n - 8));
    r = (r - 0.05) / 0.95;
    for (let k = 0; k < lengths.length; k++) {
      r -= lengths[k]!;
      if (r <= 0) return k + 1;
    }
    return 8;
  };
  const lines: string[] = [`${n} ${seats}`];
  const taken = new Uint8Array(n);
  const ranking: number[] = [];
  for (let b = 0; b < ballots; b++) {
    taken.fill(0);
    ranking.length = 0;
    const length = Math.min(rankingLength(), n);
    const party = pick(partySupport, new Uint8Array(parties));
    const loyal = 1 + Math.floor(random() * perParty);
    const partyWeights = popularity.map((w, c) =>
      Math.floor(c / perParty) === party ? w + random() * 0.2 : 0,
    );
    while (ranking.length < Math.min(length, loyal)) {
      const c = pick(partyWeights, taken);
      taken[c] = 1;
      ranking.push(c);
    }
    while (ranking.length < length) {
      const c = pick(popularity, taken);
      taken[c] = 1;
      ranking.push(c);
    }
    lines.push(`1 ${ranking.map((c) => c + 1).join(' ')} 0`);
  }
  lines.push('0');
  for (let c = 0; c < n; c++)
    lines.push(`"Party ${Math.floor(c / perParty) + 1} candidate ${(c % perParty) + 1}"`);
  lines.push('"Synthetic election"');
  return `${lines.join('\n')}\n`;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
};

/** Median time of `runs` runs, after one untimed warm-up run (so the JIT has compiled it). */
function time<T>(runs: number, work: () => T): { ms: number; value: T } {
  const times: number[] = [];
  let value: T = work();
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    value = work();
    times.push(performance.now() - started);
  }
  return { ms: median(times), value };
}

export function runTallyBench(
  options: {
    ballots?: number;
    schulzeBallots?: number;
    runs?: number;
    log?: (line: string) => void;
  } = {},
): TallyBenchResult {
  const ballots = options.ballots ?? 1_000_000;
  const schulzeBallots = options.schulzeBallots ?? 100_000;
  const runs = options.runs ?? 5;
  const log = options.log ?? (() => {});
  const steps: TallyBenchStep[] = [];

  log(`generating ${ballots.toLocaleString('en')} ballots, 20 candidates…`);
  const stvText = syntheticBlt({ ballots, parties: 5, perParty: 4, seats: 5, seed: 2017 });
  log(`  ${(stvText.length / 1e6).toFixed(1)} MB of BLT; parsing and counting by Scottish STV…`);
  const stvParse = time(runs, () => parseBlt(stvText));
  const election = stvParse.value;
  const stvTally = time(runs, () => scottishStv(election, { seats: election.seats }));
  steps.push({
    name: 'Scottish STV',
    ballots: election.voters,
    distinctBallots: election.ballots.count,
    candidates: election.candidates.length,
    seats: election.seats,
    parseMs: stvParse.ms,
    tallyMs: stvTally.ms,
    ratio: stvTally.ms / stvParse.ms,
    elected: stvTally.value.elected,
  });

  log(`generating ${schulzeBallots.toLocaleString('en')} ballots, 100 candidates…`);
  const schulzeText = syntheticBlt({
    ballots: schulzeBallots,
    parties: 10,
    perParty: 10,
    seats: 5,
    seed: 42,
  });
  log('  parsing and counting by Schulze…');
  const schulzeParse = time(runs, () => parseBlt(schulzeText));
  const schulzeElection = schulzeParse.value;
  const schulzeTally = time(runs, () => schulze(schulzeElection, { seats: schulzeElection.seats }));
  steps.push({
    name: 'Schulze',
    ballots: schulzeElection.voters,
    distinctBallots: schulzeElection.ballots.count,
    candidates: schulzeElection.candidates.length,
    seats: schulzeElection.seats,
    parseMs: schulzeParse.ms,
    tallyMs: schulzeTally.ms,
    ratio: schulzeTally.ms / schulzeParse.ms,
    elected: schulzeTally.value.elected,
  });
  return { node: process.version, runs, steps };
}

export function formatTallyBench(result: TallyBenchResult): string {
  const lines = [`Tally benchmark (Node ${result.node}; median of ${result.runs} runs)`];
  for (const s of result.steps) {
    lines.push(
      '',
      `${s.name}: ${s.ballots.toLocaleString('en')} ballots (${s.distinctBallots.toLocaleString('en')} distinct), ` +
        `${s.candidates} candidates, ${s.seats} seats`,
      `  parse   ${s.parseMs.toFixed(1).padStart(9)} ms`,
      `  tally   ${s.tallyMs.toFixed(1).padStart(9)} ms   tally/parse = ${s.ratio.toFixed(2)} ` +
        (s.ratio <= 1 ? '(within the goal of 1)' : '(OVER the goal of 1)'),
      `  elected: ${s.elected.join(', ')}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const number = (name: string) => {
    const value = process.env[name];
    if (value === undefined) return undefined;
    const n = Number(value);
    if (!Number.isInteger(n) || n <= 0) throw new Error(`${name} must be a positive whole number`);
    return n;
  };
  const result = runTallyBench({
    ballots: number('BENCH_TALLY_BALLOTS'),
    schulzeBallots: number('BENCH_TALLY_SCHULZE_BALLOTS'),
    runs: number('BENCH_TALLY_RUNS'),
    log: (line) => console.error(`[bench] ${line}`),
  });
  process.stdout.write(formatTallyBench(result));
}
