import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { defineCommand } from '../../../platform/commands.ts';
import { AppError, conflict } from '../../../platform/errors.ts';
import { formatAmount } from '../../../platform/money/amount.ts';
import { people } from '../../../members/schema.ts';
import { insertEntry } from '../../commands/postEntry.ts';
import { coopAmountMissing } from '../../coopAmountRule.ts';
import { entryFact } from '../../entryFacts.ts';
import { entryPosted } from '../../events.ts';
import { ledgerError } from '../../ledgerErrors.ts';
import { accounts, expenseClaims, journalEntries } from '../../schema.ts';
import { paymentInputSchema } from '../decisionInput.ts';
import { claimPaid } from '../events.ts';
import { expensePolicy } from '../policy.ts';
import {
  claimIs,
  coopCurrency,
  loadClaim,
  positiveMinor,
  resolveAccountOfType,
} from '../repository.ts';

/** The ledger names the entry's own fields; the person paying gave `paidOn`. */
function asPaymentError(error: unknown): unknown {
  const mapped = ledgerError(error);
  if (!(mapped instanceof AppError)) return mapped;
  const errors = mapped.errors.map((e) =>
    e.pointer === '/effectiveOn' ? { ...e, pointer: '/paidOn' } : e,
  );
  const renamed = new AppError(mapped.status, mapped.code, mapped.title, mapped.message, errors);
  renamed.fact = mapped.fact;
  return renamed;
}

/**
 * Pays an approved claim: Dr its expense account / Cr the bank, and the claim points at the
 * entry. Exactly once: the claim row is locked (FOR UPDATE) before its status is read, so of
 * two payments arriving together the second waits, then finds the claim paid and is refused
 * with nothing written; the status change is itself conditional on `approved`.
 */
export const payClaim = defineCommand({
  name: 'finance.payClaim',
  input: z.strictObject({ claimId: z.uuid(), payment: paymentInputSchema }),
  policy: expensePolicy.pay,
  denied: 'The chief economist pays expense claims.',
  events: [entryPosted, claimPaid],
  async run(tx, { claimId, payment }, ctx) {
    const coopId = ctx.coopId;
    const claim = await loadClaim(tx, coopId, claimId, { forUpdate: true });
    if (claim.status === 'paid') {
      const [entry] = await tx
        .select({ number: journalEntries.number })
        .from(journalEntries)
        .where(and(eq(journalEntries.coopId, coopId), eq(journalEntries.id, claim.paidEntryId!)));
      throw conflict(`This claim is already paid (entry #${entry?.number}).`).because('claim.paid');
    }
    if (claim.status !== 'approved')
      throw conflict(`${claimIs(claim.status)} Only an approved claim is paid.`).because(
        'claim.not-approved',
        { status: claim.status },
      );
    const bank = await resolveAccountOfType(
      tx,
      coopId,
      payment.bankAccount,
      'asset',
      '/bankAccount',
    );
    const currency = await coopCurrency(tx, coopId);
    const amount = formatAmount(claim.amountMinor, claim.currency);
    let coopAmount: string | undefined;
    const missing = coopAmountMissing('claim', {
      currency: claim.currency,
      coopCurrency: currency,
      coopAmount: payment.coopAmount,
    });
    if (missing) throw missing;
    if (claim.currency !== currency) {
      coopAmount = formatAmount(
        positiveMinor(payment.coopAmount!, currency, '/coopAmount'),
        currency,
      );
    }
    const [expense] = await tx
      .select({ code: accounts.code })
      .from(accounts)
      .where(and(eq(accounts.coopId, coopId), eq(accounts.id, claim.accountId)));
    const [submitter] = await tx
      .select({ name: people.displayName })
      .from(people)
      .where(and(eq(people.coopId, coopId), eq(people.id, claim.submittedBy)));
    const memo = `${submitter?.name ?? 'member'}: ${claim.title}`;
    const entry = await insertEntry(tx, ctx, {
      effectiveOn: payment.paidOn ?? ctx.clock.today(),
      kind: 'expense',
      description: `Expense claim: ${claim.title}`.slice(0, 500),
      fact: entryFact('expense-claim', { title: claim.title }),
      sourceType: 'expense-claim',
      sourceId: claim.id,
      postings: [
        {
          account: expense!.code,
          amount,
          currency: claim.currency,
          ...(coopAmount ? { coopAmount } : {}),
          memo,
        },
        {
          account: bank.code,
          amount: `-${amount}`,
          currency: claim.currency,
          ...(coopAmount ? { coopAmount: `-${coopAmount}` } : {}),
          memo,
        },
      ],
    });
    const paid = await tx
      .update(expenseClaims)
      .set({ status: 'paid', paidEntryId: entry.id })
      .where(
        and(
          eq(expenseClaims.coopId, coopId),
          eq(expenseClaims.id, claimId),
          eq(expenseClaims.status, 'approved'),
        ),
      )
      .returning({ id: expenseClaims.id });
    if (paid.length === 0) throw conflict('This claim is already paid.').because('claim.paid');
    await ctx.emit(claimPaid, claimId, {
      entryId: entry.id,
      entryNumber: entry.number,
      amount,
      currency: claim.currency,
      bankAccount: bank.path,
    });
    return entry;
  },
  mapError: asPaymentError,
});
