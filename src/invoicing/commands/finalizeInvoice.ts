import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { coopCurrency } from '../../coop/queries.ts';
import { insertEntry } from '../../finance/commands/postEntry.ts';
import { entryFact } from '../../finance/entryFacts.ts';
import { entryPosted } from '../../finance/events.ts';
import { ledgerError } from '../../finance/ledgerErrors.ts';
import { defineCommand, type RunContext } from '../../platform/commands.ts';
import type { Tx } from '../../platform/db/database.ts';
import { AppError, badRequest, conflict } from '../../platform/errors.ts';
import { formatAmount } from '../../platform/money/amount.ts';
import { minorDigits } from '../../platform/money/currency.ts';
import { addDays } from '../dates.ts';
import { invoiceFinalized, invoiceHoldChanged, invoiceSettled } from '../events.ts';
import { exchangeRateSchema } from '../input.ts';
import { invoicingPolicy } from '../policy.ts';
import { drawForInvoice, purchaseOrderCheck } from '../purchaseOrders.ts';
import {
  fiscalYearOf,
  formatInvoiceNumber,
  invoicingSettingsOf,
  loadInvoice,
  loadLines,
  takeNextNumber,
} from '../repository.ts';
import { creditorReference } from '../rfReference.ts';
import { invoices } from '../schema.ts';
import { leftToCredit, recordSettlement } from '../settlements.ts';
import { computeTotals, convertMinor } from '../totals.ts';
import { judgeHold } from '../holds.ts';

/** Ledger errors as the ledger words them; a number taken twice would be a bug, said plainly. */
export function invoicingError(error: unknown): unknown {
  const mapped = ledgerError(error);
  if (mapped instanceof AppError) return mapped;
  const code = (error as { cause?: { code?: string }; code?: string })?.cause?.code;
  if (code === '23505')
    return conflict('This invoice was changed at the same time; try again.').because(
      'invoice.changed-meanwhile',
    );
  return mapped;
}

type ExchangeRate = z.output<typeof exchangeRateSchema>;

/**
 * Finalises a draft in the running transaction: fixes its dates, parties and totals, takes the
 * next number of its series for the fiscal year of its issue date, posts receivable, income and
 * VAT through the ledger's own `insertEntry`, and for a credit note settles the invoice it
 * corrects. Everything commits together or not at all, the number included.
 */
