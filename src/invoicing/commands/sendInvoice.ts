import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { agreementForInvoicing } from '../../agreements/index.ts';
import { organizations } from '../../organizations/schema.ts';
import { defineCommand } from '../../platform/commands.ts';
import type { Executor } from '../../platform/db/database.ts';
import { AppError, badRequest, conflict } from '../../platform/errors.ts';
import { exportInvoice } from '../documents/exportInvoice.ts';
import { invoiceSent } from '../events.ts';
import { invoicingPolicy } from '../policy.ts';
import { loadInvoice, type InvoiceRow } from '../repository.ts';
import { invoiceSendFormats, invoiceSendings, type InvoiceSendFormat } from '../schema.ts';

export const sendInvoiceSchema = z
  .strictObject({
    /** The e-invoice attached beside the PDF; chosen from the buyer when absent. */
    format: z.enum(invoiceSendFormats).optional(),
    /** Addresses to send to instead of the billing contacts. */
    to: z.array(z.email()).min(1).max(10).optional(),
  })
  .meta({ id: 'InvoiceSending' });

/**
 * A German public buyer is addressed by a Leitweg-ID as its buyer reference (KoSIT's
 * form: a coarse address of digits, an optional fine address, a check number).
 */
const leitwegId = /^\d{2,12}(-[A-Za-z0-9]{1,30})?-\d{2}$/;

/**
 * The e-invoice a buyer gets when nobody chose: XRechnung for a German public buyer (it carries
 * a Leitweg-ID), otherwise UBL under Peppol BIS 3, or CII when the buyer has no Peppol address
 * (a buyer outside Europe with no VAT id): the first whose rules the invoice meets.
 */
export function preferredFormats(
  invoice: Pick<InvoiceRow, 'buyer' | 'buyerReference'>,
): InvoiceSendFormat[] {
  const publicGerman =
    invoice.buyer?.country === 'DE' && leitwegId.test(invoice.buyerReference ?? '');
  return publicGerman ? ['xrechnung', 'ubl', 'cii'] : ['ubl', 'cii'];
}

/** Who receives an invoice: the agreement's billing contacts, else the buyer's billing e-mail. */
async function billingAddresses(executor: Executor, coopId: string, invoice: InvoiceRow) {
  if (invoice.agreementId) {
    const agreement = await agreementForInvoicing(
      executor,
      coopId,
      invoice.agreementId,
      invoice.issueDate!,
    );
    if (agreement.billingContacts.length > 0) return agreement.billingContacts.map((c) => c.email);
  }
  if (invoice.buyer?.email) return [invoice.buyer.email];
  const [org] = await executor
    .select({ email: organizations.billingEmail })
    .from(organizations)
    .where(and(eq(organizations.coopId, coopId), eq(organizations.id, invoice.organizationId)));
  return org?.email ? [org.email] : [];
}

/**
 * Sends a final invoice or credit note to the buyer: records when, to whom and with which
 * e-invoice, and appends `invoice.sent`; the dispatcher's invoice consumer then hands the PDF and
 * the XML to the transport (mail here). Sending again sends again (a buyer lost it), recorded
 * each time. The documents are produced here once, so a format the invoice cannot meet is
 * refused now with what is missing, rather than failing in the background.
 */
export const sendInvoice = defineCommand({
  name: 'invoicing.sendInvoice',
  input: sendInvoiceSchema.extend({ invoiceId: z.uuid() }),
  policy: invoicingPolicy.issue,
  denied: 'The chief economist sends invoices.',
  events: [invoiceSent],
  async run(tx, input, ctx) {
    const invoice = await loadInvoice(tx, ctx.coopId, input.invoiceId, { forUpdate: true });
    if (invoice.status === 'draft' || !invoice.number)
      throw conflict('A draft is not sent: finalise it first.').because('invoice.draft-not-sent');
    const to = input.to ?? (await billingAddresses(tx, ctx.coopId, invoice));
    if (to.length === 0)
      throw badRequest('The buyer has no billing contact: give the addresses to send it to.', [
        { pointer: '/to', message: 'no billing contact on the agreement or the organization' },
      ]).because('invoice.no-billing-contact');
    let format: InvoiceSendFormat | undefined;
    let refusal: AppError | undefined;
    for (const candidate of input.format ? [input.format] : preferredFormats(invoice)) {
      try {
        await exportInvoice(tx, ctx.coopId, invoice.id, candidate);
        format = candidate;
        break;
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        refusal ??= error;
      }
    }
    if (!format)
      throw conflict(refusal?.message ?? 'No e-invoice can be made of this invoice.', [
        { pointer: '/format', message: refusal?.message ?? 'not possible' },
      ]).because(
        // The format's own refusal (what the e-invoice lacks) when it named one.
        refusal?.fact?.code ?? 'e-invoice.impossible',
        refusal?.fact?.params ?? {},
      );
    const [sending] = await tx
      .insert(invoiceSendings)
      .values({
        coopId: ctx.coopId,
        invoiceId: invoice.id,
        transport: 'mail',
        format,
        sentTo: to,
        sentBy: ctx.actor.personId,
        sentAt: ctx.clock.now(),
      })
      .returning({ id: invoiceSendings.id });
    await ctx.emit(invoiceSent, invoice.id, {
      sendingId: sending!.id,
      number: invoice.number,
      kind: invoice.kind,
      transport: 'mail',
      format,
      to,
    });
    return { sendingId: sending!.id, number: invoice.number, format, to };
  },
});
