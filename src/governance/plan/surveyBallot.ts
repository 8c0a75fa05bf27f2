import { z } from 'zod';
import { badRequest, type AppError, type FieldError } from '../../platform/errors.ts';
import { issueFieldError } from '../../platform/issueFacts.ts';
import type { SurveyMethod } from '../schema.ts';
import { schemaWords } from '../../platform/http/validationMessages.ts';

// No database code here: the cycle's survey form checks its ballot with the route's schema and
// with the survey command's own check, before sending.

/** What the route taking a survey ballot takes: the ballot's shape is the cycle's method's. */
export const surveyBallotInputSchema = z.strictObject({ ballot: z.unknown() });

const itemId = z.uuid();
const someItem = (ids: string[]) => ids.length > 0;

/**
 * The shape of a community survey ballot, by the cycle's method. An empty ballot is refused
 * with a code of its own, so that it reads beside the items in the member's language.
 */
export const surveyBallotSchemas = {
  approval: z.strictObject({
    approve: z
      .array(itemId)
      .max(1000)
      .refine(someItem, schemaWords('approveAnItem', undefined, 'survey.approve-one')),
  }),
  score: z.strictObject({
    scores: z
      .record(itemId, z.number().int().min(0).max(5))
      .refine(
        (s) => Object.keys(s).length > 0,
        schemaWords('scoreAnItem', undefined, 'survey.score-one'),
      ),
  }),
  ranked: z.strictObject({
    ranking: z
      .array(itemId)
      .max(1000)
      .refine(someItem, schemaWords('rankAnItem', undefined, 'survey.rank-one')),
  }),
  quadratic: z.strictObject({
    votes: z
      .record(itemId, z.number().int().min(0).max(1000))
      .refine(
        (v) => Object.values(v).some((n) => n > 0),
        schemaWords('voteForAnItem', undefined, 'survey.vote-one'),
      ),
  }),
} as const;

export type SurveyBallot =
  | z.infer<(typeof surveyBallotSchemas)['approval']>
  | z.infer<(typeof surveyBallotSchemas)['score']>
  | z.infer<(typeof surveyBallotSchemas)['ranked']>
  | z.infer<(typeof surveyBallotSchemas)['quadratic']>;

/** A field error: its code and params say it in the reader's language. */
export type BallotProblem = FieldError;

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
      problems: parsed.error.issues.map((i) =>
        issueFieldError(`/ballot/${i.path.join('/')}`.replace(/\/$/, ''), i),
      ),
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
        message: schemaWords('notCommunityItem', { id }).message,
        code: 'survey.unknown-item',
        params: { item: id },
      });
    if (seen.has(id))
      problems.push({
        pointer: `/ballot/${i}`,
        message: schemaWords('itemTwice', { id }).message,
        code: 'survey.item-twice',
        params: { item: id },
      });
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
        message: schemaWords('quadraticBudget', { cost, budget: quadraticCredits }).message,
        code: 'survey.over-budget',
        params: { cost, credits: quadraticCredits },
      });
  }
  return problems.length > 0 ? { problems } : { ballot: parsed.data, problems };
}

/** The survey command's refusal of a ballot's problems; the survey form shows the same. */
export function surveyBallotRefusal(problems: BallotProblem[]): AppError {
  return badRequest(problems.map((p) => `${p.pointer}: ${p.message}`).join('; '), problems).because(
    'survey.ballot',
    { count: problems.length },
  );
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
