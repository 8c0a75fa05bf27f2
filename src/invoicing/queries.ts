import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { journalEntries } from '../finance/schema.ts';
import { organizations } from '../organizations/schema.ts';
import type { Actor } from '../platform/actor.ts';
import type { Executor } from '../platform/db/database.ts';
import { notFound } from '../platform/errors.ts';
import { formatAmount } from '../platform/money/amount.ts';
import { authorize, ownOrganizationId } from '../platform/policy.ts';
import { invoicingPolicy } from './policy.ts';
import { loadInvoice, loadLines, type InvoiceRow } from './repository.ts';
import { stageDays, type DunningStage } from './dunning.ts';
import {
  dunningNotices,
  invoiceSendings,
  invoiceSettlements,
  invoices,
  invoiceStatuses,
  type InvoiceStatus,
} from './schema.ts';
import { computeTotals } from './totals.ts';
import { minorDigits } from '../platform/money/currency.ts';

const money = (minor: bigint | null, currency: string) =>
  minor === null ? null : formatAmount(minor, currency);

/** Overdue is read, not stored: open or partly paid after its due date. */
export const isOverdue = (
  i: { kind: string; status: string; dueDate: string | null },
  today: string,
) =>
  i.kind === 'invoice' &&
  (i.status === 'open' || i.status === 'partially-paid') &&
  i.dueDate !== null &&
  i.dueDate < today;

export function summary(i: InvoiceRow & { organizationName: string }, today: string) {
  return {
    id: i.id,
    kind: i.kind,
    status: i.status,
    overdue: isOverdue(i, today),
    disputed: i.disputed,
    number: i.number,
    organization: { id: i.organizationId, name: i.organizationName },
    currency: i.currency,
    issueDate: i.issueDate,
    dueDate: i.dueDate,
    period: i.periodStart && i.periodEnd ? { start: i.periodStart, end: i.periodEnd } : null,
    agreementId: i.agreementId,
    heldReason: i.heldReason,
    gross: money(i.grossMinor, i.currency),
    settled: formatAmount(i.settledMinor, i.currency),
    due:
      i.grossMinor === null || i.kind !== 'invoice'
        ? null
        : formatAmount(i.grossMinor - i.settledMinor, i.currency),
    creditorReference: i.creditorReference,
  };
}

export async function listInvoices(
  executor: Executor,
  actor: Actor,
  filter: { status?: InvoiceStatus | 'overdue' | undefined; organizationId?: string | undefined },
  today: string,
) {
  const coopId = actor.coopId;
  const own = invoicingPolicy.readAll(actor, undefined) ? null : ownOrganizationId(actor);
  authorize(actor, (a) => invoicingPolicy.readAll(a, undefined) || own !== null, undefined);
  const orgFilter = own ?? filter.organizationId;
  const rows = await executor
    .select({ invoice: invoices, organizationName: organizations.displayName })
    .from(invoices)
    .innerJoin(
      organizations,
      and(eq(organizations.coopId, invoices.coopId), eq(organizations.id, invoices.organizationId)),
    )
    .where(
      and(
        eq(invoices.coopId, coopId),
        orgFilter ? eq(invoices.organizationId, orgFilter) : undefined,
        // A representative sees what was sent, never the co-op's drafts.
        own ? sql`${invoices.status} <> 'draft'` : undefined,
        filter.status && filter.status !== 'overdue'
          ? eq(invoices.status, filter.status)
          : filter.status === 'overdue'
            ? and(
                inArray(invoices.status, ['open', 'partially-paid']),
                eq(invoices.kind, 'invoice'),
                sql`${invoices.dueDate} < ${today}`,
              )
            : undefined,
      ),
    )
    .orderBy(desc(invoices.createdAt), desc(invoices.number));
  return rows.map((r) => summary({ ...r.invoice, organizationName: r.organizationName }, today));
}

