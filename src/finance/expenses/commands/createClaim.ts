import { z } from 'zod';
import type { CommandContext } from '../../../platform/commands.ts';
import { badRequest } from '../../../platform/errors.ts';
import { appendEvent } from '../../../platform/events.ts';
import { formatAmount } from '../../../platform/money/amount.ts';
import { currencySchema } from '../../../platform/money/currency.ts';
import { authorize } from '../../../platform/policy.ts';
import { parseInput } from '../../../platform/validation.ts';
import { expenseClaims } from '../../schema.ts';
import { expensePolicy } from '../policy.ts';
import {
  assertOwnReceipt,
  coopCurrency,
  positiveDecimal,
  positiveMinor,
  resolveAccountOfType,
  today,
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
export function assertNotFuture(day: string, pointer: string): void {
  const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
  if (day > tomorrow)
    throw badRequest(`${pointer}: ${day} is in the future`, [
      { pointer, message: `${day} is in the future (today is ${today()})` },
    ]);
}

/** A draft claim, the submitter's own; it goes to approvers once submitted with a receipt. */
export async function createClaim(ctx: CommandContext, input: z.input<typeof claimInputSchema>) {
  authorize(ctx.actor, expensePolicy.claim, undefined, 'Only active members claim expenses.');
  const claim = parseInput(claimInputSchema, input);
  assertNotFuture(claim.incurredOn, '/incurredOn');
  const coopId = ctx.actor.coopId;
  const personId = ctx.actor.personId!;
  return ctx.db.transaction(async (tx) => {
    const currency = claim.currency ?? (await coopCurrency(tx, coopId));
    const amountMinor = positiveMinor(claim.amount, currency, '/amount');
    const account = await resolveAccountOfType(tx, coopId, claim.account, 'expense', '/account');
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
    await appendEvent(tx, {
      coopId,
      type: 'expense.claim-created',
      actorId: personId,
      subjectType: 'expense-claim',
      subjectId: row!.id,
      data: {
        title: claim.title,
        category: claim.category,
        account: account.path,
        incurredOn: claim.incurredOn,
        amount: formatAmount(amountMinor, currency),
        currency,
        receiptFileId: claim.receiptFileId ?? null,
      },
    });
    return { id: row!.id };
  });
}
