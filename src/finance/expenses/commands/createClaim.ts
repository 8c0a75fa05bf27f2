import { defineCommand } from '../../../platform/commands.ts';
import { addDays } from '../../../platform/dates.ts';
import { badRequest } from '../../../platform/errors.ts';
import { formatAmount } from '../../../platform/money/amount.ts';
import { expenseClaims } from '../../schema.ts';
import { claimCreated } from '../events.ts';
import { claimInputSchema } from '../claimInput.ts';
import { expensePolicy } from '../policy.ts';
import {
  assertCategoryFitsAccount,
  assertOwnReceipt,
  coopCurrency,
  positiveMinor,
  resolveAccountOfType,
} from '../repository.ts';

/** Spending is dated in the past; a day's grace for time zones ahead of the server's. */
export function assertNotFuture(day: string, pointer: string, today: string): void {
  if (day > addDays(today, 1))
    throw badRequest(`${pointer}: ${day} is in the future`, [
      { pointer, message: `${day} is in the future (today is ${today})` },
    ]).because('claim.in-future', { day, today });
}

/** A draft claim, the submitter's own; it goes to approvers once submitted with a receipt. */
export const createClaim = defineCommand({
  name: 'finance.createClaim',
  input: claimInputSchema,
  policy: expensePolicy.claim,
  denied: 'Only active members claim expenses.',
  events: [claimCreated],
  async run(tx, claim, ctx) {
    assertNotFuture(claim.incurredOn, '/incurredOn', ctx.clock.today());
    const coopId = ctx.coopId;
    const personId = ctx.actor.personId!;
    const currency = claim.currency ?? (await coopCurrency(tx, coopId));
    const amountMinor = positiveMinor(claim.amount, currency, '/amount');
    const account = await resolveAccountOfType(tx, coopId, claim.account, 'expense', '/account');
    await assertCategoryFitsAccount(tx, coopId, claim.category, account, '/category');
    if (claim.receiptFileId)
      await assertOwnReceipt(tx, coopId, claim.receiptFileId, personId, '/receiptFileId');
    const [row] = await tx
      .insert(expenseClaims)
      .values({
        coopId,
        submittedBy: personId,
        title: claim.title,
        category: claim.category,
        accountId: account.id,
        incurredOn: claim.incurredOn,
        amountMinor,
        currency,
        receiptFileId: claim.receiptFileId ?? null,
      })
      .returning({ id: expenseClaims.id });
    await ctx.emit(claimCreated, row!.id, {
      title: claim.title,
      category: claim.category,
      account: account.path,
      incurredOn: claim.incurredOn,
      amount: formatAmount(amountMinor, currency),
      currency,
      receiptFileId: claim.receiptFileId ?? null,
    });
    return { id: row!.id };
  },
});
