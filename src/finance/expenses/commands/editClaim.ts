import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { defineCommand } from '../../../platform/commands.ts';
import { badRequest, conflict, forbidden } from '../../../platform/errors.ts';
import { formatAmount } from '../../../platform/money/amount.ts';
import { authorize } from '../../../platform/policy.ts';
import { expenseClaims } from '../../schema.ts';
import { claimEdited } from '../events.ts';
import { expensePolicy } from '../policy.ts';
import {
  assertCategoryFitsAccount,
  assertOwnReceipt,
  claimIs,
  loadClaim,
  positiveMinor,
  resolveAccountOfType,
} from '../repository.ts';
import { claimFields } from '../claimInput.ts';
import { assertNotFuture } from './createClaim.ts';

export const claimEditSchema = z
  .strictObject({
    title: claimFields.title.optional(),
    category: claimFields.category.optional(),
    account: claimFields.account.optional(),
    incurredOn: claimFields.incurredOn.optional(),
    amount: claimFields.amount.optional(),
    currency: claimFields.currency.optional(),
    /** null detaches the receipt. */
    receiptFileId: z.uuid().nullable().optional(),
  })
  .meta({ id: 'ExpenseClaimEdit' });

/** Changes a draft; only its submitter edits it, and only until it is submitted. */
export const editClaim = defineCommand({
  name: 'finance.editClaim',
  input: z.strictObject({ claimId: z.uuid(), edit: claimEditSchema }),
  policy: expensePolicy.claim,
  denied: 'Only active members claim expenses.',
  events: [claimEdited],
  async run(tx, { claimId, edit }, ctx) {
    if (Object.keys(edit).length === 0)
      throw badRequest('Nothing to change.').because('claim.no-change');
    if (edit.incurredOn) assertNotFuture(edit.incurredOn, '/incurredOn', ctx.clock.today());
    const coopId = ctx.coopId;
    const personId = ctx.actor.personId!;
    const claim = await loadClaim(tx, coopId, claimId, { forUpdate: true });
    authorize(ctx.actor, expensePolicy.see, claim);
    if (claim.submittedBy !== personId)
      throw forbidden('Only its submitter edits a claim.').because('claim.submitter-only');
    if (claim.status !== 'draft')
      throw conflict(`${claimIs(claim.status)} Only a draft changes.`).because('claim.not-draft', {
        status: claim.status,
      });
    const currency = edit.currency ?? claim.currency;
    // A new currency re-reads the amount: 10.50 EUR cannot silently become 1050 JPY.
    const amountMinor =
      edit.amount !== undefined || edit.currency !== undefined
        ? positiveMinor(
            edit.amount ?? formatAmount(claim.amountMinor, claim.currency),
            currency,
            '/amount',
          )
        : claim.amountMinor;
    const account = edit.account
      ? await resolveAccountOfType(tx, coopId, edit.account, 'expense', '/account')
      : undefined;
    if (edit.category !== undefined || account)
      await assertCategoryFitsAccount(
        tx,
        coopId,
        edit.category ?? claim.category,
        account ?? { id: claim.accountId },
        edit.category !== undefined ? '/category' : '/account',
      );
    if (edit.receiptFileId)
      await assertOwnReceipt(tx, coopId, edit.receiptFileId, personId, '/receiptFileId');
    const changes = {
      ...(edit.title !== undefined ? { title: edit.title } : {}),
      ...(edit.category !== undefined ? { category: edit.category } : {}),
      ...(account ? { accountId: account.id } : {}),
      ...(edit.incurredOn !== undefined ? { incurredOn: edit.incurredOn } : {}),
      ...(amountMinor !== claim.amountMinor || currency !== claim.currency
        ? { amountMinor, currency }
        : {}),
      ...(edit.receiptFileId !== undefined ? { receiptFileId: edit.receiptFileId } : {}),
    };
    await tx
      .update(expenseClaims)
      .set(changes)
      .where(and(eq(expenseClaims.coopId, coopId), eq(expenseClaims.id, claimId)));
    await ctx.emit(claimEdited, claimId, {
      ...edit,
      ...(account ? { account: account.path } : {}),
      ...(changes.amountMinor !== undefined
        ? { amount: formatAmount(amountMinor, currency), currency }
        : {}),
    });
    return { id: claimId };
  },
});
