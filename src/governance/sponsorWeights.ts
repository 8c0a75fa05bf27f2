import { and, eq, gt, lte, sql } from 'drizzle-orm';
import type { BylawsDocument } from '../bylaws/document.ts';
import type { Executor } from '../platform/db/database.ts';
import { funding } from './schema.ts';
import { shiftMonths } from '../platform/dates.ts';

/**
 * Each sponsor organization's weight on a given day: the money it paid (in the co-op's
 * currency) plus its contributed labour hours at the bylaws' rate, over the bylaws' trailing
 * window ending that day.
 */
export async function sponsorWeights(
  executor: Executor,
  coopId: string,
  bylaws: BylawsDocument,
  onDay: string,
): Promise<Record<string, bigint>> {
  const from = shiftMonths(onDay, -bylaws.funding.trailingMonths);
  const rows = await executor
    .select({
      organizationId: funding.organizationId,
      money: sql<string>`sum(${funding.coopAmountMinor})::text`,
      hours: sql<string>`sum(${funding.labourHours})::text`,
    })
    .from(funding)
    .where(
      and(eq(funding.coopId, coopId), gt(funding.receivedOn, from), lte(funding.receivedOn, onDay)),
    )
    .groupBy(funding.organizationId);
  const rate = BigInt(bylaws.funding.labourHourRateMinor);
  return Object.fromEntries(
    rows.map((r) => [r.organizationId, BigInt(r.money) + BigInt(r.hours) * rate]),
  );
}
