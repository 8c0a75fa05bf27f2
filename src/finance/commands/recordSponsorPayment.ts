import { z } from 'zod';
import { funding } from '../../governance/schema.ts';
import { assertOrganizationExists } from '../../organizations/queries.ts';
import type { CommandContext } from '../../platform/commands.ts';
import { currencySchema } from '../../platform/money/currency.ts';
import { authorize } from '../../platform/policy.ts';
import { parseInput } from '../../platform/validation.ts';
import { ledgerError } from '../ledgerErrors.ts';
import { financePolicy } from '../policy.ts';
import { insertEntry } from './postEntry.ts';
import { findCoop } from '../../coop/queries.ts';
import { parseAmount } from '../../platform/money/amount.ts';

export const sponsorPaymentInputSchema = z
  .strictObject({
    organizationId: z.uuid(),
    receivedOn: z.iso.date(),
    amount: z.string().regex(/^\d{1,15}(\.\d+)?$/, 'a positive amount like 15000.00'),
    currency: currencySchema.optional(),
    coopAmount: z
      .string()
      .regex(/^\d{1,15}(\.\d+)?$/)
      .optional(),
    bankAccount: z.string().default('assets:bank:operating'),
    incomeAccount: z.string().default('income:sponsorship'),
    reference: z.string().max(200).default(''),
  })
  .meta({ id: 'SponsorPayment' });

/**
 * A sponsor's payment: the entry (bank against sponsorship income) and the funding row that
 * weights the sponsor's vote, in one transaction, the funding row pointing at its entry. The
 * vote's weight and the books cannot disagree.
 */
export async function recordSponsorPayment(
  ctx: CommandContext,
  input: z.input<typeof sponsorPaymentInputSchema>,
) {
  authorize(ctx.actor, financePolicy.keepBooks, undefined, 'The chief economist records payments.');
  const p = parseInput(sponsorPaymentInputSchema, input);
  const coopId = ctx.actor.coopId;
  try {
    return await ctx.db.transaction(async (tx) => {
      await assertOrganizationExists(tx, coopId, p.organizationId);
      const coopCurrency = (await findCoop(tx))!.currency;
      const currency = p.currency ?? coopCurrency;
      const foreign = currency !== coopCurrency ? { coopAmount: p.coopAmount } : {};
      const entry = await insertEntry(tx, coopId, ctx.actor.personId, {
        effectiveOn: p.receivedOn,
        kind: 'payment',
        description: `Sponsor payment${p.reference ? ` ${p.reference}` : ''}`,
        sourceType: 'organization',
        sourceId: p.organizationId,
        postings: [
          { account: p.bankAccount, amount: p.amount, currency, ...foreign },
          {
            account: p.incomeAccount,
            amount: `-${p.amount}`,
            currency,
            ...(p.coopAmount ? { coopAmount: `-${p.coopAmount}` } : {}),
          },
        ],
      });
      await tx.insert(funding).values({
        coopId,
        organizationId: p.organizationId,
        receivedOn: p.receivedOn,
        amountMinor: parseAmount(p.amount, currency),
        currency,
        coopAmountMinor: parseAmount(
          currency === coopCurrency ? p.amount : p.coopAmount!,
          coopCurrency,
        ),
        source: 'ledger',
        sourceRef: entry.id,
        recordedBy: ctx.actor.personId,
        note: p.reference,
      });
      return entry;
    });
  } catch (error) {
    throw ledgerError(error);
  }
}
