import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { defineCommand } from '../../platform/commands.ts';
import { conflict } from '../../platform/errors.ts';
import { agreementCancelled } from '../events.ts';
import { agreementsPolicy } from '../policy.ts';
import { loadAgreement } from '../repository.ts';
import { agreements } from '../schema.ts';
import { cancellationEnd } from '../terms.ts';
import { cancellationSchema } from '../agreementChangesInput.ts';

/**
 * Cancels an agreement as of today: it serves to the end of the term the notice period still
 * reaches, never renews, and invoicing stops after that day (`agreement.cancelled`).
 */
export const cancelAgreement = defineCommand({
  name: 'agreements.cancelAgreement',
  input: cancellationSchema.extend({ agreementId: z.uuid() }),
  policy: agreementsPolicy.manage,
  denied: 'Only officers and administrators cancel agreements.',
  events: [agreementCancelled],
  async run(tx, { agreementId, reason }, ctx) {
    const agreement = await loadAgreement(tx, ctx.coopId, agreementId, { forUpdate: true });
    if (agreement.status !== 'active')
      throw conflict(`Agreement ${agreement.number} is already ${agreement.status}.`).because(
        'agreement.already-ended',
        { number: agreement.number, agreementStatus: agreement.status },
      );
    const { endsOn, withinNotice } = cancellationEnd(agreement, ctx.clock.today());
    await tx
      .update(agreements)
      .set({ status: 'cancelled', endsOn, cancelledAt: ctx.clock.now(), cancelReason: reason })
      .where(and(eq(agreements.coopId, ctx.coopId), eq(agreements.id, agreementId)));
    await ctx.emit(agreementCancelled, agreementId, {
      number: agreement.number,
      organizationId: agreement.organizationId,
      endsOn,
      reason,
      withinNotice,
    });
    return { endsOn, withinNotice };
  },
});
