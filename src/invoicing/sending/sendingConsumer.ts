import { and, eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import type { Consumer } from '../../platform/dispatcher.ts';
import { exportInvoice } from '../documents/exportInvoice.ts';
import { invoiceDocument } from '../documents/invoiceDocument.ts';
import { invoiceSent } from '../events.ts';
import { invoiceSendings } from '../schema.ts';
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
  const credit = doc.kind === 'credit-note';
  const what = credit ? 'Credit note' : 'Invoice';
  const facts = [
    `${what} ${doc.number} of ${doc.issueDate} from ${doc.seller.legalName}: ${doc.gross} ${doc.currency}.`,
    doc.purchaseOrder && `Your purchase order: ${doc.purchaseOrder}.`,
    doc.buyerReference && `Your reference: ${doc.buyerReference}.`,
    doc.paymentTerms,
    !credit &&
      doc.seller.iban &&
      `IBAN ${doc.seller.iban}${doc.seller.bic ? `, BIC ${doc.seller.bic}` : ''}.`,
  ].filter(Boolean);
  const formatName = format === 'xrechnung' ? 'XRechnung' : format.toUpperCase();
  const body = `${facts.join('\n')}\n\nAttached: the PDF, and the same ${what.toLowerCase()} as an EN 16931 e-invoice (${formatName}).`;
  return {
    number: doc.number,
    to,
    subject: `${what} ${doc.number} from ${doc.seller.legalName}`,
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
