import { z } from 'zod';
import { defineCommand } from '../../platform/commands.ts';
import { badRequest, conflict } from '../../platform/errors.ts';
import { formatAmount } from '../../platform/money/amount.ts';
import { purchaseOrderRecorded } from '../events.ts';
import { minorOf } from '../money.ts';
import { agreementsPolicy } from '../policy.ts';
import { loadAgreement } from '../repository.ts';
import { purchaseOrders } from '../schema.ts';
import { purchaseOrderInputSchema } from '../agreementChangesInput.ts';

/** Records the buyer's purchase order on an agreement; invoices then draw on it. */
export const recordPurchaseOrder = defineCommand({
  name: 'agreements.recordPurchaseOrder',
  input: purchaseOrderInputSchema.extend({ agreementId: z.uuid() }),
  policy: agreementsPolicy.manage,
  denied: 'Only officers and administrators record purchase orders.',
  events: [purchaseOrderRecorded],
  async run(tx, input, ctx) {
    const agreement = await loadAgreement(tx, ctx.coopId, input.agreementId);
    const amountMinor = minorOf(input.amount, agreement.currency, '/amount');
    if (input.validUntil < input.validFrom)
      throw badRequest('A purchase order cannot end before it starts.', [
        { pointer: '/validUntil', message: `before ${input.validFrom}` },
      ]).because('purchase-order.ends-before-start', { validFrom: input.validFrom });
    const [row] = await tx
      .insert(purchaseOrders)
      .values({
        coopId: ctx.coopId,
        agreementId: agreement.id,
        number: input.number,
        amountMinor,
        currency: agreement.currency,
        validFrom: input.validFrom,
        validUntil: input.validUntil,
        warnBelowPercent: input.warnBelowPercent,
        warnDaysBefore: input.warnDaysBefore,
        createdBy: ctx.actor.personId,
      })
      .onConflictDoNothing()
      .returning({ id: purchaseOrders.id });
    if (!row)
      throw conflict(`Purchase order ${input.number} is already recorded on this agreement.`, [
        { pointer: '/number', message: 'already recorded' },
      ]).because('purchase-order.exists', { number: input.number });
    await ctx.emit(purchaseOrderRecorded, row.id, {
      agreementId: agreement.id,
      number: input.number,
      amount: formatAmount(amountMinor, agreement.currency),
      currency: agreement.currency,
      validFrom: input.validFrom,
      validUntil: input.validUntil,
    });
    return { id: row.id };
  },
});
