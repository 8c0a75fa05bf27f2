import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { CommandContext } from '../../../platform/commands.ts';
import { conflict, forbidden } from '../../../platform/errors.ts';
import { appendEvent } from '../../../platform/events.ts';
import { authorize } from '../../../platform/policy.ts';
import { parseInput } from '../../../platform/validation.ts';
import { expenseClaims } from '../../schema.ts';
import { expensePolicy } from '../policy.ts';
import { claimIs, loadClaim } from '../repository.ts';

export const rejectionInputSchema = z
  .strictObject({
    reason: z.string().trim().min(5, 'say why, in at least 5 characters').max(1000),
  })
  .meta({ id: 'ExpenseRejection' });

/** Refuses a submitted claim, with the reason its submitter reads. A rejection is final. */
export async function rejectClaim(
  ctx: CommandContext,
  claimId: string,
  input: z.input<typeof rejectionInputSchema>,
) {
  authorize(
    ctx.actor,
    expensePolicy.decide,
    undefined,
    'Only administrators and the chief economist reject expense claims.',
  );
  const { reason } = parseInput(rejectionInputSchema, input);
  const coopId = ctx.actor.coopId;
  const personId = ctx.actor.personId!;
  await ctx.db.transaction(async (tx) => {
    const claim = await loadClaim(tx, coopId, claimId, { forUpdate: true });
    if (claim.submittedBy === personId)
      throw forbidden('Nobody decides on their own expense claim.');
    if (claim.status !== 'submitted') throw conflict(claimIs(claim.status));
    await tx
      .update(expenseClaims)
      .set({ status: 'rejected', decidedAt: new Date(), rejectionReason: reason })
      .where(and(eq(expenseClaims.coopId, coopId), eq(expenseClaims.id, claimId)));
    await appendEvent(tx, {
      coopId,
      type: 'expense.claim-rejected',
      actorId: personId,
      subjectType: 'expense-claim',
      subjectId: claimId,
      data: { reason },
    });
  });
  return { id: claimId };
}
