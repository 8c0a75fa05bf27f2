import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { memberships } from '../../members/schema.ts';
import type { Executor } from '../../platform/db/database.ts';
import { notFound } from '../../platform/errors.ts';
import { pollOptions, pollParticipation, polls } from '../schema.ts';

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

/** Ballots keep their voter's class only where the count needs it. */
export const keepsClasses = (poll: Poll): boolean =>
  poll.classBalanced === 1 || poll.inEachClass === 1;

/** Active members in the electorate now, and how many of them have voted, by class. */
export async function electorateByClass(
  executor: Executor,
  poll: Poll,
): Promise<Record<string, { members: number; voted: number }>> {
  const rows = await executor
    .select({
      memberClass: memberships.memberClass,
      members: sql<number>`count(*)::int`,
      voted: sql<number>`count(${pollParticipation.personId})::int`,
    })
    .from(memberships)
    .leftJoin(
      pollParticipation,
      and(
        eq(pollParticipation.coopId, memberships.coopId),
        eq(pollParticipation.pollId, poll.id),
        eq(pollParticipation.personId, memberships.personId),
      ),
    )
    .where(
      and(
        eq(memberships.coopId, poll.coopId),
        eq(memberships.status, 'active'),
        inArray(memberships.memberClass, electorateClasses(poll)),
      ),
    )
    .groupBy(memberships.memberClass);
  return Object.fromEntries(
    electorateClasses(poll).map((c) => {
      const row = rows.find((r) => r.memberClass === c);
      return [c, { members: row?.members ?? 0, voted: row?.voted ?? 0 }];
    }),
  );
}
