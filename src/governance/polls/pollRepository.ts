import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { memberships } from '../../members/schema.ts';
import type { Executor } from '../../platform/db/database.ts';
import { notFound } from '../../platform/errors.ts';
import { pollOptions, polls } from '../schema.ts';

export type Poll = typeof polls.$inferSelect;

export async function loadPoll(
  executor: Executor,
  coopId: string,
  pollId: string,
  forUpdate = false,
): Promise<Poll> {
  const query = executor
    .select()
    .from(polls)
    .where(and(eq(polls.coopId, coopId), eq(polls.id, pollId)));
  const [poll] = forUpdate ? await query.for('update') : await query;
  if (!poll) throw notFound('This poll');
  return poll;
}

export async function loadOptions(executor: Executor, coopId: string, pollId: string) {
  return executor
    .select()
    .from(pollOptions)
    .where(and(eq(pollOptions.coopId, coopId), eq(pollOptions.pollId, pollId)))
    .orderBy(asc(pollOptions.number));
}

/** Member classes of the electorate: the poll's list, or every class when it is empty. */
export const electorateClasses = (poll: Poll): ('hacker' | 'sponsor' | 'community')[] =>
  poll.electorate.length > 0
    ? (poll.electorate as ('hacker' | 'sponsor' | 'community')[])
    : ['hacker', 'sponsor', 'community'];

/** Active members in the electorate, now. */
export async function electorateSize(executor: Executor, poll: Poll): Promise<number> {
  const [row] = await executor
    .select({ n: sql<number>`count(*)::int` })
    .from(memberships)
    .where(
      and(
        eq(memberships.coopId, poll.coopId),
        eq(memberships.status, 'active'),
        inArray(memberships.memberClass, electorateClasses(poll)),
      ),
    );
  return row!.n;
}
