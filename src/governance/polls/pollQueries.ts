import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { BudgetLine } from '../../finance/reports/budgets.ts';
import { people } from '../../members/schema.ts';
import type { Actor } from '../../platform/actor.ts';
import type { Executor } from '../../platform/db/database.ts';
import { conflict } from '../../platform/errors.ts';
import { writeBlt, ballotsFromRankings } from '../tally/index.ts';
import { nominations, pollBallots, pollParticipation, polls } from '../schema.ts';
import { loadOptions, loadPoll } from './pollRepository.ts';
import { listPublishedBallots } from './publishBallots.ts';

/** The polls, newest close first, each saying whether the reader has voted in it. */
export async function listPolls(executor: Executor, coopId: string, personId: string | null) {
  return executor
    .select({
      id: polls.id,
      kind: polls.kind,
      title: polls.title,
      method: polls.method,
      status: polls.status,
      opensAt: polls.opensAt,
      closesAt: polls.closesAt,
      officeRole: polls.officeRole,
      youVoted: sql<boolean>`exists (select 1 from ${pollParticipation} v where v.coop_id = ${polls.coopId} and v.poll_id = ${polls.id} and v.person_id = ${personId})`,
    })
    .from(polls)
    .where(eq(polls.coopId, coopId))
    .orderBy(desc(polls.closesAt));
}

/**
 * A poll as a member sees it. The ballots are published only after the close, without voters
 * when secret, each with the hash of its receipt so that a voter can find their own.
 */
export async function pollDetail(executor: Executor, actor: Actor, pollId: string) {
  const coopId = actor.coopId;
  const poll = await loadPoll(executor, coopId, pollId);
  const [options, nominees, voted] = await Promise.all([
    loadOptions(executor, coopId, pollId),
    executor
      .select({
        personId: nominations.personId,
        displayName: people.displayName,
        statement: nominations.statement,
        acceptedAt: nominations.acceptedAt,
        declinedAt: nominations.declinedAt,
      })
      .from(nominations)
      .innerJoin(
        people,
        and(eq(people.coopId, nominations.coopId), eq(people.id, nominations.personId)),
      )
      .where(and(eq(nominations.coopId, coopId), eq(nominations.pollId, pollId)))
      .orderBy(asc(people.displayName)),
    actor.personId
      ? executor
          .select({ votedAt: pollParticipation.votedAt })
          .from(pollParticipation)
          .where(
            and(
              eq(pollParticipation.coopId, coopId),
              eq(pollParticipation.pollId, pollId),
              eq(pollParticipation.personId, actor.personId),
            ),
          )
      : Promise.resolve([]),
  ]);
  const ballots =
    poll.status === 'closed' ? await listPublishedBallots(executor, coopId, pollId) : null;
  const { bylawsDocument, budgetLines, ...rest } = poll;
  return {
    poll: {
      ...rest,
      budget: budgetLines as BudgetLine[] | null,
      secret: poll.secret === 1,
      classBalanced: poll.classBalanced === 1,
      inEachClass: poll.inEachClass === 1,
      amendsBylaws: bylawsDocument !== null,
    },
    proposedBylaws: bylawsDocument,
    options: options.map((o) => ({ number: o.number, label: o.label, personId: o.personId })),
    nominations: nominees,
    votedAt: voted[0]?.votedAt ?? null,
    ballots,
  };
}

/** The published ballots of a closed ranked poll as a BLT file, for anyone to count again. */
export async function pollBlt(executor: Executor, coopId: string, pollId: string): Promise<string> {
  const poll = await loadPoll(executor, coopId, pollId);
  if (poll.status !== 'closed')
    throw conflict('Ballots are published when the poll closes.').because(
      'poll.ballots-unpublished',
    );
  if (!['ranked', 'schulze', 'irv', 'scottish-stv', 'meek-stv'].includes(poll.method))
    throw conflict('BLT holds ranked ballots only.').because('poll.not-ranked');
  const options = await loadOptions(executor, coopId, pollId);
  const rows = await executor
    .select({ content: pollBallots.content })
    .from(pollBallots)
    .where(and(eq(pollBallots.coopId, coopId), eq(pollBallots.pollId, pollId)));
  const candidates = options.map((o) => o.label.replace(/["\r\n]/g, "'"));
  return writeBlt({
    title: poll.title.replace(/["\r\n]/g, "'"),
    seats: poll.seats,
    candidates,
    ballots: ballotsFromRankings(
      candidates,
      rows.map((r) => ({
        ranking: (r.content as { ranking: number[] }).ranking.map((n) => n - 1),
      })),
    ),
  });
}
