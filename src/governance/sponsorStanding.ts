import { and, eq, gt, lte, sql } from 'drizzle-orm';
import type { BylawsDocument } from '../bylaws/document.ts';
import type { Executor } from '../platform/db/database.ts';
import { shiftMonths } from '../platform/dates.ts';
import { funding } from './schema.ts';
import { sponsorWeights } from './sponsorWeights.ts';

export interface SponsorStanding {
  onDay: string;
  /** The trailing window's first day excluded: funding received after it counts. */
  windowAfter: string;
  /** Money received in the window, in the co-op's currency (minor units). */
  moneyMinor: bigint;
  labourHours: number;
  labourHourRateMinor: bigint;
  /** Money + labour hours x rate: what its points are multiplied by in the sponsor slice. */
  weightMinor: bigint;
  /** Every sponsor's weight added up, so the share is exact: weight / total. */
  totalWeightMinor: bigint;
}

/**
 * Where a sponsor stands in the vote on a day: its funding over the bylaws' trailing window and
 * the weight it gives its points, beside all sponsors' weight (the same numbers the plan uses).
 */
export async function sponsorStanding(
  executor: Executor,
  coopId: string,
  bylaws: BylawsDocument,
  organizationId: string,
  onDay: string,
): Promise<SponsorStanding> {
  const windowAfter = shiftMonths(onDay, -bylaws.funding.trailingMonths);
  const [own] = await executor
    .select({
      money: sql<string>`coalesce(sum(${funding.coopAmountMinor}), 0)::text`,
      hours: sql<number>`coalesce(sum(${funding.labourHours}), 0)::int`,
    })
    .from(funding)
    .where(
      and(
        eq(funding.coopId, coopId),
        eq(funding.organizationId, organizationId),
        gt(funding.receivedOn, windowAfter),
        lte(funding.receivedOn, onDay),
      ),
    );
  const weights = await sponsorWeights(executor, coopId, bylaws, onDay);
  return {
    onDay,
    windowAfter,
    moneyMinor: BigInt(own?.money ?? '0'),
    labourHours: own?.hours ?? 0,
    labourHourRateMinor: BigInt(bylaws.funding.labourHourRateMinor),
    weightMinor: weights[organizationId] ?? 0n,
    totalWeightMinor: Object.values(weights).reduce((sum, w) => sum + (w > 0n ? w : 0n), 0n),
  };
}
