import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { defineCommand } from '../../../platform/commands.ts';
import { isUniqueViolation } from '../../../platform/db/errors.ts';
import { conflict, forbidden } from '../../../platform/errors.ts';
import { expenseApprovals, expenseClaims } from '../../schema.ts';
import { claimApprovalRecorded, claimApproved } from '../events.ts';
import { expensePolicy } from '../policy.ts';
import { approvalRule, claimIs, loadClaim } from '../repository.ts';

const alreadyApproved = () =>
  conflict('You have already approved this claim: it needs another approver.').because(
    'claim.approved-by-you',
  );

/**
 * Records an approval. The claim row is locked first, so approvals of one claim queue behind
 * each other: the second of two simultaneous approvals sees the first. Up to the bylaws'
 * threshold one approval approves the claim; above it, two distinct approvers are needed, and
 * the first leaves it submitted. The submitter never approves their own claim.
 */
export const approveClaim = defineCommand({
  name: 'finance.approveClaim',
  input: z.strictObject({ claimId: z.uuid() }),
  policy: expensePolicy.decide,
  denied: 'Only administrators and the chief economist approve expense claims.',
  events: [claimApproved, claimApprovalRecorded],
  async run(tx, { claimId }, ctx) {
    const coopId = ctx.coopId;
    const approverId = ctx.actor.personId!;
    const claim = await loadClaim(tx, coopId, claimId, { forUpdate: true });
    if (claim.submittedBy === approverId)
      throw forbidden('Nobody approves their own expense claim.').because('claim.own-decision');
    if (claim.status !== 'submitted')
      throw conflict(claimIs(claim.status)).because('claim.status', { status: claim.status });
    const earlier = await tx
      .select({ approverId: expenseApprovals.approverId })
      .from(expenseApprovals)
      .where(and(eq(expenseApprovals.coopId, coopId), eq(expenseApprovals.claimId, claimId)));
    if (earlier.some((a) => a.approverId === approverId)) throw alreadyApproved();
    await tx.insert(expenseApprovals).values({ coopId, claimId, approverId });
    const rule = (await approvalRule(tx, coopId, ctx.clock))(claim);
    const approvals = earlier.length + 1;
    const approved = approvals >= rule.needed;
    if (approved)
      await tx
        .update(expenseClaims)
        .set({ status: 'approved', decidedAt: ctx.clock.now() })
        .where(and(eq(expenseClaims.coopId, coopId), eq(expenseClaims.id, claimId)));
    await ctx.emit(approved ? claimApproved : claimApprovalRecorded, claimId, {
      approvals,
      approvalsNeeded: rule.needed,
    });
    return { id: claimId, approved, approvals, approvalsNeeded: rule.needed };
  },
  // The primary key (claim, approver) is the last word should two approvals race past the lock.
  mapError: (error) => (isUniqueViolation(error) ? alreadyApproved() : error),
});
