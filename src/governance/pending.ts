import { and, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../platform/actor.ts';
import type { Executor } from '../platform/db/database.ts';
import { queryRows } from '../platform/db/rows.ts';
import { countOf, type PendingItem } from '../platform/pending.ts';
import { governancePolicy } from './policy.ts';
import { cycles, nominations, polls } from './schema.ts';

/** Whether the cycle's table holds a row for this person or organization. */
async function hasRow(
  executor: Executor,
  table: string,
  inCycle: SQL,
  column: 'person_id' | 'organization_id',
  id: string,
): Promise<boolean> {
  const [row] = await queryRows<{ found: boolean }>(
    executor,
    sql`select exists (select 1 from ${sql.identifier(table)} where ${inCycle} and ${sql.identifier(column)} = ${id}) as found`,
  );
  return row!.found;
}

/**
 * What the democracy waits for from this person: open votes they have not cast, nominations to
 * answer, and in each cycle their class's part (sponsor points, the survey, declarations, hours
 * given, hours logged).
 */
export async function governancePending(executor: Executor, actor: Actor): Promise<PendingItem[]> {
  const personId = actor.personId;
  const membership = actor.membership;
  if (!personId || membership?.status !== 'active') return [];
  const coopId = actor.coopId;
  const items: PendingItem[] = [];

  const openPolls = await queryRows<{ id: string; title: string; closes_at: Date }>(
    executor,
    sql`select p.id, p.title, p.closes_at from ${polls} p
        where p.coop_id = ${coopId} and p.status = 'open'
          and (cardinality(p.electorate) = 0 or ${membership.memberClass} = any(p.electorate))
          and not exists (select 1 from poll_participation v
            where v.coop_id = p.coop_id and v.poll_id = p.id and v.person_id = ${personId})
        order by p.closes_at`,
  );
  for (const p of openPolls)
    items.push({
      kind: 'vote',
      title: `Vote on “${p.title}”`,
      detail: 'You have not voted yet.',
      href: `/votes/${p.id}`,
      dueAt: new Date(p.closes_at),
    });

  const toAnswer = await executor
    .select({ id: polls.id, title: polls.title, opensAt: polls.opensAt })
    .from(nominations)
    .innerJoin(polls, and(eq(polls.coopId, nominations.coopId), eq(polls.id, nominations.pollId)))
    .where(
      and(
        eq(nominations.coopId, coopId),
        eq(nominations.personId, personId),
        isNull(nominations.acceptedAt),
        isNull(nominations.declinedAt),
        eq(polls.status, 'nominating'),
      ),
    );
  for (const p of toAnswer)
    items.push({
      kind: 'nomination',
      title: `Answer your nomination in “${p.title}”`,
      detail: 'Accept it to stand as a candidate, or decline it.',
      href: `/votes/${p.id}`,
      dueAt: p.opensAt,
    });

  const live = await executor
    .select({
      id: cycles.id,
      title: cycles.title,
      phase: cycles.phase,
      votingClosesAt: cycles.votingClosesAt,
      votingOpensAt: cycles.votingOpensAt,
    })
    .from(cycles)
    .where(
      and(eq(cycles.coopId, coopId), inArray(cycles.phase, ['proposing', 'voting', 'in-progress'])),
    );
  for (const cycle of live) {
    const href = `/cycles/${cycle.id}`;
    const inCycle = sql`coop_id = ${coopId} and cycle_id = ${cycle.id}`;
    if (cycle.phase === 'voting') {
      const org = membership.organizationId;
      if (
        governancePolicy.voteAsSponsor(actor, undefined) &&
        org &&
        !(await hasRow(executor, 'sponsor_points', inCycle, 'organization_id', org))
      )
        items.push({
          kind: 'sponsor-points',
          title: `Spread your organization’s points in “${cycle.title}”`,
          detail: 'Sponsors decide their slice of the plan with 100 points.',
          href,
          dueAt: cycle.votingClosesAt,
        });
      if (
        governancePolicy.voteInSurvey(actor, undefined) &&
        !(await hasRow(executor, 'survey_ballots', inCycle, 'person_id', personId))
      )
        items.push({
          kind: 'survey',
          title: `Answer the community survey of “${cycle.title}”`,
          detail: 'The community decides its slice of the plan.',
          href,
          dueAt: cycle.votingClosesAt,
        });
      if (
        governancePolicy.declareHackerWork(actor, undefined) &&
        !(await hasRow(executor, 'hacker_declarations', inCycle, 'person_id', personId))
      )
        items.push({
          kind: 'declarations',
          title: `Declare your hackers’ hours in “${cycle.title}”`,
          detail: 'Say which items your share of the hacker slice goes to.',
          href,
          dueAt: cycle.votingClosesAt,
        });
    }
    if (
      cycle.phase !== 'in-progress' &&
      governancePolicy.setAvailability(actor, personId) &&
      membership.memberClass === 'hacker' &&
      !(await hasRow(executor, 'hacker_availability', inCycle, 'person_id', personId))
    )
      items.push({
        kind: 'availability',
        title: `Give your hours for “${cycle.title}”`,
        detail: 'The plan shares out the hours the hackers give.',
        href,
        dueAt: cycle.phase === 'proposing' ? cycle.votingOpensAt : cycle.votingClosesAt,
      });
    if (cycle.phase === 'in-progress' && governancePolicy.logTime(actor, personId)) {
      const [hours] = await queryRows<{ assigned: number; logged: number }>(
        executor,
        sql`select coalesce((select sum(hours) from plan_assignments where ${inCycle} and person_id = ${personId}), 0)::int as assigned,
                   coalesce((select sum(t.minutes) from time_entries t
                     join plan_items i on i.coop_id = t.coop_id and i.work_item_id = t.work_item_id and i.cycle_id = ${cycle.id}
                     where t.coop_id = ${coopId} and t.person_id = ${personId}), 0)::int / 60 as logged`,
      );
      if (hours && hours.assigned > hours.logged)
        items.push({
          kind: 'log-hours',
          title: `Log your hours in “${cycle.title}”`,
          detail: `${countOf(hours.logged, 'hour')} logged of the ${countOf(hours.assigned, 'hour')} you are planned for.`,
          href,
          dueAt: null,
        });
    }
  }
  return items;
}
