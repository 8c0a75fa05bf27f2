import { and, asc, eq, inArray } from 'drizzle-orm';
import { capacityPlan } from '../agreements/capacity/capacityQueries.ts';
import { listAgreements } from '../agreements/queries.ts';
import { people } from '../members/schema.ts';
import { listOrganizations } from '../organizations/queries.ts';
import { organizations } from '../organizations/schema.ts';
import type { Clock } from '../platform/clock.ts';
import type { Executor } from '../platform/db/database.ts';
import { notFound } from '../platform/errors.ts';
import { formatAmount } from '../platform/money/amount.ts';
import { forecastPipeline } from './forecast.ts';
import { monthsOfTenths } from './input.ts';
import type { OpportunityRow } from './repository.ts';
import { opportunities } from './schema.ts';
import { staleReasons } from './staleness.ts';
import { openStages, STALE_AFTER_DAYS, stages } from './stages.ts';

function opportunityView(
  o: OpportunityRow,
  organizationName: string,
  championPersonName: string | null,
  now: Date,
) {
  return {
    id: o.id,
    organizationId: o.organizationId,
    organizationName,
    title: o.title,
    kind: o.kind,
    stage: o.stage,
    amount: formatAmount(o.amountMinor, o.currency),
    amountMinor: o.amountMinor.toString(),
    currency: o.currency,
    expectedCloseOn: o.expectedCloseOn,
    probabilityPercent: o.probabilityPercent,
    nextStep: o.nextStep,
    nextStepOn: o.nextStepOn,
    champion: o.championPersonId
      ? { personId: o.championPersonId, name: championPersonName ?? '', email: null }
      : o.championName
        ? { personId: null, name: o.championName, email: o.championEmail }
        : null,
    engineerMonths: o.engineerMonthsTenths === null ? null : monthsOfTenths(o.engineerMonthsTenths),
    lostReason: o.lostReason,
    agreementId: o.agreementId,
    renewalOfAgreementId: o.renewalOfAgreementId,
    renewalTermEndsOn: o.renewalTermEndsOn,
    closedAt: o.closedAt,
    changedAt: o.changedAt,
    createdAt: o.createdAt,
    stale: staleReasons(o, now),
  };
}
export type OpportunityView = ReturnType<typeof opportunityView>;

async function selectOpportunities(executor: Executor, coopId: string, id?: string) {
  return executor
    .select({
      o: opportunities,
      organizationName: organizations.displayName,
      champion: people.displayName,
    })
    .from(opportunities)
    .innerJoin(
      organizations,
      and(
        eq(organizations.coopId, opportunities.coopId),
        eq(organizations.id, opportunities.organizationId),
      ),
    )
    .leftJoin(
      people,
      and(eq(people.coopId, opportunities.coopId), eq(people.id, opportunities.championPersonId)),
    )
    .where(and(eq(opportunities.coopId, coopId), ...(id ? [eq(opportunities.id, id)] : [])))
    .orderBy(asc(opportunities.expectedCloseOn), asc(opportunities.createdAt));
}

/** The board: every opportunity by stage, in order of expected close, the stale ones flagged. */
export async function pipelineBoard(executor: Executor, coopId: string, clock: Pick<Clock, 'now'>) {
  const now = clock.now();
  const rows = await selectOpportunities(executor, coopId);
  const views = rows.map((r) => opportunityView(r.o, r.organizationName, r.champion, now));
  return {
    staleAfterDays: STALE_AFTER_DAYS,
    stages: stages.map((stage) => ({
      stage,
      opportunities: views.filter((v) => v.stage === stage),
    })),
  };
}

export async function getOpportunity(
  executor: Executor,
  coopId: string,
  opportunityId: string,
  clock: Pick<Clock, 'now'>,
) {
  const [row] = await selectOpportunities(executor, coopId, opportunityId);
  if (!row) throw notFound('This opportunity');
  return opportunityView(row.o, row.organizationName, row.champion, clock.now());
}

/**
 * Organizations with no agreement in force (prospects), and those with one (sponsors, to whom
 * the co-op may sell more), each with its open opportunities' count.
 */
export async function pipelineOrganizations(executor: Executor, coopId: string) {
  const [all, agreements, open] = [
    await listOrganizations(executor, coopId),
    await listAgreements(executor, coopId),
    await executor
      .select({ organizationId: opportunities.organizationId })
      .from(opportunities)
      .where(and(eq(opportunities.coopId, coopId), inArray(opportunities.stage, [...openStages]))),
  ];
  const inForce = new Set(
    agreements.filter((a) => a.status === 'active').map((a) => a.organizationId),
  );
  return all.map((o) => ({
    id: o.id,
    displayName: o.displayName,
    prospect: !inForce.has(o.id),
    openOpportunities: open.filter((r) => r.organizationId === o.id).length,
  }));
}

/** The forecast against the capacity plan as of today. */
export async function pipelineForecast(
  executor: Executor,
  coopId: string,
  clock: Pick<Clock, 'today' | 'now'>,
) {
  const open = await executor
    .select({ o: opportunities, organizationName: organizations.displayName })
    .from(opportunities)
    .innerJoin(
      organizations,
      and(
        eq(organizations.coopId, opportunities.coopId),
        eq(organizations.id, opportunities.organizationId),
      ),
    )
    .where(and(eq(opportunities.coopId, coopId), inArray(opportunities.stage, [...openStages])));
  const plan = await capacityPlan(executor, coopId, clock);
  return forecastPipeline(
    open.map(({ o, organizationName }) => ({
      id: o.id,
      title: o.title,
      organizationName,
      kind: o.kind,
      amountMinor: o.amountMinor,
      currency: o.currency,
      expectedCloseOn: o.expectedCloseOn,
      probabilityPercent: o.probabilityPercent,
    })),
    {
      currency: plan.currency,
      capacityHoursPerMonth: plan.capacityHoursPerMonth,
      committedHoursPerMonth: plan.committedHoursPerMonth,
      clients: plan.clients,
      clientsBeforeHiring: plan.clientsBeforeHiring,
      annualRevenueMinor: plan.annualRevenueMinor,
      targetAnnualMinor: plan.targetAnnualMinor,
      gapMinor: plan.gapMinor,
      tierServiceHours: plan.tiers.map((t) => t.serviceHoursPerMonth),
    },
  );
}
