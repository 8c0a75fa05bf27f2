import { and, asc, desc, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import { people } from '../members/schema.ts';
import { organizations } from '../organizations/schema.ts';
import type { Actor } from '../platform/actor.ts';
import { ownOrganizationId } from '../platform/policy.ts';
import type { Executor } from '../platform/db/database.ts';
import { loadCycle } from './repository.ts';
import {
  cycles,
  hackerAvailability,
  hackerDeclarations,
  planAssignments,
  planComputations,
  planItems,
  sponsorPoints,
  surveyBallots,
  funding,
  timeEntries,
  workItems,
} from './schema.ts';

export async function listCycles(executor: Executor, coopId: string) {
  return executor
    .select()
    .from(cycles)
    .where(eq(cycles.coopId, coopId))
    .orderBy(desc(cycles.startsOn));
}

export async function listWorkItems(
  executor: Executor,
  coopId: string,
  cycleId: string | undefined,
) {
  return executor
    .select({
      id: workItems.id,
      cycleId: workItems.cycleId,
      title: workItems.title,
      description: workItems.description,
      kind: workItems.kind,
      originClass: workItems.originClass,
      proposedBy: workItems.proposedBy,
      proposedByName: people.displayName,
      organizationId: workItems.organizationId,
      organizationName: organizations.displayName,
      topics: workItems.topics,
      links: workItems.links,
      estimateHours: workItems.estimateHours,
      status: workItems.status,
      mergedInto: workItems.mergedInto,
      splitFrom: workItems.splitFrom,
      createdAt: workItems.createdAt,
    })
    .from(workItems)
    .leftJoin(people, and(eq(people.coopId, workItems.coopId), eq(people.id, workItems.proposedBy)))
    .leftJoin(
      organizations,
      and(
        eq(organizations.coopId, workItems.coopId),
        eq(organizations.id, workItems.organizationId),
      ),
    )
    .where(and(eq(workItems.coopId, coopId), cycleId ? eq(workItems.cycleId, cycleId) : sql`true`))
    .orderBy(asc(workItems.createdAt), asc(workItems.id));
}

/**
 * Everything a cycle's page shows: items, hours given, the caller's own votes, and once
 * published the plan with its arithmetic and the hours logged against it.
 */
export async function cycleDetail(executor: Executor, actor: Actor, cycleId: string) {
  const coopId = actor.coopId;
  const cycle = await loadCycle(executor, coopId, cycleId);
  const inCycle = <T extends { coopId: unknown; cycleId: unknown }>(t: T) =>
    and(eq(t.coopId as never, coopId), eq(t.cycleId as never, cycleId));
  const [items, availability, plan, assignments, computation] = await Promise.all([
    listWorkItems(executor, coopId, cycleId),
    executor
      .select({
        personId: hackerAvailability.personId,
        displayName: people.displayName,
        hours: hackerAvailability.hours,
        note: hackerAvailability.note,
      })
      .from(hackerAvailability)
      .innerJoin(
        people,
        and(
          eq(people.coopId, hackerAvailability.coopId),
          eq(people.id, hackerAvailability.personId),
        ),
      )
      .where(inCycle(hackerAvailability))
      .orderBy(asc(people.displayName)),
    executor.select().from(planItems).where(inCycle(planItems)),
    executor
      .select({
        workItemId: planAssignments.workItemId,
        personId: planAssignments.personId,
        displayName: people.displayName,
        hours: planAssignments.hours,
      })
      .from(planAssignments)
      .innerJoin(
        people,
        and(eq(people.coopId, planAssignments.coopId), eq(people.id, planAssignments.personId)),
      )
      .where(inCycle(planAssignments)),
    executor.select().from(planComputations).where(inCycle(planComputations)),
  ]);
  const organizationId = ownOrganizationId(actor);
  const [myPoints, myBallot, myDeclarations] = await Promise.all([
    organizationId
      ? executor
          .select({ workItemId: sponsorPoints.workItemId, points: sponsorPoints.points })
          .from(sponsorPoints)
          .where(and(inCycle(sponsorPoints), eq(sponsorPoints.organizationId, organizationId)))
      : Promise.resolve([]),
    actor.personId
      ? executor
          .select({ ballot: surveyBallots.ballot, castAt: surveyBallots.castAt })
          .from(surveyBallots)
          .where(and(inCycle(surveyBallots), eq(surveyBallots.personId, actor.personId)))
      : Promise.resolve([]),
    actor.personId
      ? executor
          .select({ workItemId: hackerDeclarations.workItemId, hours: hackerDeclarations.hours })
          .from(hackerDeclarations)
          .where(and(inCycle(hackerDeclarations), eq(hackerDeclarations.personId, actor.personId)))
      : Promise.resolve([]),
  ]);
  const planned = plan.map((p) => p.workItemId);
  const actual = planned.length
    ? await executor
        .select({
          workItemId: timeEntries.workItemId,
          minutes: sql<number>`sum(${timeEntries.minutes})::int`,
        })
        .from(timeEntries)
        .where(
          and(
            eq(timeEntries.coopId, coopId),
            inArray(timeEntries.workItemId, planned),
            gte(timeEntries.workedOn, cycle.startsOn),
            lte(timeEntries.workedOn, cycle.endsOn),
          ),
        )
        .groupBy(timeEntries.workItemId)
    : [];
  const [ballots] = await executor
    .select({ n: sql<number>`count(*)::int` })
    .from(surveyBallots)
    .where(inCycle(surveyBallots));
  const [sponsorsVoted] = await executor
    .select({ n: sql<number>`count(distinct ${sponsorPoints.organizationId})::int` })
    .from(sponsorPoints)
    .where(inCycle(sponsorPoints));
  return {
    cycle,
    items,
    availability,
    capacity: availability.reduce((s, a) => s + a.hours, 0),
    participation: { surveyBallots: ballots!.n, sponsorsVoted: sponsorsVoted!.n },
    mine: {
      sponsorPoints: Object.fromEntries(myPoints.map((p) => [p.workItemId, p.points])),
      surveyBallot: myBallot[0] ?? null,
      declarations: Object.fromEntries(myDeclarations.map((d) => [d.workItemId, d.hours])),
    },
    plan: plan.map((p) => ({
      ...p,
      capped: p.capped === 1,
      assignments: assignments.filter((a) => a.workItemId === p.workItemId),
      actualHours: (actual.find((a) => a.workItemId === p.workItemId)?.minutes ?? 0) / 60,
    })),
    computation: computation[0]?.computation ?? null,
  };
}

/** Funding rows with their organization's name: what the funding list and a reversal read. */
export const selectFundingRows = (executor: Executor) =>
  executor
    .select({
      id: funding.id,
      organizationId: funding.organizationId,
      organizationName: organizations.displayName,
      receivedOn: funding.receivedOn,
      amountMinor: funding.amountMinor,
      currency: funding.currency,
      coopAmountMinor: funding.coopAmountMinor,
      labourHours: funding.labourHours,
      source: funding.source,
      note: funding.note,
    })
    .from(funding)
    .innerJoin(
      organizations,
      and(eq(organizations.coopId, funding.coopId), eq(organizations.id, funding.organizationId)),
    );

export async function listFunding(
  executor: Executor,
  coopId: string,
  organizationId: string | undefined,
) {
  const rows = await selectFundingRows(executor)
    .where(
      and(
        eq(funding.coopId, coopId),
        organizationId ? eq(funding.organizationId, organizationId) : sql`true`,
      ),
    )
    .orderBy(desc(funding.receivedOn));
  return rows.map((r) => ({
    ...r,
    amountMinor: r.amountMinor.toString(),
    coopAmountMinor: r.coopAmountMinor.toString(),
  }));
}
