import { and, eq, inArray, ne } from 'drizzle-orm';
import { z } from 'zod';
import { defineCommand } from '../../../platform/commands.ts';
import { conflict, forbidden } from '../../../platform/errors.ts';
import { formatAmount } from '../../../platform/money/amount.ts';
import { authorize } from '../../../platform/policy.ts';
import { expenseClaims, files } from '../../schema.ts';
import { claimSubmitted } from '../events.ts';
import { expensePolicy } from '../policy.ts';
import { approvalRule, claimIs, loadClaim } from '../repository.ts';

/**
 * Sends a draft to the approvers. It needs a receipt, and a receipt whose bytes are already on
 * another live claim (submitted, approved or paid) is refused: the same bill is paid once.
 */
export const submitClaim = defineCommand({
  name: 'finance.submitClaim',
  input: z.strictObject({ claimId: z.uuid() }),
  policy: expensePolicy.claim,
  denied: 'Only active members claim expenses.',
  events: [claimSubmitted],
  async run(tx, { claimId }, ctx) {
    const coopId = ctx.coopId;
    const personId = ctx.actor.personId!;
    const claim = await loadClaim(tx, coopId, claimId, { forUpdate: true });
    authorize(ctx.actor, expensePolicy.see, claim);
    if (claim.submittedBy !== personId)
      throw forbidden('Only its submitter submits a claim.').because('claim.submitter-only');
    if (claim.status !== 'draft')
      throw conflict(claimIs(claim.status)).because('claim.status', { status: claim.status });
    if (!claim.receiptFileId)
      throw conflict('Attach a receipt (a photo or a PDF) before submitting.', [
        { pointer: '/receiptFileId', message: 'a receipt is required' },
      ]).because('claim.receipt-missing');
    const [receipt] = await tx
      .select({ sha256: files.sha256 })
      .from(files)
      .where(and(eq(files.coopId, coopId), eq(files.id, claim.receiptFileId)));
    const [twin] = await tx
      .select({ id: expenseClaims.id, title: expenseClaims.title, status: expenseClaims.status })
      .from(expenseClaims)
      .innerJoin(
        files,
        and(eq(files.coopId, expenseClaims.coopId), eq(files.id, expenseClaims.receiptFileId)),
      )
      .where(
        and(
          eq(expenseClaims.coopId, coopId),
          ne(expenseClaims.id, claimId),
          inArray(expenseClaims.status, ['submitted', 'approved', 'paid']),
          eq(files.sha256, receipt!.sha256),
        ),
      )
      .limit(1);
    if (twin)
      throw conflict(
        `This receipt is already on the claim “${twin.title}” (${twin.status}): a bill is claimed once.`,
        [{ pointer: '/receiptFileId', message: `already on claim ${twin.id}` }],
      ).because('claim.receipt-claimed', { title: twin.title });
    await tx
      .update(expenseClaims)
      .set({ status: 'submitted', submittedAt: ctx.clock.now() })
      .where(and(eq(expenseClaims.coopId, coopId), eq(expenseClaims.id, claimId)));
    const rule = (await approvalRule(tx, coopId, ctx.clock))(claim);
    await ctx.emit(claimSubmitted, claimId, {
      amount: formatAmount(claim.amountMinor, claim.currency),
      currency: claim.currency,
      approvalsNeeded: rule.needed,
    });
    return { id: claimId };
  },
});
