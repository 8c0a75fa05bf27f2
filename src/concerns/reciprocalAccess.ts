import { agreementInForce } from '../agreements/index.ts';
import type { Executor } from '../platform/db/database.ts';

/**
 * Whether an organization is entitled to be consulted on `day`: a tier line of the agreement
 * in force then (as pinned at signing) includes `reciprocalAccess`. Without an agreement, or on
 * a tier without it, a sponsor may still tell the co-op its concerns, but is not consulted.
 */
export async function hasReciprocalAccess(
  executor: Executor,
  coopId: string,
  organizationId: string,
  day: string,
): Promise<boolean> {
  const agreement = await agreementInForce(executor, coopId, organizationId, day);
  return agreement?.tiers.some((t) => t.entitlements.reciprocalAccess) ?? false;
}