export async function finalizeDraft(
  tx: Tx,
  ctx: RunContext,
  invoiceId: string,
  exchangeRate: ExchangeRate | undefined,
) {
  const { coopId } = ctx;
  const invoice = await loadInvoice(tx, coopId, invoiceId, { forUpdate: true });
  if (invoice.status !== 'draft')
    throw conflict(
      `Invoice ${invoice.number} is already final; a correction is a credit note.`,
    ).because('invoice.already-final', { number: invoice.number ?? '' });
  if (invoice.heldReason) {
    const reason = await judgeHold(tx, ctx, invoice);
    if (reason)
      throw conflict(`This draft is held until its purchase order is renewed: ${reason}`, [
        { pointer: '/purchaseOrder', message: 'held: the purchase order ran out' },
      ]).because('invoice.held');
  }
  const settings = await invoicingSettingsOf(tx, coopId);
  const lines = await loadLines(tx, coopId, invoiceId);
  const issueDate = invoice.issueDate ?? ctx.clock.today();
  const dueDate = invoice.dueDate ?? addDays(issueDate, settings.paymentTermsDays);
  if (dueDate < issueDate)
    throw badRequest('The due date is before the issue date.', [
      { pointer: '/dueDate', message: 'before the issue date' },
    ]).because('invoice.due-before-issue', { dueDate, issueDate });
  const digits = minorDigits(invoice.currency);
  const totals = computeTotals(lines, invoice.rounding, digits);
  if (totals.grossMinor <= 0n)
    throw badRequest('An invoice’s total must be above zero.', [
      { pointer: '/lines', message: 'the total is not above zero' },
    ]).because('invoice.total-not-positive');
  const buyer = invoice.buyer!;
  const needsVatIds = lines.some((l) => l.vatCategory === 'AE' || l.vatCategory === 'K');
  if (needsVatIds && (!buyer.vatId || !settings.vatId))
    throw badRequest(
      'Reverse charge and intra-Community supplies need the VAT ids of both seller and buyer.',
      [{ pointer: '/buyer/vatId', message: 'required for categories AE and K' }],
    ).because('invoice.vat-ids-needed');
  if (lines.some((l) => l.vatCategory === 'S') && !settings.vatId)
    throw badRequest('Set the co-op’s VAT id in the invoicing settings before charging VAT.', [
      { pointer: '/settings/vatId', message: 'required to charge VAT' },
    ]).because('invoice.coop-vat-id-needed');
  const kind = invoice.kind;
  if (kind === 'credit-note') {
    const credited = await loadInvoice(tx, coopId, invoice.creditedInvoiceId!, { forUpdate: true });
    const left = await leftToCredit(tx, coopId, credited);
    if (totals.grossMinor > left)
      throw conflict(
        `This credit note (${formatAmount(totals.grossMinor, invoice.currency)}) is more than is left to credit on ${credited.number} (${formatAmount(left, invoice.currency)}).`,
        [{ pointer: '/lines', message: 'more than the invoice has left to credit' }],
      ).because('credit-note.too-much', {
        amountMinor: String(totals.grossMinor),
        leftMinor: String(left),
        currency: invoice.currency,
        invoice: credited.number ?? '',
      });
  }
  const poQuestion = {
    coopId,
    organizationId: invoice.organizationId,
    // A credit note gives back; only an invoice draws on the order.
    agreementId: kind === 'invoice' ? invoice.agreementId : null,
    purchaseOrder: invoice.purchaseOrder,
    currency: invoice.currency,
    grossMinor: totals.grossMinor,
    issueDate,
  };
  const verdict = await purchaseOrderCheck(tx, poQuestion);
  if (verdict.outcome === 'block')
    throw conflict(verdict.message ?? 'The purchase order does not allow this invoice.', [
      { pointer: '/purchaseOrder', message: verdict.message ?? 'blocked' },
    ]).because('purchase-order.blocks');

  const home = await coopCurrency(tx, coopId);
  const foreign = invoice.currency !== home;
  if (foreign && !exchangeRate)
    throw badRequest(`An invoice in ${invoice.currency} needs the rate to ${home}.`, [
      { pointer: '/exchangeRate', message: `required: ${home} per ${invoice.currency}` },
    ]).because('invoice.rate-needed', { currency: home, foreign: invoice.currency });
  const homeDigits = minorDigits(home);
  const coopGross = foreign
    ? convertMinor(totals.grossMinor, exchangeRate!.rate, digits, homeDigits)
    : totals.grossMinor;
  const coopTax = foreign
    ? convertMinor(totals.taxMinor, exchangeRate!.rate, digits, homeDigits)
    : totals.taxMinor;

  const fiscalYear = await fiscalYearOf(tx, coopId, issueDate);
  const sequence = await takeNextNumber(tx, coopId, kind, fiscalYear);
  const prefix = kind === 'invoice' ? settings.invoicePrefix : settings.creditNotePrefix;
  const number = formatInvoiceNumber(prefix, fiscalYear, sequence);
  const rf = creditorReference(
    `${kind === 'invoice' ? 'I' : 'C'}${fiscalYear}${String(sequence).padStart(6, '0')}`,
  );

  // An invoice debits the receivable and credits income and VAT; a credit note the reverse.
  const sign = kind === 'invoice' ? 1n : -1n;
  const money = (minor: bigint) => formatAmount(minor, invoice.currency);
  const homeMoney = (minor: bigint) => formatAmount(minor, home);
  const posting = (account: string, minor: bigint, coopMinor: bigint) => ({
    account,
    amount: money(minor),
    currency: invoice.currency,
    ...(foreign
      ? {
          coopAmount: homeMoney(coopMinor),
          rateOn: exchangeRate!.on ?? issueDate,
          rateSource: exchangeRate!.source,
        }
      : {}),
    memo: number,
  });
  const entry = await insertEntry(tx, ctx, {
    effectiveOn: issueDate,
    kind: kind === 'invoice' ? 'invoice' : 'credit-note',
    description:
      `${kind === 'invoice' ? 'Invoice' : 'Credit note'} ${number}: ${buyer.legalName}`.slice(
        0,
        500,
      ),
    fact: entryFact(kind === 'invoice' ? 'invoice' : 'credit-note', {
      number,
      buyer: buyer.legalName,
    }),
    sourceType: 'invoice',
    sourceId: invoiceId,
    postings: [
      posting(settings.receivableAccount, sign * totals.grossMinor, sign * coopGross),
      posting(settings.incomeAccount, -sign * totals.netMinor, -sign * (coopGross - coopTax)),
      ...(totals.taxMinor !== 0n
        ? [posting(settings.vatAccount, -sign * totals.taxMinor, -sign * coopTax)]
        : []),
    ],
  });
  const { legalName, vatId, registrationId, street, city, postcode, country, email, phone } =
    settings;
  const { iban, bic } = settings;
  await drawForInvoice(ctx, poQuestion, number);
  await tx
    .update(invoices)
    .set({
      status: 'open',
      number,
      fiscalYear,
      sequence,
      issueDate,
      dueDate,
      seller: {
        legalName,
        vatId,
        registrationId,
        street,
        city,
        postcode,
        country,
        email,
        phone,
        iban,
        bic,
      },
      creditorReference: rf,
      netMinor: totals.netMinor,
      taxMinor: totals.taxMinor,
      grossMinor: totals.grossMinor,
      coopGrossMinor: coopGross,
      coopTaxMinor: coopTax,
      rate: foreign ? exchangeRate!.rate : null,
      rateOn: foreign ? (exchangeRate!.on ?? issueDate) : null,
      rateSource: foreign ? exchangeRate!.source : null,
      entryId: entry.id,
      finalizedAt: ctx.clock.now(),
      finalizedBy: ctx.actor.personId,
    })
    .where(and(eq(invoices.coopId, coopId), eq(invoices.id, invoiceId)));
  await ctx.emit(invoiceFinalized, invoiceId, {
    kind,
    number,
    organizationId: invoice.organizationId,
    currency: invoice.currency,
    net: money(totals.netMinor),
    tax: money(totals.taxMinor),
    gross: money(totals.grossMinor),
    dueDate: kind === 'invoice' ? dueDate : null,
    entryId: entry.id,
    creditedInvoiceId: invoice.creditedInvoiceId,
  });
  if (kind === 'credit-note') {
    const credited = await loadInvoice(tx, coopId, invoice.creditedInvoiceId!);
    await recordSettlement(tx, ctx, credited, {
      kind: 'credit-note',
      amountMinor: totals.grossMinor,
      coopAmountMinor: coopGross,
      receivedOn: issueDate,
      entryId: entry.id,
      creditNoteId: invoiceId,
      reference: number,
    });
    await tx
      .update(invoices)
      .set({ status: 'applied', settledMinor: totals.grossMinor })
      .where(and(eq(invoices.coopId, coopId), eq(invoices.id, invoiceId)));
  }
  return {
    id: invoiceId,
    number,
    entryId: entry.id,
    warning: verdict.outcome === 'warn' ? verdict.message : null,
  };
}

export const finalizeInvoice = defineCommand({
  name: 'invoicing.finalizeInvoice',
  input: z.strictObject({ invoiceId: z.uuid(), exchangeRate: exchangeRateSchema.optional() }),
  policy: invoicingPolicy.issue,
  denied: 'The chief economist finalises invoices.',
  events: [invoiceFinalized, invoiceSettled, invoiceHoldChanged, entryPosted],
  run: (tx, input, ctx) => finalizeDraft(tx, ctx, input.invoiceId, input.exchangeRate),
  mapError: invoicingError,
});
