import { and, eq, inArray } from 'drizzle-orm';
import { coopCurrency } from '../coop/queries.ts';
import type { InvoiceCandidate } from '../finance/statements/matching.ts';
import { organizations } from '../organizations/schema.ts';
import type { Executor } from '../platform/db/database.ts';
import { invoices } from './schema.ts';

/**
 * What the bank-statement matcher (finance's, src/finance/statements/matching.ts) may settle
 * from invoicing: every final invoice not yet fully settled, with its creditor reference, its
 * number and what is left to pay. Finance reads this; invoicing writes its own settlements
 * through `recordBankLinePayment` when a line is confirmed.
 */
export async function invoiceCandidates(
  executor: Executor,
  coopId: string,
): Promise<InvoiceCandidate[]> {
  const home = await coopCurrency(executor, coopId);
  const rows = await executor
    .select({
      id: invoices.id,
      number: invoices.number,
      creditorReference: invoices.creditorReference,
      grossMinor: invoices.grossMinor,
      settledMinor: invoices.settledMinor,
      currency: invoices.currency,
      organizationName: organizations.legalName,
    })
    .from(invoices)
    .innerJoin(
      organizations,
      and(eq(organizations.coopId, invoices.coopId), eq(organizations.id, invoices.organizationId)),
    )
    .where(
      and(
        eq(invoices.coopId, coopId),
        eq(invoices.kind, 'invoice'),
        inArray(invoices.status, ['open', 'partially-paid']),
      ),
    );
  return rows.map((r) => ({
    invoiceId: r.id,
    number: r.number!,
    creditorReference: r.creditorReference!,
    openMinor: r.grossMinor! - r.settledMinor,
    currency: r.currency,
    organizationName: r.organizationName,
    needsRate: r.currency !== home,
  }));
}
