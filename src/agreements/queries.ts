import { and, desc, eq, type SQL } from 'drizzle-orm';
import { organizations } from '../organizations/schema.ts';
import type { Executor } from '../platform/db/database.ts';
import { formatAmount } from '../platform/money/amount.ts';
import { lineAmountMinor, lineTotals, termTotalMinor, type AgreementLine } from './lines.ts';
import { judgePurchaseOrder } from './purchaseOrderStanding.ts';
import {
  loadAgreement,
  loadQuote,
  purchaseOrdersOf,
  type AgreementRow,
  type QuoteRow,
} from './repository.ts';
import { agreements, quotes } from './schema.ts';
import { billingPeriods } from './terms.ts';

const lineView = (currency: string) => (l: AgreementLine) => ({
  ...l,
  unitPrice: formatAmount(BigInt(l.unitPriceMinor), currency),
  amount: formatAmount(lineAmountMinor(l), currency),
});

const organizationName = organizations.displayName;

function quoteView(q: QuoteRow, name: string) {
  const { perPeriodMinor, oneOffMinor } = lineTotals(q.lines);
  return {
    id: q.id,
    number: q.number,
    organizationId: q.organizationId,
    organizationName: name,
    title: q.title,
    currency: q.currency,
    validUntil: q.validUntil,
    startsOn: q.startsOn,
    termMonths: q.termMonths,
    billingPeriodMonths: q.billingPeriodMonths,
    autoRenew: q.autoRenew,
    noticeDays: q.noticeDays,
    notes: q.notes,
    status: q.status,
    sentAt: q.sentAt,
    sentTo: q.sentTo,
    documentVersionId: q.documentVersionId,
    agreementId: q.agreementId,
    lines: q.lines.map(lineView(q.currency)),
    perPeriod: formatAmount(perPeriodMinor, q.currency),
    oneOff: formatAmount(oneOffMinor, q.currency),
    termTotal: formatAmount(
      termTotalMinor(q.lines, q.termMonths, q.billingPeriodMonths),
      q.currency,
    ),
    createdAt: q.createdAt,
  };
}
export type QuoteView = ReturnType<typeof quoteView>;

/** Quotes, newest first; `organizationId` narrows to one organization (a sponsor's own). */
export async function listQuotes(executor: Executor, coopId: string, organizationId?: string) {
  const where: SQL[] = [eq(quotes.coopId, coopId)];
  if (organizationId) where.push(eq(quotes.organizationId, organizationId));
  const rows = await executor
    .select({ quote: quotes, name: organizationName })
    .from(quotes)
    .innerJoin(
      organizations,
      and(eq(organizations.coopId, quotes.coopId), eq(organizations.id, quotes.organizationId)),
    )
    .where(and(...where))
    .orderBy(desc(quotes.createdAt));
  return rows.map(({ quote, name }) => quoteView(quote, name));
}

export async function getQuote(executor: Executor, coopId: string, quoteId: string) {
  const quote = await loadQuote(executor, coopId, quoteId);
  const [org] = await executor
    .select({ name: organizationName })
    .from(organizations)
    .where(and(eq(organizations.coopId, coopId), eq(organizations.id, quote.organizationId)));
  return quoteView(quote, org?.name ?? '');
}

function agreementView(a: AgreementRow, name: string) {
  const { perPeriodMinor, oneOffMinor } = lineTotals(a.lines);
  return {
    id: a.id,
    number: a.number,
    organizationId: a.organizationId,
    organizationName: name,
    quoteId: a.quoteId,
    title: a.title,
    currency: a.currency,
    startsOn: a.startsOn,
    termMonths: a.termMonths,
    currentTermStartsOn: a.currentTermStartsOn,
    currentTermEndsOn: a.currentTermEndsOn,
    autoRenew: a.autoRenew,
    noticeDays: a.noticeDays,
    renewalNoticeDays: a.renewalNoticeDays,
    billingPeriodMonths: a.billingPeriodMonths,
    lines: a.lines.map(lineView(a.currency)),
    perPeriod: formatAmount(perPeriodMinor, a.currency),
    oneOff: formatAmount(oneOffMinor, a.currency),
    buyerReference: a.buyerReference,
    billingContacts: a.billingContacts,
    purchaseOrderRequired: a.purchaseOrderRequired,
    servingHackerIds: a.servingHackerIds,
    status: a.status,
    endsOn: a.endsOn,
    cancelledAt: a.cancelledAt,
    cancelReason: a.cancelReason,
    documentVersionId: a.documentVersionId,
    createdAt: a.createdAt,
  };
}

