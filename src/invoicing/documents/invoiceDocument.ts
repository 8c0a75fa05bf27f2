import { and, eq } from 'drizzle-orm';
import { coopCurrency } from '../../coop/queries.ts';
import type { Executor } from '../../platform/db/database.ts';
import { conflict } from '../../platform/errors.ts';
import { formatAmount } from '../../platform/money/amount.ts';
import { minorDigits } from '../../platform/money/currency.ts';
import { formatDecimal, parseDecimal } from '../decimal.ts';
import { loadInvoice, loadLines } from '../repository.ts';
import { invoices, type PartyDetails } from '../schema.ts';
import { computeTotals, convertMinor } from '../totals.ts';
import { exemptionWording, type VatCategory } from '../vatCategories.ts';

/**
 * A final invoice as every format renders it: the PDF, UBL and CII read these same strings,
 * so the PDF shows what the XML says, to the cent.
 */
export interface InvoiceDocument {
  kind: 'invoice' | 'credit-note';
  number: string;
  issueDate: string;
  dueDate: string | null;
  deliveryDate: string;
  /** The invoicing period (BG-14), when the invoice bills one. */
  period: { start: string; end: string } | null;
  currency: string;
  /** The co-op's currency, when the invoice is in another: VAT is also stated in it (BT-6, BT-111). */
  taxCurrency: { code: string; tax: string; rate: string } | null;
  seller: PartyDetails & { iban: string | null; bic: string | null; phone: string };
  buyer: PartyDetails;
  buyerReference: string | null;
  purchaseOrder: string | null;
  note: string;
  paymentTerms: string;
  creditorReference: string;
  preceding: { number: string; issueDate: string } | null;
  lines: {
    id: string;
    description: string;
    quantity: string;
    unitCode: string;
    unitPrice: string;
    category: VatCategory;
    rate: string;
    net: string;
  }[];
  breakdown: {
    category: VatCategory;
    rate: string;
    taxable: string;
    tax: string;
    exemption: { code: string; text: string } | null;
  }[];
  net: string;
  tax: string;
  gross: string;
}

const days = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

export async function invoiceDocument(
  executor: Executor,
  coopId: string,
  invoiceId: string,
): Promise<InvoiceDocument> {
  const invoice = await loadInvoice(executor, coopId, invoiceId);
  if (invoice.status === 'draft' || !invoice.number)
    throw conflict('A draft has no document yet: finalise it first.').because(
      'invoice.draft-no-document',
    );
  const lines = await loadLines(executor, coopId, invoiceId);
  const currency = invoice.currency;
  const totals = computeTotals(lines, invoice.rounding, minorDigits(currency));
  // The stored totals were computed at finalisation; recomputing them must give the same.
  if (totals.grossMinor !== invoice.grossMinor || totals.taxMinor !== invoice.taxMinor)
    throw new Error(`invoice ${invoice.number}: stored totals differ from its lines`);
  const money = (m: bigint) => formatAmount(m, currency);
  const home = await coopCurrency(executor, coopId);
  const preceding = invoice.creditedInvoiceId
    ? (
        await executor
          .select({ number: invoices.number, issueDate: invoices.issueDate })
          .from(invoices)
          .where(and(eq(invoices.coopId, coopId), eq(invoices.id, invoice.creditedInvoiceId)))
      )[0]
    : undefined;
  const issueDate = invoice.issueDate!;
  const term = invoice.dueDate ? days(issueDate, invoice.dueDate) : 0;
  return {
    kind: invoice.kind,
    number: invoice.number,
    issueDate,
    dueDate: invoice.kind === 'invoice' ? invoice.dueDate : null,
    deliveryDate: invoice.deliveryDate ?? issueDate,
    period:
      invoice.periodStart && invoice.periodEnd
        ? { start: invoice.periodStart, end: invoice.periodEnd }
        : null,
    currency,
    taxCurrency:
      currency === home
        ? null
        : {
            code: home,
            rate: invoice.rate!,
            tax: formatAmount(
              convertMinor(
                invoice.taxMinor!,
                invoice.rate!,
                minorDigits(currency),
                minorDigits(home),
              ),
              home,
            ),
          },
    seller: invoice.seller!,
    buyer: invoice.buyer!,
    buyerReference: invoice.buyerReference,
    purchaseOrder: invoice.purchaseOrder,
    note: invoice.note,
    paymentTerms:
      invoice.kind === 'credit-note'
        ? `Credits invoice ${preceding?.number ?? ''}; no payment due.`
        : term > 0
          ? `Payable within ${term} days, by ${invoice.dueDate}, quoting ${invoice.creditorReference}.`
          : `Payable on receipt, quoting ${invoice.creditorReference}.`,
    creditorReference: invoice.creditorReference!,
    preceding:
      preceding?.number && preceding.issueDate
        ? { number: preceding.number, issueDate: preceding.issueDate }
        : null,
    lines: lines.map((l, i) => ({
      id: String(i + 1),
      description: l.description,
      quantity: formatDecimal(parseDecimal(l.quantity)),
      unitCode: l.unitCode,
      unitPrice: formatDecimal(parseDecimal(l.unitPrice), minorDigits(currency)),
      category: l.vatCategory,
      rate: formatDecimal(parseDecimal(l.vatRate)),
      net: money(totals.lines[i]!.netMinor),
    })),
    breakdown: totals.breakdown.map((b) => ({
      category: b.category,
      rate: b.rate,
      taxable: money(b.taxableMinor),
      tax: money(b.taxMinor),
      exemption:
        b.category === 'E' && invoice.exemptionReason
          ? { code: 'VATEX-EU-132', text: invoice.exemptionReason }
          : (exemptionWording[b.category] ?? null),
    })),
    net: money(totals.netMinor),
    tax: money(totals.taxMinor),
    gross: money(totals.grossMinor),
  };
}
