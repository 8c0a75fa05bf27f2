import { and, eq, sql } from 'drizzle-orm';
import { coopCurrency } from '../../coop/queries.ts';
import { createOrganization } from '../../organizations/commands/createOrganization.ts';
import { organizationCreated } from '../../organizations/events.ts';
import { organizations } from '../../organizations/schema.ts';
import { entryPosted } from '../../finance/events.ts';
import { fundingRecorded } from '../../governance/fundingEvents.ts';
import { defineCommand, runCommand, type RunContext } from '../../platform/commands.ts';
import type { Tx } from '../../platform/db/database.ts';
import { badRequest, conflict } from '../../platform/errors.ts';
import { minorDigits } from '../../platform/money/currency.ts';
import { invoiceDrafted, invoiceFinalized, invoiceSettled } from '../events.ts';
import { newInvoiceSchema, type NewInvoice } from '../input.ts';
import { lineProblems } from '../lineRules.ts';
import { invoicingPolicy } from '../policy.ts';
import { invoiceByNumber, invoicingSettingsOf } from '../repository.ts';
import { invoiceLines, invoices, type PartyDetails } from '../schema.ts';
import { computeTotals } from '../totals.ts';
import { finalizeDraft, invoicingError } from './finalizeInvoice.ts';

type Buyer = NewInvoice['buyer'];

const compactVatId = (id: string) => id.toUpperCase().replace(/[^A-Z0-9]/g, '');

/** "Street 1\n12345 City": the organization's free-text address as EN 16931's fields. */
export function addressFromText(text: string | null) {
  const lines = (text ?? '')
    .split(/\n|,/)
    .map((l) => l.trim())
    .filter(Boolean);
  const last = lines.length > 1 ? lines[lines.length - 1]! : '';
  const postal = /^([A-Z]{0,3}-?\d[\dA-Z -]{1,9})\s+(.+)$/.exec(last);
  return postal
    ? { street: lines.slice(0, -1).join(', '), postcode: postal[1]!.trim(), city: postal[2]! }
    : { street: lines.join(', '), postcode: '', city: '' };
}

/** The buyer's organization (found by id, VAT id or name, or added) and its details today. */
export async function resolveBuyer(
  tx: Tx,
  ctx: RunContext,
  buyer: Buyer,
): Promise<{ organizationId: string; details: PartyDetails }> {
  if ('organizationId' in buyer) {
    const [org] = await tx
      .select()
      .from(organizations)
      .where(and(eq(organizations.coopId, ctx.coopId), eq(organizations.id, buyer.organizationId)));
    if (!org)
      throw badRequest('Unknown organization.', [
        { pointer: '/buyer/organizationId', message: 'no such organization' },
      ]).because('organization.unknown');
    return {
      organizationId: org.id,
      details: {
        legalName: org.legalName,
        vatId: org.taxId,
        registrationId: null,
        ...addressFromText(org.billingAddress),
        country: org.country ?? 'DE',
        email: org.billingEmail ?? '',
      },
    };
  }
  const details: PartyDetails = {
    legalName: buyer.legalName,
    vatId: buyer.vatId ?? null,
    registrationId: null,
    street: buyer.street,
    city: buyer.city,
    postcode: buyer.postcode,
    country: buyer.country,
    email: buyer.email ?? '',
  };
  const key = buyer.vatId
    ? `vat:${compactVatId(buyer.vatId)}`
    : `name:${buyer.legalName.toLowerCase()}`;
  const find = async () =>
    (
      await tx
        .select({ id: organizations.id })
        .from(organizations)
        .where(
          and(
            eq(organizations.coopId, ctx.coopId),
            buyer.vatId
              ? sql`upper(regexp_replace(${organizations.taxId}, '[^A-Za-z0-9]', '', 'g')) = ${compactVatId(buyer.vatId)}`
              : sql`lower(${organizations.legalName}) = ${buyer.legalName.toLowerCase()}`,
          ),
        )
        .limit(1)
    )[0];
  let found = await find();
  if (!found) {
    // Two invoices to a new buyer at once: the second waits, then finds the first's organization.
    await tx.execute(
      sql`select pg_advisory_xact_lock(hashtextextended(${`invoicing-buyer:${ctx.coopId}:${key}`}, 0))`,
    );
    found = await find();
  }
  if (found) return { organizationId: found.id, details };
  const created = await runCommand(
    createOrganization,
    {
      legalName: buyer.legalName,
      kind: 'company',
      memberClass: 'sponsor',
      ...(buyer.vatId ? { taxId: buyer.vatId } : {}),
      ...(buyer.email ? { billingEmail: buyer.email } : {}),
      billingAddress: [buyer.street, `${buyer.postcode} ${buyer.city}`.trim()]
        .filter(Boolean)
        .join('\n'),
      country: buyer.country,
    },
    { ...ctx, tx },
  );
  return { organizationId: created.id, details };
}

