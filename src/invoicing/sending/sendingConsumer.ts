import { and, eq } from 'drizzle-orm';
import { organizationLocale } from '../../organizations/queries.ts';
import type { Db } from '../../platform/db/database.ts';
import { displayDay } from '../../platform/i18n/dates.ts';
import { parseAmount } from '../../platform/money/amount.ts';
import { displayMoney } from '../../platform/money/display.ts';
import type { Consumer } from '../../platform/dispatcher.ts';
import { exportInvoice } from '../documents/exportInvoice.ts';
import { invoiceDocument } from '../documents/invoiceDocument.ts';
import { invoiceSent } from '../events.ts';
import { invoicingMail } from '../mailMessages.ts';
import { printCreditorReference } from '../rfReference.ts';
import { invoices, invoiceSendings } from '../schema.ts';
import type { InvoiceParcel, InvoiceTransport } from './transports.ts';

/** After this many failed attempts a sending is marked failed, as a mail in the outbox is. */
const attempts = 5;

async function parcelOf(
  db: Db,
  coopId: string,
  invoiceId: string,
  format: 'ubl' | 'xrechnung' | 'cii',
  to: string[],
): Promise<InvoiceParcel> {
  const doc = await invoiceDocument(db, coopId, invoiceId);
  const pdf = await exportInvoice(db, coopId, invoiceId, 'pdf');
  const xml = await exportInvoice(db, coopId, invoiceId, format);
  // Business mail in the buyer organization's language.
  const [row] = await db
    .select({ organizationId: invoices.organizationId })
    .from(invoices)
    .where(and(eq(invoices.coopId, coopId), eq(invoices.id, invoiceId)));
  const locale = row ? await organizationLocale(db, coopId, row.organizationId) : 'en';
  const m = (key: Parameters<typeof invoicingMail>[1], vars?: Record<string, string>) =>
    invoicingMail(locale, key, vars);
  const credit = doc.kind === 'credit-note';
  const what = credit ? m('sending.creditNote') : m('sending.invoice');
  const facts = [
    m('sending.facts', {
      what,
      number: doc.number,
      issued: displayDay(doc.issueDate, locale),
      seller: doc.seller.legalName,
      gross: displayMoney(parseAmount(doc.gross, doc.currency), doc.currency, locale),
    }),
    doc.purchaseOrder && m('sending.purchaseOrder', { po: doc.purchaseOrder }),
    doc.buyerReference && m('sending.reference', { reference: doc.buyerReference }),
    credit
      ? m('sending.credits', { number: doc.preceding?.number ?? '' })
      : doc.dueDate && doc.dueDate > doc.issueDate
        ? m('sending.payableBy', {
            due: displayDay(doc.dueDate, locale),
            reference: printCreditorReference(doc.creditorReference),
          })
        : m('sending.payableOnReceipt', {
            reference: printCreditorReference(doc.creditorReference),
          }),
    !credit &&
      doc.seller.iban &&
      `IBAN ${doc.seller.iban}${doc.seller.bic ? `, BIC ${doc.seller.bic}` : ''}.`,
  ].filter(Boolean);
  const formatName = format === 'xrechnung' ? 'XRechnung' : format.toUpperCase();
  const attached = credit ? 'sending.attachedCreditNote' : 'sending.attachedInvoice';
  const body = `${facts.join('\n')}\n\n${m(attached, { format: formatName })}`;
  return {
    number: doc.number,
    to,
    subject: m('sending.subject', { what, number: doc.number, seller: doc.seller.legalName }),
    body,
    attachments: [pdf, xml],
  };
}

/**
 * The dispatcher's consumer of `invoice.sent`: builds the PDF and the e-invoice and hands them to
 * the sending's transport, then records how it went on the sending (once: a sending delivered,
 * held or failed is not sent again when the event comes again).
 */
export function invoiceSendingConsumer(transports: { mail: InvoiceTransport }): Consumer {
  return {
    name: 'invoicing.sendings',
    wants: (type) => type === invoiceSent.name,
    async handle(db, event, attempt) {
      const data = invoiceSent.data.parse(event.data);
      const where = and(
        eq(invoiceSendings.coopId, event.coopId),
        eq(invoiceSendings.id, data.sendingId),
      );
      const [sending] = await db.select().from(invoiceSendings).where(where);
      if (!sending || sending.status !== 'queued') return false;
      try {
        const parcel = await parcelOf(
          db,
          event.coopId,
          sending.invoiceId,
          sending.format,
          sending.sentTo,
        );
        const outcome = await transports[sending.transport].deliver(parcel);
        await db
          .update(invoiceSendings)
          .set({
            status: outcome,
            error: null,
            deliveredAt: outcome === 'delivered' ? new Date() : null,
          })
          .where(where);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        const final = attempt >= attempts;
        await db
          .update(invoiceSendings)
          .set({ status: final ? 'failed' : 'queued', error: message })
          .where(where);
        if (!final) throw error;
      }
      return true;
    },
  };
}
