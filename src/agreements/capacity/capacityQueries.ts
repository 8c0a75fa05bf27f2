import { and, eq, isNull } from 'drizzle-orm';
import { currentBylaws } from '../../bylaws/repository.ts';
import { coopCurrency } from '../../coop/queries.ts';
import { listMembers } from '../../members/queries.ts';
import { organizations } from '../../organizations/schema.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Executor } from '../../platform/db/database.ts';
import { lineTotals } from '../lines.ts';
import { agreements, hackerServiceHours, tiers, tierVersions } from '../schema.ts';
import { tierVersionsById } from '../tierQueries.ts';
import { planCapacity } from './planCapacity.ts';

/** The capacity plan as of today: active hackers, offered tiers, agreements being served. */
export async function capacityPlan(
  executor: Executor,
  coopId: string,
  clock: Pick<Clock, 'today'>,
) {
  const bylaws = await currentBylaws(executor, coopId, clock);
  const thresholds = bylaws.document.capacity;
  const currency = await coopCurrency(executor, coopId);
  const { members } = await listMembers(
    executor,
    coopId,
    { memberClass: 'hacker', status: 'active', limit: 1000, offset: 0 },
    false,
  );
  const overrides = new Map(
    (
      await executor.select().from(hackerServiceHours).where(eq(hackerServiceHours.coopId, coopId))
    ).map((r) => [r.personId, r.hoursPerMonth]),
  );
  const offered = await executor
    .select({ tier: tiers, version: tierVersions })
    .from(tiers)
    .innerJoin(
      tierVersions,
      and(
        eq(tierVersions.coopId, tiers.coopId),
        eq(tierVersions.tierId, tiers.id),
        eq(tierVersions.version, tiers.currentVersion),
      ),
    )
    .where(and(eq(tiers.coopId, coopId), isNull(tiers.archivedAt)));
  const serving = await executor
    .select({ agreement: agreements, organizationName: organizations.displayName })
    .from(agreements)
    .innerJoin(
      organizations,
      and(
        eq(organizations.coopId, agreements.coopId),
        eq(organizations.id, agreements.organizationId),
      ),
    )
    .where(and(eq(agreements.coopId, coopId), eq(agreements.status, 'active')));
  const pinned = await tierVersionsById(
    executor,
    coopId,
    serving.flatMap(({ agreement }) =>
      agreement.lines.flatMap((l) => (l.tierVersionId ? [l.tierVersionId] : [])),
    ),
  );
  return planCapacity({
    currency,
    targetAnnualMinorPerHacker: BigInt(bylaws.document.compensation.targetAnnualMinor),
    thresholds,
    hackers: members.map((m) => ({
      personId: m.personId,
      name: m.displayName,
      serviceHoursPerMonth: overrides.get(m.personId) ?? thresholds.serviceHoursPerHackerMonth,
    })),
    tiers: offered.map(({ tier, version }) => ({
      tierId: tier.id,
      name: version.name,
      version: version.version,
      currency: version.currency,
      priceMinor: version.priceMinor,
      periodMonths: version.periodMonths,
      serviceHoursPerMonth: version.serviceHoursPerMonth,
    })),
    agreements: serving.map(({ agreement, organizationName }) => ({
      id: agreement.id,
      number: agreement.number,
      organizationName,
      currency: agreement.currency,
      perPeriodMinor: lineTotals(agreement.lines).perPeriodMinor,
      billingPeriodMonths: agreement.billingPeriodMonths,
      serviceHoursPerMonth: agreement.lines.reduce(
        (s, l) =>
          s +
          (l.tierVersionId
            ? (pinned.get(l.tierVersionId)?.serviceHoursPerMonth ?? 0) * l.quantity
            : 0),
        0,
      ),
      servingHackerIds: agreement.servingHackerIds,
    })),
  });
}
