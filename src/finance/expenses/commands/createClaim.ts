import { z } from 'zod';
import { defineCommand } from '../../../platform/commands.ts';
import { addDays } from '../../../platform/dates.ts';
import { badRequest } from '../../../platform/errors.ts';
import { formatAmount } from '../../../platform/money/amount.ts';
import { currencySchema } from '../../../platform/money/currency.ts';
import { expenseClaims } from '../../schema.ts';
import { claimCreated } from '../events.ts';
import { expensePolicy } from '../policy.ts';
import {
  assertCategoryFitsAccount,
  assertOwnReceipt,
  coopCurrency,
  positiveDecimal,
  positiveMinor,
  resolveAccountOfType,
} from '../repository.ts';

export const claimFields = {
  title: z.string().trim().min(1).max(200),
  /** Free text the co-op settles on (travel, hardware, conference...); suggested from past claims. */
  category: z.string().trim().min(1).max(60),
  /** The expense account to book it to: a code (`5400`) or a path (`expenses:travel`). */
  account: z.string().trim().min(1).max(200),
  incurredOn: z.iso.date(),
  /** A decimal string in the claim's currency, with no more decimals than it has. */
  amount: positiveDecimal,
  /** The co-op's currency when absent. */
  currency: currencySchema,
};

export const claimInputSchema = z
  .strictObject({
    ...claimFields,
    currency: claimFields.currency.optional(),
    receiptFileId: z.uuid().optional(),
  })
  .meta({ id: 'NewExpenseClaim' });

/** Spending is dated in the past; a day's grace for time zones ahead of the server's. */
export function assertNotFuture(day: string, pointer: string, today: string): void {
  if (day > addDays(today, 1))
    throw badRequest(`${pointer}: ${day} is in the future`, [
      { pointer, message: `${day} is in the future (today is ${today})` },
    ]);
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
