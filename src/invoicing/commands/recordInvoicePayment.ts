import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { coopCurrency } from '../../coop/queries.ts';
import { insertEntry } from '../../finance/commands/postEntry.ts';
import { entryFact } from '../../finance/entryFacts.ts';
import { entryPosted } from '../../finance/events.ts';
import { amountRefusal, notPositive } from '../../finance/amountRefusal.ts';
import { coopAmountMissing } from '../../finance/coopAmountRule.ts';
import { recordLedgerFunding } from '../../governance/commands/recordLedgerFunding.ts';
import { fundingRecorded } from '../../governance/fundingEvents.ts';
import { organizations } from '../../organizations/schema.ts';
import { defineCommand, runCommand, type RunContext } from '../../platform/commands.ts';
import { apportion } from '../../platform/apportion.ts';
import type { Tx } from '../../platform/db/database.ts';
import { conflict } from '../../platform/errors.ts';
import { AmountError, formatAmount, parseAmount } from '../../platform/money/amount.ts';
import { invoiceSettled } from '../events.ts';
import { invoicingPolicy } from '../policy.ts';
import { invoicingSettingsOf, loadInvoice } from '../repository.ts';
import { recordSettlement } from '../settlements.ts';
import { invoicingError } from './finalizeInvoice.ts';
import { invoicePaymentSchema } from '../stepsInput.ts';

const minorOf = (text: string, currency: string, pointer: string) => {
  try {
    const minor = parseAmount(text, currency);
    if (minor <= 0n) throw notPositive(pointer, 'must be above zero');
    return minor;
  } catch (error) {
    if (!(error instanceof AmountError)) throw error;
    throw amountRefusal(text, currency, pointer, error.message);
  }
};

/**
 * A payment against an invoice, in the running transaction: the bank against the receivable,
 * a foreign invoice's exchange difference to gains or losses, the settlement and the state.
 * A sponsor's payment also records the funding that weights its vote: the share of the payment
 * that is the co-op's income (VAT is the state's, not funding), as hand-entered payments do.
 */
export async function payInvoice(
  tx: Tx,
  ctx: RunContext,
  invoiceId: string,
  payment: z.output<typeof invoicePaymentSchema>,
  via: { kind: 'payment' | 'bank-line'; bankLineId?: string } = { kind: 'payment' },
) {
  const { coopId } = ctx;
  const invoice = await loadInvoice(tx, coopId, invoiceId, { forUpdate: true });
  if (invoice.kind !== 'invoice' || invoice.status === 'draft')
    throw conflict('Only a finalised invoice takes payments.').because('invoice.payment-draft');
  const settings = await invoicingSettingsOf(tx, coopId);
  const home = await coopCurrency(tx, coopId);
  const foreign = invoice.currency !== home;
  const amountMinor = minorOf(payment.amount, invoice.currency, '/amount');
  const missing = coopAmountMissing('invoice', {
    currency: invoice.currency,
    coopCurrency: home,
    coopAmount: payment.coopAmount,
  });
  if (missing) throw missing;
  const coopAmountMinor = foreign ? minorOf(payment.coopAmount!, home, '/coopAmount') : amountMinor;
  // The receivable leaves at the rate it was booked at; the rest is an exchange difference.
  const receivableCoop = foreign
    ? (amountMinor * invoice.coopGrossMinor! + invoice.grossMinor! / 2n) / invoice.grossMinor!
    : amountMinor;
  const difference = coopAmountMinor - receivableCoop;
  const money = (m: bigint) => formatAmount(m, invoice.currency);
  const homeMoney = (m: bigint) => formatAmount(m, home);
  const fx = foreign ? { rateSource: 'payment', rateOn: payment.receivedOn } : {};
  const entry = await insertEntry(tx, ctx, {
    effectiveOn: payment.receivedOn,
    kind: 'payment',
    description:
      `Payment of invoice ${invoice.number}${payment.reference ? ` (${payment.reference})` : ''}`.slice(
        0,
        500,
      ),
    fact: entryFact('invoice-payment', { number: invoice.number, reference: payment.reference }),
    sourceType: 'invoice',
    sourceId: invoice.id,
    postings: [
      {
        account: payment.bankAccount,
        amount: money(amountMinor),
        currency: invoice.currency,
        ...(foreign ? { coopAmount: homeMoney(coopAmountMinor), ...fx } : {}),
        memo: invoice.number!,
      },
      {
        account: settings.receivableAccount,
        amount: money(-amountMinor),
        currency: invoice.currency,
        ...(foreign ? { coopAmount: homeMoney(-receivableCoop), ...fx } : {}),
        memo: invoice.number!,
      },
      ...(difference !== 0n
        ? [
            {
              account: difference > 0n ? 'income:exchange-gains' : 'expenses:exchange-losses',
              amount: money(0n),
              currency: invoice.currency,
              coopAmount: homeMoney(-difference),
              memo: `exchange difference on ${invoice.number}`,
              memoFact: entryFact('exchange-difference', { invoice: invoice.number }),
            },
          ]
        : []),
    ],
  });
  const result = await recordSettlement(tx, ctx, invoice, {
    kind: via.kind,
    amountMinor,
    coopAmountMinor,
    receivedOn: payment.receivedOn,
    entryId: entry.id,
    ...(via.bankLineId ? { bankLineId: via.bankLineId } : {}),
    reference: payment.reference,
  });
  const [org] = await tx
    .select({ memberClass: organizations.memberClass })
    .from(organizations)
    .where(and(eq(organizations.coopId, coopId), eq(organizations.id, invoice.organizationId)));
  if (org?.memberClass === 'sponsor') {
    const [income] = apportion(amountMinor, [invoice.netMinor!, invoice.taxMinor!]);
    const [coopIncome] = apportion(coopAmountMinor, [invoice.netMinor!, invoice.taxMinor!]);
    if (income! > 0n)
      await runCommand(
        recordLedgerFunding,
        {
          organizationId: invoice.organizationId,
          receivedOn: payment.receivedOn,
          amountMinor: income!,
          currency: invoice.currency,
          coopAmountMinor: coopIncome!,
          entryId: entry.id,
          note: `invoice ${invoice.number}`,
        },
        { ...ctx, tx },
      );
  }
  return { entryId: entry.id, number: entry.number, ...result, settledMinor: result.settledMinor };
}

export const recordInvoicePayment = defineCommand({
  name: 'invoicing.recordInvoicePayment',
  input: z.strictObject({ invoiceId: z.uuid(), payment: invoicePaymentSchema }),
  policy: invoicingPolicy.settle,
  denied: 'The chief economist records payments.',
  events: [entryPosted, invoiceSettled, fundingRecorded],
  run: (tx, { invoiceId, payment }, ctx) => payInvoice(tx, ctx, invoiceId, payment),
  mapError: invoicingError,
});

/**
 * A bank line confirmed as an invoice's payment: finance's `confirmBankLine` (or the import,
 * for a sure match) runs this in its transaction, then marks its own line matched.
 */
export const recordBankLinePayment = defineCommand({
  name: 'invoicing.recordBankLinePayment',
  input: z.strictObject({
    invoiceId: z.uuid(),
    bankLineId: z.uuid(),
    payment: invoicePaymentSchema,
  }),
  policy: invoicingPolicy.settle,
  denied: 'The chief economist records payments.',
  events: [entryPosted, invoiceSettled, fundingRecorded],
  run: (tx, { invoiceId, bankLineId, payment }, ctx) =>
    payInvoice(tx, ctx, invoiceId, payment, { kind: 'bank-line', bankLineId }),
  mapError: invoicingError,
});
