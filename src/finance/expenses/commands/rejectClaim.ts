import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { defineCommand } from '../../../platform/commands.ts';
import { conflict, forbidden } from '../../../platform/errors.ts';
import { expenseClaims } from '../../schema.ts';
import { claimRejected } from '../events.ts';
import { expensePolicy } from '../policy.ts';
import { claimIs, loadClaim } from '../repository.ts';
import { rejectionInputSchema } from '../decisionInput.ts';

/** Refuses a submitted claim, with the reason its submitter reads. A rejection is final. */
export const rejectClaim = defineCommand({
  name: 'finance.rejectClaim',
  input: z.strictObject({ claimId: z.uuid(), rejection: rejectionInputSchema }),
  policy: expensePolicy.decide,
  denied: 'Only administrators and the chief economist reject expense claims.',
  events: [claimRejected],
  async run(tx, { claimId, rejection: { reason } }, ctx) {
    const coopId = ctx.coopId;
    const personId = ctx.actor.personId!;
    const claim = await loadClaim(tx, coopId, claimId, { forUpdate: true });
    if (claim.submittedBy === personId)
      throw forbidden('Nobody decides on their own expense claim.').because('claim.own-decision');
    if (claim.status !== 'submitted')
      throw conflict(claimIs(claim.status)).because('claim.status', { status: claim.status });
    await tx
      .update(expenseClaims)
      .set({ status: 'rejected', decidedAt: ctx.clock.now(), rejectionReason: reason })
      .where(and(eq(expenseClaims.coopId, coopId), eq(expenseClaims.id, claimId)));
    await ctx.emit(claimRejected, claimId, { reason });
    return { id: claimId };
  },
});
