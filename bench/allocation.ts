/**
 * The plan of a cycle with 10,000 community survey ballots over 500 items (`npm run bench`).
 * Reports the time to count the survey and allocate the slices against the bare cost of reading
 * every ballot once (the floor: any count must at least look at each vote).
 */
import { randomUUID } from 'node:crypto';
import { computePlan } from '../src/governance/plan/computePlan.ts';
import { surveySupport, type SurveyBallot } from '../src/governance/plan/surveyBallot.ts';
import { percentile } from './stats.ts';

const items = Array.from({ length: 500 }, () => randomUUID());
let seed = 12345;
const random = (n: number) => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed % n;
};
// Popularity follows a long tail: low-numbered items are approved far more often.
const pick = () => items[Math.floor(items.length * (random(1000) / 1000) ** 2)]!;
const approvals: SurveyBallot[] = Array.from({ length: 10_000 }, () => ({
  approve: [...new Set(Array.from({ length: 1 + random(12) }, pick))],
}));
const scores: SurveyBallot[] = Array.from({ length: 10_000 }, () => ({
  scores: Object.fromEntries(Array.from({ length: 1 + random(12) }, () => [pick(), random(6)])),
}));

function time(fn: () => void, runs = 7): number {
  fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    fn();
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return percentile(
    samples.sort((a, b) => a - b),
    50,
  );
}

const hackers = { h1: 480, h2: 480, h3: 240 };
const plan = (method: 'approval' | 'score', ballots: SurveyBallot[]) => {
  const support = surveySupport(method, ballots, items);
  return computePlan({
    pie: { sponsors: 40, community: 30, hackers: 30 },
    availability: hackers,
    sponsorItems: [],
    communityItems: items.map((id, i) => ({ id, estimateHours: 5 + (i % 40) })),
    hackerItems: [],
    sponsorWeights: {},
    sponsorPoints: {},
    communitySupport: Object.fromEntries(support),
    declarations: {},
  });
};

console.log('\nCycle allocation: 10,000 community ballots over 500 items (median of 7 runs)');
for (const [method, ballots] of [
  ['approval', approvals],
  ['score', scores],
] as const) {
  let votes = 0;
  const floor = time(() => {
    votes = 0;
    for (const b of ballots)
      votes += Object.keys('approve' in b ? b.approve : 'scores' in b ? b.scores : {}).length;
  });
  const full = time(() => plan(method, ballots));
  const result = plan(method, ballots);
  const planned = result.community.allocations.filter((a) => a.hours > 0).length;
  console.log(
    `  ${method.padEnd(8)} ${votes.toLocaleString('en')} votes: count + allocate ${full.toFixed(2)} ms; reading the ballots ${floor.toFixed(2)} ms; ratio ${(full / floor).toFixed(1)}x; ${planned} items planned, ${result.community.rounds.length} water-filling rounds, ${result.slices.community} h`,
  );
}
