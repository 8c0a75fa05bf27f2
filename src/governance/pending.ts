import { and, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../platform/actor.ts';
import type { Executor } from '../platform/db/database.ts';
import { queryRows } from '../platform/db/rows.ts';
import type { Locale } from '../platform/i18n/locales.ts';
import type { PendingItem } from '../platform/pending.ts';
import { labourAwaitingDecision } from './labourQueries.ts';
import { governancePendingText as text } from './pendingMessages.ts';
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
export async function governancePending(
  executor: Executor,
  actor: Actor,
  locale: Locale,
): Promise<PendingItem[]> {
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
      title: text(locale, 'vote.title', { poll: p.title }),
      detail: text(locale, 'vote.detail'),
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
      title: text(locale, 'nomination.title', { poll: p.title }),
      detail: text(locale, 'nomination.detail'),
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
          title: text(locale, 'sponsorPoints.title', { cycle: cycle.title }),
          detail: text(locale, 'sponsorPoints.detail'),
          href,
          dueAt: cycle.votingClosesAt,
        });
      if (
        governancePolicy.voteInSurvey(actor, undefined) &&
        !(await hasRow(executor, 'survey_ballots', inCycle, 'person_id', personId))
      )
        items.push({
          kind: 'survey',
          title: text(locale, 'survey.title', { cycle: cycle.title }),
          detail: text(locale, 'survey.detail'),
          href,
          dueAt: cycle.votingClosesAt,
        });
      if (
        governancePolicy.declareHackerWork(actor, undefined) &&
        !(await hasRow(executor, 'hacker_declarations', inCycle, 'person_id', personId))
      )
        items.push({
          kind: 'declarations',
          title: text(locale, 'declarations.title', { cycle: cycle.title }),
          detail: text(locale, 'declarations.detail'),
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
        title: text(locale, 'availability.title', { cycle: cycle.title }),
        detail: text(locale, 'availability.detail'),
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
          title: text(locale, 'logHours.title', { cycle: cycle.title }),
          detail: text(locale, 'logHours.detail', {
            logged: text(locale, 'hours', { count: hours.logged }),
            count: hours.assigned,
          }),
          href,
          dueAt: null,
        });
    }
  }
  if (governancePolicy.decideSponsorLabour(actor, undefined)) {
    const waiting = await labourAwaitingDecision(executor, coopId);
    if (waiting > 0)
      items.push({
        kind: 'confirm-labour',
        title: text(locale, 'confirmLabour.title'),
        detail: text(locale, 'confirmLabour.detail', { count: waiting }),
        href: '/labour',
        dueAt: null,
      });
  }
  return items;
}
