import { and, eq } from 'drizzle-orm';
import { organizationLocale } from '../../organizations/queries.ts';
import type { Executor } from '../../platform/db/database.ts';
import { conflict } from '../../platform/errors.ts';
import { toCii } from './cii.ts';
import { toFacturX } from './facturx.ts';
import { invoiceDocument, type InvoiceDocument } from './invoiceDocument.ts';
import { invoicePdf } from './invoicePdf.ts';
import { peppolEndpoint } from './peppolEndpoint.ts';
import { toUbl, xrechnungCustomization } from './ubl.ts';
import { invoices } from '../schema.ts';

export const exportFormats = ['pdf', 'ubl', 'cii', 'xrechnung', 'facturx'] as const;
export type ExportFormat = (typeof exportFormats)[number];

/** What an e-invoice lacks, by a key the web words and in English for the detail. */
const needs = {
  'coop-email': 'the co-op’s e-mail (invoicing settings)',
  'coop-address': 'the co-op’s city and postcode',
  'buyer-email': 'the buyer’s e-mail',
  'buyer-reference-or-order': 'a buyer reference or purchase order number',
  'coop-peppol': 'a European VAT id for the co-op (its Peppol address)',
  'buyer-peppol': 'a European VAT id for the buyer (its Peppol address)',
  'leitweg-id': 'the buyer reference (Leitweg-ID)',
  'coop-phone': 'the co-op’s phone number',
  'buyer-address': 'the buyer’s city and postcode',
} as const;

/**
 * What an e-invoice cannot go without (Peppol and XRechnung address both parties
 * electronically; XRechnung wants a buyer reference and a seller contact), said before a
 * document is produced that a buyer's validator would refuse.
 */
function missingFor(doc: InvoiceDocument, format: ExportFormat): (keyof typeof needs)[] {
  const missing: (keyof typeof needs)[] = [];
  if (format === 'pdf') return missing;
  if (!doc.seller.email) missing.push('coop-email');
  if (!doc.seller.city || !doc.seller.postcode) missing.push('coop-address');
  if (format === 'ubl' || format === 'xrechnung') {
    if (!doc.buyer.email) missing.push('buyer-email');
    if (format === 'ubl' && !doc.buyerReference && !doc.purchaseOrder)
      missing.push('buyer-reference-or-order');
    if (format === 'ubl' && !peppolEndpoint(doc.seller.vatId)) missing.push('coop-peppol');
    if (format === 'ubl' && !peppolEndpoint(doc.buyer.vatId)) missing.push('buyer-peppol');
  }
  if (format === 'xrechnung') {
    if (!doc.buyerReference) missing.push('leitweg-id');
    if (!doc.seller.phone) missing.push('coop-phone');
    if (!doc.buyer.city || !doc.buyer.postcode) missing.push('buyer-address');
  }
  return missing;
}

export async function exportInvoice(
  executor: Executor,
  coopId: string,
  invoiceId: string,
  format: ExportFormat,
): Promise<{ content: Buffer; contentType: string; fileName: string }> {
  const doc = await invoiceDocument(executor, coopId, invoiceId);
  const missing = missingFor(doc, format);
  if (missing.length > 0)
    throw conflict(
      `This ${format} e-invoice needs ${missing.map((m) => needs[m]).join(', ')}.`,
    ).because('e-invoice.missing', { format, missing: missing.join(',') });
  const base = doc.number.replace(/[^A-Za-z0-9._-]/g, '_');
  const xml = (content: string, suffix: string) => ({
    content: Buffer.from(content, 'utf8'),
    contentType: 'application/xml',
    fileName: `${base}${suffix}.xml`,
  });
  // The PDF is read by the buyer organization: in its language, the XML as the standard has it.
  const [row] = await executor
    .select({ organizationId: invoices.organizationId })
    .from(invoices)
    .where(and(eq(invoices.coopId, coopId), eq(invoices.id, invoiceId)));
  const locale = row ? await organizationLocale(executor, coopId, row.organizationId) : 'en';
  switch (format) {
    case 'pdf':
      return {
        content: await invoicePdf(doc, locale),
        contentType: 'application/pdf',
        fileName: `${base}.pdf`,
      };
    case 'facturx':
      return {
        content: await toFacturX(doc, locale),
        contentType: 'application/pdf',
        fileName: `${base}-facturx.pdf`,
      };
    case 'ubl':
      return xml(toUbl(doc), '-ubl');
    case 'xrechnung':
      return xml(toUbl(doc, xrechnungCustomization), '-xrechnung');
    case 'cii':
      return xml(toCii(doc), '-cii');
  }
}
