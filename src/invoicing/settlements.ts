import { and, eq, sql } from 'drizzle-orm';
import type { RunContext } from '../platform/commands.ts';
import type { Tx } from '../platform/db/database.ts';
import { formatAmount } from '../platform/money/amount.ts';
import { invoiceSettled } from './events.ts';
import type { InvoiceRow } from './repository.ts';
import { invoiceSettlements, invoices, type InvoiceStatus } from './schema.ts';

/** An invoice's state follows from what settled it, never from a hand-set flag. */
export function settlementStatus(
  grossMinor: bigint,
  settledMinor: bigint,
  creditedMinor: bigint,
): InvoiceStatus {
  if (settledMinor === 0n) return 'open';
  if (settledMinor < grossMinor) return 'partially-paid';
  if (settledMinor > grossMinor) return 'overpaid';
  return creditedMinor === grossMinor ? 'credited' : 'paid';
}

/**
 * Records what settled part of a (locked) invoice and moves its state; the caller has posted
 * the entry, if any. Returns the new state.
 */
/** What a final invoice has left to credit: its gross less the credit notes that settled it. */
export async function leftToCredit(
  tx: Tx,
  coopId: string,
  invoice: Pick<InvoiceRow, 'id' | 'grossMinor'>,
): Promise<bigint> {
  const [sum] = await tx
    .select({ credited: sql<string>`coalesce(sum(${invoiceSettlements.amountMinor}), 0)::text` })
    .from(invoiceSettlements)
    .where(
      and(
        eq(invoiceSettlements.coopId, coopId),
        eq(invoiceSettlements.invoiceId, invoice.id),
        eq(invoiceSettlements.kind, 'credit-note'),
      ),
    );
  return invoice.grossMinor! - BigInt(sum!.credited);
}

export async function recordSettlement(
  tx: Tx,
  ctx: RunContext,
  invoice: InvoiceRow,
  s: {
    kind: 'payment' | 'bank-line' | 'credit-note';
    amountMinor: bigint;
    coopAmountMinor: bigint;
    receivedOn: string;
    entryId: string | null;
    creditNoteId?: string;
    bankLineId?: string;
    reference?: string;
  },
): Promise<{ status: InvoiceStatus; settledMinor: bigint }> {
  await tx.insert(invoiceSettlements).values({
    coopId: ctx.coopId,
    invoiceId: invoice.id,
    kind: s.kind,
    amountMinor: s.amountMinor,
    coopAmountMinor: s.coopAmountMinor,
    receivedOn: s.receivedOn,
    entryId: s.entryId,
    creditNoteId: s.creditNoteId ?? null,
    bankLineId: s.bankLineId ?? null,
    reference: s.reference ?? '',
    createdBy: ctx.actor.personId,
  });
  const [sums] = await tx
    .select({
      settled: sql<string>`coalesce(sum(${invoiceSettlements.amountMinor}), 0)::text`,
      credited: sql<string>`coalesce(sum(${invoiceSettlements.amountMinor}) filter (where ${invoiceSettlements.kind} = 'credit-note'), 0)::text`,
    })
    .from(invoiceSettlements)
    .where(
      and(eq(invoiceSettlements.coopId, ctx.coopId), eq(invoiceSettlements.invoiceId, invoice.id)),
    );
  const settledMinor = BigInt(sums!.settled);
  const status = settlementStatus(invoice.grossMinor!, settledMinor, BigInt(sums!.credited));
  await tx
    .update(invoices)
    .set({ status, settledMinor })
    .where(and(eq(invoices.coopId, ctx.coopId), eq(invoices.id, invoice.id)));
  await ctx.emit(invoiceSettled, invoice.id, {
    number: invoice.number!,
    via: s.kind,
    amount: formatAmount(s.amountMinor, invoice.currency),
    currency: invoice.currency,
    settled: formatAmount(settledMinor, invoice.currency),
    status,
    entryId: s.entryId,
  });
  return { status, settledMinor };
}
