import { and, desc, eq, inArray, type SQL } from 'drizzle-orm';
import { organizations } from '../../organizations/schema.ts';
import type { Executor } from '../../platform/db/database.ts';
import { formatAmount } from '../../platform/money/amount.ts';
import { serviceCredits, type ServiceCreditState } from '../schema.ts';

type CreditRow = typeof serviceCredits.$inferSelect;

/**
 * What a sponsor's representative is shown of the credits: those the co-op owes them
 * (confirmed, issued). Proposals and declines are the officers' deliberation.
 */
export const sponsorVisibleStates: readonly ServiceCreditState[] = ['confirmed', 'issued'];

export function creditView(c: CreditRow, organizationName = '') {
  const money = (minor: bigint) => formatAmount(minor, c.currency);
  return {
    id: c.id,
    organizationId: c.organizationId,
    organizationName,
    agreementId: c.agreementId,
    clockId: c.clockId,
    amount: money(c.amountMinor),
    amountMinor: c.amountMinor.toString(),
    issued: money(c.issuedMinor),
    issuedMinor: c.issuedMinor.toString(),
    currency: c.currency,
    periodStart: c.periodStart,
    periodEnd: c.periodEnd,
    state: c.state,
    periodFeeMinor: c.periodFeeMinor.toString(),
    perBreachBasisPoints: c.perBreachBasisPoints,
    capBasisPoints: c.capBasisPoints,
    takenMinor: c.takenMinor.toString(),
    proposalReason: c.proposalReason,
    declineReason: c.declineReason,
    creditNoteId: c.creditNoteId,
    issues: c.issues.map((i) => ({ ...i, amount: money(BigInt(i.amountMinor)) })),
    proposedAt: c.proposedAt,
    decidedAt: c.decidedAt,
    issuedAt: c.issuedAt,
  };
}
export type CreditView = ReturnType<typeof creditView>;

/** Credits, newest first: one organization's, in some states, or of some clocks. */
export async function listCredits(
  executor: Executor,
  coopId: string,
  options: {
    organizationId?: string | undefined;
    states?: readonly ServiceCreditState[] | undefined;
    clockIds?: readonly string[] | undefined;
  },
): Promise<CreditView[]> {
  if (options.clockIds?.length === 0) return [];
  const where: SQL[] = [eq(serviceCredits.coopId, coopId)];
  if (options.organizationId) where.push(eq(serviceCredits.organizationId, options.organizationId));
  if (options.states) where.push(inArray(serviceCredits.state, [...options.states]));
  if (options.clockIds) where.push(inArray(serviceCredits.clockId, [...options.clockIds]));
  const rows = await executor
    .select({ credit: serviceCredits, name: organizations.displayName })
    .from(serviceCredits)
    .innerJoin(
      organizations,
      and(
        eq(organizations.coopId, serviceCredits.coopId),
        eq(organizations.id, serviceCredits.organizationId),
      ),
    )
    .where(and(...where))
    .orderBy(desc(serviceCredits.proposedAt))
    .limit(500);
  return rows.map((r) => creditView(r.credit, r.name));
}
