import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../platform/db/database.ts';
import { notFound } from '../platform/errors.ts';
import {
  judgePurchaseOrder,
  type PurchaseOrderFacts,
  type PurchaseOrderStanding,
} from './purchaseOrderStanding.ts';
import { agreements, purchaseOrderDraws, purchaseOrders, quotes } from './schema.ts';

export type AgreementRow = typeof agreements.$inferSelect;
export type QuoteRow = typeof quotes.$inferSelect;

export async function loadAgreement(
  executor: Executor,
  coopId: string,
  agreementId: string,
  options: { forUpdate?: boolean } = {},
): Promise<AgreementRow> {
  const query = executor
    .select()
    .from(agreements)
    .where(and(eq(agreements.coopId, coopId), eq(agreements.id, agreementId)));
  const [row] = options.forUpdate ? await query.for('update') : await query;
  if (!row) throw notFound('This agreement');
  return row;
}

export async function loadQuote(
  executor: Executor,
  coopId: string,
  quoteId: string,
  options: { forUpdate?: boolean } = {},
): Promise<QuoteRow> {
  const query = executor
    .select()
    .from(quotes)
    .where(and(eq(quotes.coopId, coopId), eq(quotes.id, quoteId)));
  const [row] = options.forUpdate ? await query.for('update') : await query;
  if (!row) throw notFound('This quote');
  return row;
}

/** An agreement's purchase orders with what their live draws have taken. */
export async function purchaseOrdersOf(
  executor: Executor,
  coopId: string,
  agreementId: string,
): Promise<(PurchaseOrderFacts & { createdAt: Date })[]> {
  const rows = await executor
    .select()
    .from(purchaseOrders)
    .where(and(eq(purchaseOrders.coopId, coopId), eq(purchaseOrders.agreementId, agreementId)))
    .orderBy(asc(purchaseOrders.validFrom), asc(purchaseOrders.createdAt));
  const drawn = new Map(
    (
      await executor
        .select({
          purchaseOrderId: purchaseOrderDraws.purchaseOrderId,
          drawnMinor: sql<string>`sum(${purchaseOrderDraws.amountMinor})::text`,
        })
        .from(purchaseOrderDraws)
        .innerJoin(
          purchaseOrders,
          and(
            eq(purchaseOrders.coopId, purchaseOrderDraws.coopId),
            eq(purchaseOrders.id, purchaseOrderDraws.purchaseOrderId),
          ),
        )
        .where(
          and(
            eq(purchaseOrderDraws.coopId, coopId),
            eq(purchaseOrders.agreementId, agreementId),
            isNull(purchaseOrderDraws.releasedAt),
          ),
        )
        .groupBy(purchaseOrderDraws.purchaseOrderId)
    ).map((r) => [r.purchaseOrderId, BigInt(r.drawnMinor)]),
  );
  return rows.map((order) => ({
    id: order.id,
    number: order.number,
    currency: order.currency,
    amountMinor: order.amountMinor,
    drawnMinor: drawn.get(order.id) ?? 0n,
    validFrom: order.validFrom,
    validUntil: order.validUntil,
    warnBelowPercent: order.warnBelowPercent,
    warnDaysBefore: order.warnDaysBefore,
    createdAt: order.createdAt,
  }));
}

/**
 * For invoicing: may an invoice of `amountMinor` (the agreement's currency) dated `day` go out
 * against this agreement's purchase orders? `ok`, `warn` (go, but say why) or `block` (do not),
 * with reasons a person can act on. Reads only; `drawOnPurchaseOrder` takes the amount.
 */
export async function purchaseOrderStanding(
  executor: Executor,
  coopId: string,
  agreementId: string,
  amountMinor: bigint,
  day: string,
): Promise<PurchaseOrderStanding> {
  const agreement = await loadAgreement(executor, coopId, agreementId);
  const orders = await purchaseOrdersOf(executor, coopId, agreementId);
  return judgePurchaseOrder(orders, agreement.purchaseOrderRequired, amountMinor, day);
}

/** The live draw a reference (an invoice) holds on an agreement's orders, if any. */
export async function liveDraw(
  executor: Executor,
  coopId: string,
  agreementId: string,
  reference: string,
) {
  const [row] = await executor
    .select({ draw: purchaseOrderDraws, number: purchaseOrders.number })
    .from(purchaseOrderDraws)
    .innerJoin(
      purchaseOrders,
      and(
        eq(purchaseOrders.coopId, purchaseOrderDraws.coopId),
        eq(purchaseOrders.id, purchaseOrderDraws.purchaseOrderId),
      ),
    )
    .where(
      and(
        eq(purchaseOrderDraws.coopId, coopId),
        eq(purchaseOrders.agreementId, agreementId),
        eq(purchaseOrderDraws.reference, reference),
        isNull(purchaseOrderDraws.releasedAt),
      ),
    );
  return row;
}
