import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { coopCurrency as currencyOf } from '../../../coop/queries.ts';
import { defineCommand, runCommand } from '../../../platform/commands.ts';
import { badRequest, conflict } from '../../../platform/errors.ts';
import { recordSponsorPayment } from '../../commands/recordSponsorPayment.ts';
import { entryFact } from '../../entryFacts.ts';
import { entryPosted } from '../../events.ts';
import { payClaim } from '../../expenses/commands/payClaim.ts';
import { ledgerError } from '../../ledgerErrors.ts';
import { financePolicy } from '../../policy.ts';
import { journalEntries } from '../../schema.ts';
import { recordBankLinePayment } from '../../../invoicing/commands/recordInvoicePayment.ts';
import { bankLineMatched } from '../events.ts';
import type { Suggestion } from '../matching.ts';
import { minorToDecimal } from '../parsers/amounts.ts';
import {
  assertEntryFree,
  assertStatus,
  lockBankLine,
  markMatched,
  postAgainst,
} from './bankLine.ts';
import { schemaWords } from '../../../platform/http/validationMessages.ts';

export const confirmBankLineInputSchema = z
  .strictObject({
    /**
     * For a sponsor payment in another currency than the co-op's: what it came to in the
     * co-op's currency (a positive amount like 920.00).
     */
    coopAmount: z
      .string()
      .regex(/^\d{1,15}(\.\d+)?$/, schemaWords('positiveAmountLike', { example: '920.00' }))
      .optional(),
  })
  .meta({ id: 'BankLineConfirmation' });

/**
 * Accepts a line's suggested match from the review queue, in one transaction with the line's
 * change. An existing entry is linked to the line. A sponsor payment is posted by
 * `recordSponsorPayment` (bank against sponsorship income, and the funding row that weights
 * the sponsor's vote) and an approved expense claim is paid by `payClaim`, both to the
 * statement's bank account and on the day the bank booked it. A salary is booked against the
 * payroll's liability. An invoice's payment is booked by invoicing's `recordBankLinePayment`,
 * which settles the invoice.
 */
export const confirmBankLine = defineCommand({
  name: 'finance.confirmBankLine',
  input: z.strictObject({
    lineId: z.uuid(),
    confirmation: confirmBankLineInputSchema.prefault({}),
  }),
  policy: financePolicy.keepBooks,
  denied: 'The chief economist keeps the books.',
  events: [entryPosted, bankLineMatched],
  async run(
    tx,
    { lineId, confirmation: input },
    ctx,
  ): Promise<{ entryId: string; number: number }> {
    const coopId = ctx.coopId;
    const { line, bank } = await lockBankLine(tx, coopId, lineId);
    assertStatus(line, ['suggested'], 'confirm');
    const suggestion = line.suggestion as Suggestion | null;
    let entry: { id: string; number: number };
    if (suggestion?.type === 'entry') {
      const [found] = await tx
        .select({ id: journalEntries.id, number: journalEntries.number })
        .from(journalEntries)
        .where(and(eq(journalEntries.coopId, coopId), eq(journalEntries.id, suggestion.entryId)));
      if (!found)
        throw conflict('The suggested entry no longer exists.').because(
          'bank-line.suggestion-gone',
        );
      await assertEntryFree(tx, coopId, found.id, line.id);
      entry = found;
    } else if (suggestion?.type === 'sponsor-payment') {
      const coopCurrency = await currencyOf(tx, coopId);
      if (line.currency !== coopCurrency && !input.coopAmount)
        throw badRequest(
          `The payment is in ${line.currency}: give what it came to in ${coopCurrency}.`,
          [{ pointer: '/coopAmount', message: `required: the amount in ${coopCurrency}` }],
        ).because('coop-amount.required', { currency: coopCurrency, foreign: line.currency });
      // The same command as the API's sponsor payment, inside this transaction.
      entry = await runCommand(
        recordSponsorPayment,
        {
          organizationId: suggestion.organizationId,
          receivedOn: line.bookedOn,
          amount: minorToDecimal(line.amountMinor, line.currency),
          currency: line.currency,
          ...(line.currency !== coopCurrency ? { coopAmount: input.coopAmount } : {}),
          bankAccount: bank.code,
          reference: [line.description, line.bankReference].filter(Boolean).join(' ').slice(0, 200),
        },
        { ...ctx, tx },
      );
    } else if (suggestion?.type === 'expense-claim') {
      // The claim is paid as the expense screens pay it: its entry, the claim marked paid.
      entry = await runCommand(
        payClaim,
        {
          claimId: suggestion.claimId,
          payment: {
            paidOn: line.bookedOn,
            bankAccount: bank.code,
            ...(input.coopAmount ? { coopAmount: input.coopAmount } : {}),
          },
        },
        { ...ctx, tx },
      );
    } else if (suggestion?.type === 'invoice-payment') {
      // Invoicing books the payment and settles its invoice; the line is finance's to mark.
      const paid = await runCommand(
        recordBankLinePayment,
        {
          invoiceId: suggestion.invoiceId,
          bankLineId: line.id,
          payment: {
            amount: minorToDecimal(line.amountMinor, line.currency),
            receivedOn: line.bookedOn,
            bankAccount: bank.code,
            ...(input.coopAmount ? { coopAmount: input.coopAmount } : {}),
            reference: [line.counterparty, line.description, line.bankReference]
              .filter(Boolean)
              .join(' ')
              .slice(0, 200),
          },
        },
        { ...ctx, tx },
      );
      entry = { id: paid.entryId, number: paid.number };
    } else if (suggestion?.type === 'salary') {
      ({ entry } = await postAgainst(tx, ctx, line, bank, {
        account: suggestion.account,
        description: `Salary paid: ${line.counterparty}`.slice(0, 500),
        fact: entryFact('salary-paid', { counterparty: line.counterparty }),
        coopAmount: input.coopAmount,
      }));
    } else {
      throw conflict('This bank line has no suggestion to confirm.').because(
        'bank-line.no-suggestion',
      );
    }
    await markMatched(tx, ctx, line.id, entry.id, suggestion);
    await ctx.emit(bankLineMatched, line.id, {
      how: suggestion.type,
      entryId: entry.id,
      entryNumber: entry.number,
      bookedOn: line.bookedOn,
      amountMinor: line.amountMinor.toString(),
      currency: line.currency,
      reason: suggestion.reason,
    });
    return { entryId: entry.id, number: entry.number };
  },
  mapError: ledgerError,
});