/** Writes a draft's lines with their computed nets; the totals wait for finalisation. */
export async function writeLines(
  tx: Tx,
  coopId: string,
  invoiceId: string,
  lines: NewInvoice['lines'],
  currency: string,
) {
  const totals = computeTotals(lines, 'per-rate', minorDigits(currency));
  await tx.insert(invoiceLines).values(
    lines.map((line, position) => ({
      coopId,
      invoiceId,
      position,
      description: line.description,
      quantity: line.quantity,
      unitCode: line.unitCode,
      unitPrice: line.unitPrice,
      vatCategory: line.vatCategory,
      vatRate: line.vatRate,
      netMinor: totals.lines[position]!.netMinor,
    })),
  );
}

export function assertLines(lines: NewInvoice['lines'], currency: string) {
  const problems = lineProblems(lines);
  const digits = minorDigits(currency);
  if (digits > 2)
    problems.push({
      pointer: '/currency',
      message: `${currency} has ${digits} decimals; EN 16931 e-invoices carry at most 2`,
      code: 'invoice.currency-decimals',
      params: { currency, decimals: digits },
    });
  if (problems.length > 0)
    throw badRequest(
      problems.map((p) => `${p.pointer}: ${p.message}`).join('; '),
      problems,
    ).because('invoice.lines', { count: problems.length });
}

/**
 * A new invoice, or a credit note when it names the invoice it corrects: a draft with no
 * number, finalised at once when asked (numbered and posted in this same transaction).
 */
export const createInvoice = defineCommand({
  name: 'invoicing.createInvoice',
  input: newInvoiceSchema,
  policy: invoicingPolicy.issue,
  denied: 'The chief economist issues invoices.',
  events: [
    invoiceDrafted,
    invoiceFinalized,
    invoiceSettled,
    organizationCreated,
    entryPosted,
    fundingRecorded,
  ],
  async run(tx, input, ctx) {
    const { coopId } = ctx;
    const settings = await invoicingSettingsOf(tx, coopId);
    let credited: Awaited<ReturnType<typeof invoiceByNumber>>;
    if (input.creditedInvoice) {
      credited = await invoiceByNumber(tx, coopId, input.creditedInvoice);
      if (!credited || credited.kind !== 'invoice')
        throw badRequest('No finalised invoice has this number.', [
          { pointer: '/creditedInvoice', message: 'no finalised invoice with this number' },
        ]).because('invoice.no-such-number', { number: input.creditedInvoice });
    }
    const buyer = await resolveBuyer(tx, ctx, input.buyer);
    if (credited && credited.organizationId !== buyer.organizationId)
      throw conflict('A credit note goes to the buyer of the invoice it corrects.', [
        { pointer: '/buyer', message: 'not the credited invoice’s buyer' },
      ]).because('credit-note.other-buyer');
    const currency = input.currency ?? credited?.currency ?? (await coopCurrency(tx, coopId));
    if (credited && credited.currency !== currency)
      throw badRequest('A credit note is in the currency of the invoice it corrects.', [
        { pointer: '/currency', message: `must be ${credited.currency}` },
      ]).because('credit-note.currency', { currency: credited.currency });
    assertLines(input.lines, currency);
    const [row] = await tx
      .insert(invoices)
      .values({
        coopId,
        kind: credited ? 'credit-note' : 'invoice',
        organizationId: buyer.organizationId,
        buyer: buyer.details,
        agreementId: input.agreementId ?? credited?.agreementId ?? null,
        purchaseOrder: input.purchaseOrder ?? credited?.purchaseOrder ?? null,
        buyerReference: input.buyerReference ?? credited?.buyerReference ?? null,
        creditedInvoiceId: credited?.id ?? null,
        currency,
        issueDate: input.issueDate ?? null,
        dueDate: input.dueDate ?? null,
        deliveryDate: input.deliveryDate ?? null,
        periodStart: input.period?.start ?? null,
        periodEnd: input.period?.end ?? null,
        rounding: input.rounding ?? credited?.rounding ?? settings.rounding,
        note: input.note ?? '',
        exemptionReason: input.exemptionReason ?? null,
        createdBy: ctx.actor.personId,
      })
      .returning({ id: invoices.id });
    await writeLines(tx, coopId, row!.id, input.lines, currency);
    await ctx.emit(invoiceDrafted, row!.id, {
      kind: credited ? 'credit-note' : 'invoice',
      organizationId: buyer.organizationId,
      currency,
      lines: input.lines.length,
    });
    if (!input.finalize) return { id: row!.id, number: null as string | null };
    const finalized = await finalizeDraft(tx, ctx, row!.id, input.exchangeRate);
    return { id: row!.id, number: finalized.number as string | null };
  },
  mapError: invoicingError,
});