export async function listAgreements(executor: Executor, coopId: string, organizationId?: string) {
  const where: SQL[] = [eq(agreements.coopId, coopId)];
  if (organizationId) where.push(eq(agreements.organizationId, organizationId));
  const rows = await executor
    .select({ agreement: agreements, name: organizationName })
    .from(agreements)
    .innerJoin(
      organizations,
      and(
        eq(organizations.coopId, agreements.coopId),
        eq(organizations.id, agreements.organizationId),
      ),
    )
    .where(and(...where))
    .orderBy(desc(agreements.createdAt));
  return rows.map(({ agreement, name }) => agreementView(agreement, name));
}

/** An agreement with its purchase orders and how each stands today. */
export async function getAgreement(
  executor: Executor,
  coopId: string,
  agreementId: string,
  today: string,
) {
  const agreement = await loadAgreement(executor, coopId, agreementId);
  const [org] = await executor
    .select({ name: organizationName })
    .from(organizations)
    .where(and(eq(organizations.coopId, coopId), eq(organizations.id, agreement.organizationId)));
  const orders = await purchaseOrdersOf(executor, coopId, agreementId);
  const perPeriod = lineTotals(agreement.lines).perPeriodMinor;
  const nextInvoice = judgePurchaseOrder(orders, agreement.purchaseOrderRequired, perPeriod, today);
  return {
    ...agreementView(agreement, org?.name ?? ''),
    purchaseOrders: orders.map((o) => ({
      id: o.id,
      number: o.number,
      amount: formatAmount(o.amountMinor, o.currency),
      drawn: formatAmount(o.drawnMinor, o.currency),
      remaining: formatAmount(o.amountMinor - o.drawnMinor, o.currency),
      validFrom: o.validFrom,
      validUntil: o.validUntil,
      warnBelowPercent: o.warnBelowPercent,
      warnDaysBefore: o.warnDaysBefore,
    })),
    /** How a period's invoice dated today would stand against the purchase orders. */
    nextInvoiceStanding: { standing: nextInvoice.standing, reasons: nextInvoice.reasons },
  };
}

/**
 * What invoicing needs of an agreement: who to bill and how (currency, buyer's reference, the
 * purchase order in force for `day`, billing contacts) and the billing periods of its current
 * term with the lines to invoice for each. `servesUntil` is the last day that may be invoiced
 * (the term's end, or the end a cancellation set); null status checks are the caller's.
 */
export async function agreementForInvoicing(
  executor: Executor,
  coopId: string,
  agreementId: string,
  day: string,
  /** The term whose billing periods to list: the current one unless given (the next, say). */
  term?: { startsOn: string; endsOn: string },
) {
  const a = await loadAgreement(executor, coopId, agreementId);
  const orders = await purchaseOrdersOf(executor, coopId, agreementId);
  const inForce = orders
    .filter((o) => o.validFrom <= day && day <= o.validUntil)
    .sort((x, y) => (x.validFrom < y.validFrom ? 1 : -1))[0];
  return {
    id: a.id,
    number: a.number,
    organizationId: a.organizationId,
    status: a.status,
    currency: a.currency,
    buyerReference: a.buyerReference,
    billingContacts: a.billingContacts,
    purchaseOrderRequired: a.purchaseOrderRequired,
    purchaseOrder: inForce
      ? {
          id: inForce.id,
          number: inForce.number,
          validUntil: inForce.validUntil,
          remainingMinor: inForce.amountMinor - inForce.drawnMinor,
        }
      : null,
    billingPeriodMonths: a.billingPeriodMonths,
    currentTerm: { startsOn: a.currentTermStartsOn, endsOn: a.currentTermEndsOn },
    servesUntil: a.endsOn ?? (a.autoRenew ? null : a.currentTermEndsOn),
    periods: billingPeriods(
      a,
      term ?? { startsOn: a.currentTermStartsOn, endsOn: a.currentTermEndsOn },
    ).map((p) => ({
      ...p,
      lines: p.lines.map((l) => ({
        description: l.description,
        quantity: l.quantity,
        unitPriceMinor: BigInt(l.unitPriceMinor),
        tierVersionId: l.tierVersionId,
      })),
    })),
  };
}
export type AgreementForInvoicing = Awaited<ReturnType<typeof agreementForInvoicing>>;
