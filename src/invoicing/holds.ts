import { and, eq } from 'drizzle-orm';
import { agreementForInvoicing } from '../agreements/index.ts';
import type { RunContext } from '../platform/commands.ts';
import type { Tx } from '../platform/db/database.ts';
import { minorDigits } from '../platform/money/currency.ts';
import { invoiceHoldChanged } from './events.ts';
import { purchaseOrderCheck } from './purchaseOrders.ts';
import { loadLines, type InvoiceRow } from './repository.ts';
import { invoices } from './schema.ts';
import { computeTotals } from './totals.ts';

/**
 * Why a prepared draft must wait, judged against the agreement's purchase orders on the first
 * day of the period it bills: null when an order covers it (or none is needed).
 */
export async function holdReason(
  tx: Tx,
  ctx: RunContext,
  draft: Pick<InvoiceRow, 'organizationId' | 'agreementId' | 'purchaseOrder' | 'currency'>,
  grossMinor: bigint,
  periodStart: string,
): Promise<string | null> {
  const verdict = await purchaseOrderCheck(tx, {
    coopId: ctx.coopId,
    organizationId: draft.organizationId,
    agreementId: draft.agreementId,
    purchaseOrder: draft.purchaseOrder,
    currency: draft.currency,
    grossMinor,
    issueDate: periodStart,
  });
  return verdict.outcome === 'block'
    ? (verdict.message ?? 'The purchase order does not cover this invoice.')
    : null;
}

/**
 * A held draft judged again; releases it when an order covers it now. Returns the reason it is
 * still held, or null. Run when a purchase order is recorded and before a held draft is finalised.
 */
export async function judgeHold(tx: Tx, ctx: RunContext, draft: InvoiceRow) {
  if (!draft.heldReason || !draft.periodStart) return null;
  const lines = await loadLines(tx, ctx.coopId, draft.id);
  const totals = computeTotals(lines, draft.rounding, minorDigits(draft.currency));
  const reason = await holdReason(tx, ctx, draft, totals.grossMinor, draft.periodStart);
  if (reason === draft.heldReason) return reason;
  // Released by a new order: the draft quotes the order in force for its period.
  const inForce =
    reason === null && draft.agreementId
      ? (await agreementForInvoicing(tx, ctx.coopId, draft.agreementId, draft.periodStart))
          .purchaseOrder
      : null;
  await tx
    .update(invoices)
    .set({ heldReason: reason, ...(inForce ? { purchaseOrder: inForce.number } : {}) })
    .where(and(eq(invoices.coopId, ctx.coopId), eq(invoices.id, draft.id)));
  await ctx.emit(invoiceHoldChanged, draft.id, { held: reason !== null, reason });
  return reason;
}
