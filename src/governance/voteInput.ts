import { z } from 'zod';
import { badRequest, type AppError } from '../platform/errors.ts';
import { issueFieldError } from '../platform/issueFacts.ts';
import { toPointer } from '../platform/validation.ts';
import { ballotContentSchema, type BallotContent } from './polls/ballotContent.ts';
import type { PollMethod } from './schema.ts';

// What the route casting a ballot takes, and the vote command's check of the ballot's content.
// No database code here: the poll's vote form checks its ballot with both before sending.

export const voteInputSchema = z
  .strictObject({
    content: z.unknown(),
    /** To change a secret ballot: the receipt given when it was first cast. */
    receipt: z.string().min(20).max(100).optional(),
  })
  .meta({ id: 'Vote' });

/**
 * A ballot's content by the poll's method and its number of options, which the route cannot
 * know: the content as checked, or the refusal the vote command throws, one field error per
 * choice at fault. The vote form runs the same check and shows the refusal's fields as the
 * server's would read.
 */
export function checkBallotContent(
  method: PollMethod,
  options: number,
  content: unknown,
): { content: BallotContent; refusal?: undefined } | { refusal: AppError } {
  const parsed = ballotContentSchema(method, options).safeParse(content);
  if (parsed.success) return { content: parsed.data as BallotContent };
  const errors = parsed.error.issues.map((issue) =>
    issueFieldError(`/content${toPointer(issue.path)}`, issue),
  );
  return {
    refusal: badRequest(errors.map((e) => `${e.pointer}: ${e.message}`).join('; '), errors).because(
      'vote.content',
      { count: errors.length },
    ),
  };
}