export async function invoiceDetail(executor: Executor, actor: Actor, id: string, today: string) {
  const coopId = actor.coopId;
  const invoice = await loadInvoice(executor, coopId, id);
  if (
    !invoicingPolicy.read(actor, invoice) ||
    (invoice.status === 'draft' && !invoicingPolicy.readAll(actor, undefined))
  )
    throw notFound('This invoice');
  const [org] = await executor
    .select({ name: organizations.displayName })
    .from(organizations)
    .where(and(eq(organizations.coopId, coopId), eq(organizations.id, invoice.organizationId)));
  const lines = await loadLines(executor, coopId, id);
  const totals = computeTotals(lines, invoice.rounding, minorDigits(invoice.currency));
  const settlements = await executor
    .select({
      s: invoiceSettlements,
      entryNumber: journalEntries.number,
      creditNoteNumber: sql<
        string | null
      >`(select i.number from invoices i where i.coop_id = ${invoiceSettlements.coopId} and i.id = ${invoiceSettlements.creditNoteId})`,
    })
    .from(invoiceSettlements)
    .leftJoin(
      journalEntries,
      and(
        eq(journalEntries.coopId, invoiceSettlements.coopId),
        eq(journalEntries.id, invoiceSettlements.entryId),
      ),
    )
    .where(and(eq(invoiceSettlements.coopId, coopId), eq(invoiceSettlements.invoiceId, id)))
    .orderBy(asc(invoiceSettlements.createdAt));
  const sendings = await executor
    .select({
      sentAt: invoiceSendings.sentAt,
      to: invoiceSendings.sentTo,
      format: invoiceSendings.format,
      transport: invoiceSendings.transport,
      status: invoiceSendings.status,
      error: invoiceSendings.error,
    })
    .from(invoiceSendings)
    .where(and(eq(invoiceSendings.coopId, coopId), eq(invoiceSendings.invoiceId, id)))
    .orderBy(asc(invoiceSendings.sentAt));
  const creditNotes = await executor
    .select({ id: invoices.id, number: invoices.number, status: invoices.status })
    .from(invoices)
    .where(and(eq(invoices.coopId, coopId), eq(invoices.creditedInvoiceId, id)));
  const [credited] = invoice.creditedInvoiceId
    ? await executor
        .select({ id: invoices.id, number: invoices.number })
        .from(invoices)
        .where(and(eq(invoices.coopId, coopId), eq(invoices.id, invoice.creditedInvoiceId)))
    : [];
  const c = invoice.currency;
  return {
    ...summary({ ...invoice, organizationName: org?.name ?? '' }, today),
    deliveryDate: invoice.deliveryDate,
    buyerReference: invoice.buyerReference,
    purchaseOrder: invoice.purchaseOrder,
    agreementId: invoice.agreementId,
    rounding: invoice.rounding,
    note: invoice.note,
    exemptionReason: invoice.exemptionReason,
    buyer: invoice.buyer,
    seller: invoice.seller,
    lines: lines.map((l, i) => ({
      description: l.description,
      quantity: l.quantity,
      unitCode: l.unitCode,
      unitPrice: l.unitPrice,
      vatCategory: l.vatCategory,
      vatRate: l.vatRate,
      net: formatAmount(totals.lines[i]!.netMinor, c),
    })),
    // A draft shows what finalising would give; a final invoice shows what it states.
    net: formatAmount(invoice.netMinor ?? totals.netMinor, c),
    tax: formatAmount(invoice.taxMinor ?? totals.taxMinor, c),
    grossTotal: formatAmount(invoice.grossMinor ?? totals.grossMinor, c),
    vatBreakdown: totals.breakdown.map((b) => ({
      category: b.category,
      rate: b.rate,
      taxable: formatAmount(b.taxableMinor, c),
      tax: formatAmount(b.taxMinor, c),
    })),
    exchangeRate: invoice.rate
      ? { rate: invoice.rate, on: invoice.rateOn!, source: invoice.rateSource! }
      : null,
    entryId: invoice.entryId,
    settlements: settlements.map(({ s, entryNumber, creditNoteNumber }) => ({
      kind: s.kind,
      amount: formatAmount(s.amountMinor, c),
      receivedOn: s.receivedOn,
      entryNumber: entryNumber ?? null,
      creditNote: creditNoteNumber,
      reference: s.reference,
    })),
    creditNotes,
    sendings,
    creditedInvoice: credited ?? null,
    finalizedAt: invoice.finalizedAt,
  };
}

export { invoiceStatuses };

/** Each unpaid invoice's dunning stages: the day each falls, and those already sent. */
export async function dunningCalendar(executor: Executor, coopId: string, stages: DunningStage[]) {
  const rows = await executor
    .select({ invoice: invoices, organizationName: organizations.displayName })
    .from(invoices)
    .innerJoin(
      organizations,
      and(eq(organizations.coopId, invoices.coopId), eq(organizations.id, invoices.organizationId)),
    )
    .where(
      and(
        eq(invoices.coopId, coopId),
        eq(invoices.kind, 'invoice'),
        inArray(invoices.status, ['open', 'partially-paid']),
      ),
    )
    .orderBy(asc(invoices.dueDate), asc(invoices.number));
  const sent = await executor
    .select()
    .from(dunningNotices)
    .where(eq(dunningNotices.coopId, coopId));
  return rows.map(({ invoice, organizationName }) => ({
    id: invoice.id,
    number: invoice.number!,
    organization: organizationName,
    dueDate: invoice.dueDate!,
    disputed: invoice.disputed,
    due: formatAmount(invoice.grossMinor! - invoice.settledMinor, invoice.currency),
    currency: invoice.currency,
    stages: stageDays(stages, invoice.dueDate!).map((s) => {
      const notice = sent.find((n) => n.invoiceId === invoice.id && n.stage === s.stage);
      return { ...s, sentOn: notice?.sentOn ?? null, sentTo: notice?.sentTo ?? null };
    }),
  }));
}

/**
 * An organization's invoices finalised after `since` (credit notes aside), oldest first, with
 * their currencies: a service credit waits for one in its own currency.
 */
export async function invoicesFinalizedSince(
  executor: Executor,
  coopId: string,
  organizationId: string,
  since: Date,
): Promise<{ number: string; currency: string; finalizedAt: Date }[]> {
  const rows = await executor
    .select({
      number: invoices.number,
      currency: invoices.currency,
      finalizedAt: invoices.finalizedAt,
    })
    .from(invoices)
    .where(
      and(
        eq(invoices.coopId, coopId),
        eq(invoices.organizationId, organizationId),
        eq(invoices.kind, 'invoice'),
        sql`${invoices.finalizedAt} > ${since}`,
      ),
    )
    .orderBy(asc(invoices.finalizedAt));
  return rows.flatMap((r) =>
    r.number && r.finalizedAt
      ? [{ number: r.number, currency: r.currency, finalizedAt: r.finalizedAt }]
      : [],
  );
}
