import { and, asc, eq, sql } from 'drizzle-orm';
import { bylawsInForce } from '../bylaws/repository.ts';
import { coopById } from '../coop/queries.ts';
import type { Executor, Tx } from '../platform/db/database.ts';
import { notFound } from '../platform/errors.ts';
import {
  invoiceLines,
  invoiceNumberCounters,
  invoices,
  invoicingSettings,
  type InvoiceKind,
} from './schema.ts';
import { fiscalYearOfDay } from '../platform/dates.ts';

export type InvoiceRow = typeof invoices.$inferSelect;
export type InvoiceLineRow = typeof invoiceLines.$inferSelect;
export type InvoicingSettings = typeof invoicingSettings.$inferSelect;

export async function loadInvoice(
  executor: Executor,
  coopId: string,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<InvoiceRow> {
  const query = executor
    .select()
    .from(invoices)
    .where(and(eq(invoices.coopId, coopId), eq(invoices.id, id)));
  const [row] = options.forUpdate ? await query.for('update') : await query;
  if (!row) throw notFound('This invoice');
  return row;
}

export async function invoiceByNumber(executor: Executor, coopId: string, number: string) {
  const [row] = await executor
    .select()
    .from(invoices)
    .where(and(eq(invoices.coopId, coopId), eq(invoices.number, number)));
  return row;
}

export const loadLines = (executor: Executor, coopId: string, invoiceId: string) =>
  executor
    .select()
    .from(invoiceLines)
    .where(and(eq(invoiceLines.coopId, coopId), eq(invoiceLines.invoiceId, invoiceId)))
    .orderBy(asc(invoiceLines.position));

/** The co-op's settings, or its defaults (its name as the seller) before any were saved. */
export async function invoicingSettingsOf(
  executor: Executor,
  coopId: string,
): Promise<InvoicingSettings> {
  const [row] = await executor
    .select()
    .from(invoicingSettings)
    .where(eq(invoicingSettings.coopId, coopId));
  if (row) return row;
  const coop = await coopById(executor, coopId);
  return {
    coopId,
    legalName: coop.name,
    vatId: null,
    registrationId: null,
    street: '',
    city: '',
    postcode: '',
    country: 'DE',
    email: '',
    phone: '',
    iban: null,
    bic: null,
    invoicePrefix: 'INV-',
    creditNotePrefix: 'CN-',
    paymentTermsDays: 30,
    rounding: 'per-rate',
    incomeAccount: 'income:sponsorship',
    receivableAccount: 'assets:receivables',
    vatAccount: 'liabilities:vat',
    dunningStages: [],
    lateFeeMinor: null,
    standardVatRate: '19',
    updatedAt: coop.createdAt,
  };
}

/** Fiscal year N starts in calendar year N, in the month the bylaws in force that day say. */
export async function fiscalYearOf(executor: Executor, coopId: string, day: string) {
  const bylaws = await bylawsInForce(executor, coopId, day);
  return fiscalYearOfDay(day, bylaws.document.fiscalYear.startMonth);
}

/**
 * The next number of a series in a fiscal year. The upsert locks the counter row until the
 * finalising transaction ends: a concurrent finaliser waits for it, then reads the committed
 * value; if this transaction rolls back, so does the increment. Hence no gap, no duplicate.
 */
export async function takeNextNumber(
  tx: Tx,
  coopId: string,
  series: InvoiceKind,
  fiscalYear: number,
): Promise<number> {
  const [row] = await tx
    .insert(invoiceNumberCounters)
    .values({ coopId, series, fiscalYear, lastNumber: 1 })
    .onConflictDoUpdate({
      target: [
        invoiceNumberCounters.coopId,
        invoiceNumberCounters.series,
        invoiceNumberCounters.fiscalYear,
      ],
      set: { lastNumber: sql`${invoiceNumberCounters.lastNumber} + 1` },
    })
    .returning({ lastNumber: invoiceNumberCounters.lastNumber });
  return row!.lastNumber;
}

export const formatInvoiceNumber = (prefix: string, fiscalYear: number, sequence: number) =>
  `${prefix}${fiscalYear}-${String(sequence).padStart(5, '0')}`;
