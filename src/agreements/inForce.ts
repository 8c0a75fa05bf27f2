import { and, desc, eq, inArray, lte } from 'drizzle-orm';
import type { Executor } from '../platform/db/database.ts';
import type { TierEntitlements } from './lines.ts';
import { agreements } from './schema.ts';
import { tierVersionsById } from './tierQueries.ts';

export interface AgreementInForce {
  id: string;
  number: string;
  servingHackerIds: string[];
  /** The entitlements of each tier line, as pinned at signing (a line of quantity 2 counts twice). */
  tiers: {
    tierVersionId: string;
    name: string;
    quantity: number;
    entitlements: TierEntitlements;
  }[];
  /** Hours of expert advice each month: the tier lines' `expertHoursPerMonth` times quantity. */
  expertHoursPerMonth: number;
}

type AgreementRow = typeof agreements.$inferSelect;

/** The last day an agreement serves, as far as is known today: null while it renews itself. */
const servesUntil = (a: AgreementRow) => a.endsOn ?? (a.autoRenew ? null : a.currentTermEndsOn);

/** The one rule of "in force on a day", for the requests' entitlement and the clocks alike. */
export const inForceOn = (a: AgreementRow, day: string): boolean =>
  a.status !== 'ended' && a.startsOn <= day && (servesUntil(a) === null || day <= servesUntil(a)!);

/**
 * The agreement serving an organization on `day`: started by then, active, or cancelled but
 * serving to its last day. With two (a renewal signed as a new agreement), the later start wins.
 */
export async function agreementInForce(
  executor: Executor,
  coopId: string,
  organizationId: string,
  day: string,
): Promise<AgreementInForce | null> {
  const candidates = await executor
    .select()
    .from(agreements)
    .where(
      and(
        eq(agreements.coopId, coopId),
        eq(agreements.organizationId, organizationId),
        inArray(agreements.status, ['active', 'cancelled']),
        lte(agreements.startsOn, day),
      ),
    )
    .orderBy(desc(agreements.startsOn), desc(agreements.createdAt));
  const a = candidates.find((row) => inForceOn(row, day));
  if (!a) return null;
  const lines = a.lines.filter((l) => l.kind === 'tier' && l.tierVersionId);
  const pinned = await tierVersionsById(
    executor,
    coopId,
    lines.map((l) => l.tierVersionId!),
  );
  const tiers = lines.flatMap((l) => {
    const v = pinned.get(l.tierVersionId!);
    return v
      ? [{ tierVersionId: v.id, name: v.name, quantity: l.quantity, entitlements: v.entitlements }]
      : [];
  });
  return {
    id: a.id,
    number: a.number,
    servingHackerIds: a.servingHackerIds,
    tiers,
    expertHoursPerMonth: tiers.reduce(
      (sum, t) => sum + t.entitlements.expertHoursPerMonth * t.quantity,
      0,
    ),
  };
}
