import { z } from 'zod';
import type { SurveyMethod } from '../schema.ts';

const itemId = z.uuid();

/** The shape of a community survey ballot, by the cycle's method. */
export const surveyBallotSchemas = {
  approval: z.strictObject({
    approve: z.array(itemId).min(1, 'approve at least one item').max(1000),
  }),
  score: z.strictObject({
    scores: z
      .record(itemId, z.number().int().min(0).max(5))
      .refine((s) => Object.keys(s).length > 0, 'score at least one item'),
  }),
  ranked: z.strictObject({ ranking: z.array(itemId).min(1, 'rank at least one item').max(1000) }),
  quadratic: z.strictObject({
    votes: z
      .record(itemId, z.number().int().min(0).max(1000))
      .refine((v) => Object.values(v).some((n) => n > 0), 'give at least one item a vote'),
  }),
} as const;

export type SurveyBallot =
  | z.infer<(typeof surveyBallotSchemas)['approval']>
  | z.infer<(typeof surveyBallotSchemas)['score']>
  | z.infer<(typeof surveyBallotSchemas)['ranked']>
  | z.infer<(typeof surveyBallotSchemas)['quadratic']>;

export interface BallotProblem {
  pointer: string;
  message: string;
}

/** Checks a ballot against the cycle's items and budget; returns every problem found. */
export function checkSurveyBallot(
  method: SurveyMethod,
  ballot: unknown,
  itemIds: ReadonlySet<string>,
  quadraticCredits: number,
): { ballot?: SurveyBallot; problems: BallotProblem[] } {
  const parsed = surveyBallotSchemas[method].safeParse(ballot);
  if (!parsed.success) {
    return {
      problems: parsed.error.issues.map((i) => ({
        pointer: `/ballot/${i.path.join('/')}`.replace(/\/$/, ''),
        message: i.message,
      })),
    };
  }
  const problems: BallotProblem[] = [];
  const value = parsed.data as Record<string, unknown>;
  const ids =
    'approve' in value
      ? (value.approve as string[])
      : 'ranking' in value
        ? (value.ranking as string[])
        : Object.keys((value.scores ?? value.votes) as Record<string, number>);
  const seen = new Set<string>();
  ids.forEach((id, i) => {
    if (!itemIds.has(id))
      problems.push({
        pointer: `/ballot/${i}`,
        message: `${id} is not a community item of this cycle`,
      });
    if (seen.has(id)) problems.push({ pointer: `/ballot/${i}`, message: `${id} appears twice` });
    seen.add(id);
  });
  if ('votes' in value) {
    const cost = Object.values(value.votes as Record<string, number>).reduce(
      (s, n) => s + n * n,
      0,
    );
    if (cost > quadraticCredits)
      problems.push({
        pointer: '/ballot/votes',
        message: `these votes cost ${cost} credits (n votes cost n²); the budget is ${quadraticCredits}`,
      });
  }
  return problems.length > 0 ? { problems } : { ballot: parsed.data, problems };
}

/**
 * Each item's community support. Approval: approvals. Score: the sum of scores. Quadratic: the
 * sum of votes (their cost is the square). Ranked: a Borda count, an item ranked r-th on a
 * ballot ranking n items earning n - r + 1 points, so a longer ranking weighs no more per
 * voter than a shorter one tells.
 */
export function surveySupport(
  method: SurveyMethod,
  ballots: readonly SurveyBallot[],
  itemIds: readonly string[],
): Map<string, bigint> {
  // Plain numbers while adding (exact far beyond any survey: 2^53), BigInt for the allocation.
  const sums = new Map<string, number>(itemIds.map((id) => [id, 0]));
  const add = (id: string, n: number) => {
    const sum = sums.get(id);
    if (sum !== undefined) sums.set(id, sum + n);
  };
  for (const ballot of ballots) {
    if (method === 'approval' && 'approve' in ballot) for (const id of ballot.approve) add(id, 1);
    else if (method === 'score' && 'scores' in ballot)
      for (const id in ballot.scores) add(id, ballot.scores[id]!);
    else if (method === 'quadratic' && 'votes' in ballot)
      for (const id in ballot.votes) add(id, ballot.votes[id]!);
    else if (method === 'ranked' && 'ranking' in ballot)
      ballot.ranking.forEach((id, r) => add(id, ballot.ranking.length - r));
  }
  return new Map([...sums].map(([id, n]) => [id, BigInt(n)]));
}
