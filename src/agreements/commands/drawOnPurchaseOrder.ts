import { and, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { defineCommand } from '../../platform/commands.ts';
import { AppError } from '../../platform/errors.ts';
import { formatAmount } from '../../platform/money/amount.ts';
import { purchaseOrderDrawn, purchaseOrderDrawReleased } from '../events.ts';
import { judgePurchaseOrder } from '../purchaseOrderStanding.ts';
import { agreementsPolicy } from '../policy.ts';
import { liveDraw, loadAgreement, purchaseOrdersOf } from '../repository.ts';
import { purchaseOrderDraws } from '../schema.ts';
import { schemaWords } from '../../platform/http/validationMessages.ts';

/** Minor units from another domain's code: a bigint, or an integer as a number or string. */
const minorUnits = z
  .union([z.bigint(), z.string().regex(/^\d+$/), z.number().int().nonnegative()])
  .transform((v) => BigInt(v))
  .refine((v) => v > 0n, schemaWords('mustBeMoreThanZero'));

export const drawInputSchema = z.strictObject({
  agreementId: z.uuid(),
  amountMinor: minorUnits,
  /** The invoice's date: the day the order must be valid on. */
  date: z.iso.date(),
  /** What draws (an invoice's id): one live draw per reference and agreement. */
  reference: z.string().min(1).max(200),
});

/**
 * Takes an invoice's amount from the agreement's purchase order in force. A block is a 409
 * (the invoice must not go out); a warning draws and says why. The agreement's row is locked,
 * so concurrent invoices cannot overdraw one order. Drawing again for the same reference
 * returns the live draw unchanged (idempotent for a retried finalisation).
 */
export const drawOnPurchaseOrder = defineCommand({
  name: 'agreements.drawOnPurchaseOrder',
  input: drawInputSchema,
  policy: agreementsPolicy.manage,
  denied: 'Only officers and administrators invoice.',
  events: [purchaseOrderDrawn],
  async run(tx, input, ctx) {
    const agreement = await loadAgreement(tx, ctx.coopId, input.agreementId, { forUpdate: true });
    const existing = await liveDraw(tx, ctx.coopId, agreement.id, input.reference);
    if (existing)
      return {
        drawId: existing.draw.id,
        purchaseOrderId: existing.draw.purchaseOrderId,
        purchaseOrderNumber: existing.number,
        standing: 'ok' as const,
        reasons: [] as string[],
      };
    const orders = await purchaseOrdersOf(tx, ctx.coopId, agreement.id);
    const judged = judgePurchaseOrder(
      orders,
      agreement.purchaseOrderRequired,
      input.amountMinor,
      input.date,
    );
    if (judged.standing === 'block')
      throw new AppError(
        409,
        'purchase-order-blocks',
        'Purchase order blocks invoicing',
        judged.reasons.join(' '),
        [{ pointer: '/amountMinor', message: judged.reasons.join(' ') }],
      ).because('purchase-order.blocks');
    if (!judged.purchaseOrder)
      return {
        drawId: null,
        purchaseOrderId: null,
        purchaseOrderNumber: null,
        standing: judged.standing,
        reasons: judged.reasons,
      };
    const [row] = await tx
      .insert(purchaseOrderDraws)
      .values({
        coopId: ctx.coopId,
        purchaseOrderId: judged.purchaseOrder.id,
        amountMinor: input.amountMinor,
        drawnOn: input.date,
        reference: input.reference,
      })
      .returning({ id: purchaseOrderDraws.id });
    await ctx.emit(purchaseOrderDrawn, judged.purchaseOrder.id, {
      drawId: row!.id,
      reference: input.reference,
      amount: formatAmount(input.amountMinor, agreement.currency),
      remaining: formatAmount(judged.purchaseOrder.remainingAfterMinor, agreement.currency),
      standing: judged.standing,
      reason: judged.reasons.join(' ') || null,
    });
    return {
      drawId: row!.id,
      purchaseOrderId: judged.purchaseOrder.id,
      purchaseOrderNumber: judged.purchaseOrder.number,
      standing: judged.standing,
      reasons: judged.reasons,
    };
  },
});

/** Gives back what a reference (a cancelled draft, a credited invoice) drew; none is fine. */
export const releasePurchaseOrderDraw = defineCommand({
  name: 'agreements.releasePurchaseOrderDraw',
  input: z.strictObject({ agreementId: z.uuid(), reference: z.string().min(1).max(200) }),
  policy: agreementsPolicy.manage,
  denied: 'Only officers and administrators invoice.',
  events: [purchaseOrderDrawReleased],
  async run(tx, input, ctx) {
    const agreement = await loadAgreement(tx, ctx.coopId, input.agreementId, { forUpdate: true });
    const existing = await liveDraw(tx, ctx.coopId, agreement.id, input.reference);
    if (!existing) return { released: false };
    await tx
      .update(purchaseOrderDraws)
      .set({ releasedAt: ctx.clock.now() })
      .where(
        and(
          eq(purchaseOrderDraws.coopId, ctx.coopId),
          eq(purchaseOrderDraws.id, existing.draw.id),
          isNull(purchaseOrderDraws.releasedAt),
        ),
      );
    await ctx.emit(purchaseOrderDrawReleased, existing.draw.purchaseOrderId, {
      drawId: existing.draw.id,
      reference: input.reference,
      amount: formatAmount(existing.draw.amountMinor, agreement.currency),
    });
    return { released: true };
  },
});
