import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { organizations } from '../organizations/schema.ts';
import { coopIdColumn, createdAtColumn } from '../platform/db/schema.ts';

export const invoiceKinds = ['invoice', 'credit-note'] as const;
export type InvoiceKind = (typeof invoiceKinds)[number];

/**
 * Where an invoice stands. A draft can change; from `open` on the document is fixed and only
 * its settlement moves it: `partially-paid`, `paid`, `overpaid`, `credited` (credit notes
 * settled all of it). A credit note is `open` until applied to its invoice, then `applied`.
 */
export const invoiceStatuses = [
  'draft',
  'open',
  'partially-paid',
  'paid',
  'overpaid',
  'credited',
  'applied',
] as const;
export type InvoiceStatus = (typeof invoiceStatuses)[number];

/** Seller details, numbering and terms: one row per co-op, editable by its treasurer. */
export const invoicingSettings = pgTable('invoicing_settings', {
  coopId: coopIdColumn().primaryKey(),
  legalName: text('legal_name').notNull(),
  vatId: text('vat_id'),
  /** The seller's company registration (BT-30), e.g. a register number. */
  registrationId: text('registration_id'),
  street: text('street').notNull().default(''),
  city: text('city').notNull().default(''),
  postcode: text('postcode').notNull().default(''),
  country: text('country').notNull().default('DE'),
  email: text('email').notNull().default(''),
  phone: text('phone').notNull().default(''),
  iban: text('iban'),
  bic: text('bic'),
  /** Printed before the fiscal year and the number: "INV-" gives INV-2027-00001. */
  invoicePrefix: text('invoice_prefix').notNull().default('INV-'),
  creditNotePrefix: text('credit_note_prefix').notNull().default('CN-'),
  paymentTermsDays: integer('payment_terms_days').notNull().default(30),
  rounding: text('rounding', { enum: ['per-line', 'per-rate'] })
    .notNull()
    .default('per-rate'),
  incomeAccount: text('income_account').notNull().default('income:sponsorship'),
  receivableAccount: text('receivable_account').notNull().default('assets:receivables'),
  vatAccount: text('vat_account').notNull().default('liabilities:vat'),
  /** Dunning stages: days after the due date, each sent once per invoice. */
  dunningStages: jsonb('dunning_stages')
    .$type<{ afterDays: number; label: string }[]>()
    .notNull()
    .default([]),
  /** A fixed late fee in minor units of the invoice's currency; none unless configured. */
  lateFeeMinor: bigint('late_fee_minor', { mode: 'bigint' }),
  /**
   * The seller country's standard VAT rate (a decimal string), charged by default on the drafts
   * a renewal prepares for a domestic buyer; other buyers get reverse charge or export.
   */
  standardVatRate: numeric('standard_vat_rate').notNull().default('19'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * The last number used in each series (invoices, credit notes) and fiscal year. Finalising
 * takes the next one with `insert ... on conflict do update ... returning` in its own
 * transaction: the row stays locked until commit, so a second finaliser waits, and a rollback
 * gives the number back. No gap, no duplicate, whatever the number of processes.
 */
export const invoiceNumberCounters = pgTable(
  'invoice_number_counters',
  {
    coopId: coopIdColumn(),
    series: text('series', { enum: invoiceKinds }).notNull(),
    fiscalYear: integer('fiscal_year').notNull(),
    lastNumber: integer('last_number').notNull(),
  },
  (t) => [primaryKey({ columns: [t.coopId, t.series, t.fiscalYear] })],
);

export interface PartyDetails {
  legalName: string;
  vatId: string | null;
  registrationId: string | null;
  street: string;
  city: string;
  postcode: string;
  country: string;
  email: string;
}

export const invoices = pgTable(
  'invoices',
  {
    coopId: coopIdColumn(),
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind', { enum: invoiceKinds }).notNull().default('invoice'),
    status: text('status', { enum: invoiceStatuses }).notNull().default('draft'),
    /** Null on a draft; set once, when finalised. */
    number: text('number'),
    fiscalYear: integer('fiscal_year'),
    sequence: integer('sequence'),
    organizationId: uuid('organization_id').notNull(),
    /** Plain data for now: the agreement and the buyer's purchase order this bills. */
    agreementId: uuid('agreement_id'),
    purchaseOrder: text('purchase_order'),
    buyerReference: text('buyer_reference'),
    /** The invoice a credit note corrects (checked by the command; no self-reference, so a restore may load rows in any order). */
    creditedInvoiceId: uuid('credited_invoice_id'),
    currency: text('currency').notNull(),
    issueDate: date('issue_date'),
    dueDate: date('due_date'),
    /** The day or period supplied (BT-72), when other than the issue date. */
    deliveryDate: date('delivery_date'),
    rounding: text('rounding', { enum: ['per-line', 'per-rate'] }).notNull(),
    note: text('note').notNull().default(''),
    /** For exempt lines (E): the law that exempts them, printed and sent as BT-120. */
    exemptionReason: text('exemption_reason'),
    /** The invoicing period (EN 16931 BG-14), both or neither: what a period's fee covers. */
    periodStart: date('period_start'),
    periodEnd: date('period_end'),
    /**
     * Set on the drafts a renewal prepares: the first day of the agreement's term they bill.
     * With the period's start, it makes the preparation happen once per term and period.
     */
    renewalTermStartsOn: date('renewal_term_starts_on'),
    /** Why a prepared draft is held (its purchase order ran out); it cannot be finalised so. */
    heldReason: text('held_reason'),
    /** Frozen at finalisation: the parties as they were that day. */
    seller: jsonb('seller').$type<
      PartyDetails & { iban: string | null; bic: string | null; phone: string }
    >(),
    buyer: jsonb('buyer').$type<PartyDetails>(),
    creditorReference: text('creditor_reference'),
    netMinor: bigint('net_minor', { mode: 'bigint' }),
    taxMinor: bigint('tax_minor', { mode: 'bigint' }),
    grossMinor: bigint('gross_minor', { mode: 'bigint' }),
    /** In the co-op's currency, at the rate below (the same as the gross for a domestic one). */
    coopGrossMinor: bigint('coop_gross_minor', { mode: 'bigint' }),
    coopTaxMinor: bigint('coop_tax_minor', { mode: 'bigint' }),
    rate: numeric('rate'),
    rateOn: date('rate_on'),
    rateSource: text('rate_source'),
    /** What settled it so far (payments and credit notes), in its currency. */
    settledMinor: bigint('settled_minor', { mode: 'bigint' })
      .notNull()
      .default(sql`0`),
    /** Disputed invoices get no reminders until the dispute ends. */
    disputed: boolean('disputed').notNull().default(false),
    entryId: uuid('entry_id'),
    createdBy: uuid('created_by'),
    finalizedAt: timestamp('finalized_at', { withTimezone: true }),
    finalizedBy: uuid('finalized_by'),
    createdAt: createdAtColumn(),
  },
  (t) => [
    unique('invoices_coop_id_key').on(t.coopId, t.id),
    uniqueIndex('invoices_number_idx')
      .on(t.coopId, t.number)
      .where(sql`${t.number} is not null`),
    uniqueIndex('invoices_sequence_idx')
      .on(t.coopId, t.kind, t.fiscalYear, t.sequence)
      .where(sql`${t.sequence} is not null`),
    index('invoices_status_idx').on(t.coopId, t.status),
    check(
      'invoices_period_check',
      sql`(${t.periodStart} is null) = (${t.periodEnd} is null) and (${t.periodStart} is null or ${t.periodStart} <= ${t.periodEnd})`,
    ),
    uniqueIndex('invoices_renewal_period_idx')
      .on(t.coopId, t.agreementId, t.periodStart)
      .where(sql`${t.renewalTermStartsOn} is not null`),
    index('invoices_organization_idx').on(t.coopId, t.organizationId),
    foreignKey({
      columns: [t.coopId, t.organizationId],
      foreignColumns: [organizations.coopId, organizations.id],
    }),
  ],
);

export const invoiceLines = pgTable(
  'invoice_lines',
  {
    coopId: coopIdColumn(),
    id: uuid('id').primaryKey().defaultRandom(),
    invoiceId: uuid('invoice_id').notNull(),
    position: integer('position').notNull(),
    description: text('description').notNull(),
    quantity: numeric('quantity').notNull(),
    /** UN/ECE Rec 20 unit: C62 one, HUR hour, MON month. */
    unitCode: text('unit_code').notNull().default('C62'),
    unitPrice: numeric('unit_price').notNull(),
    vatCategory: text('vat_category', { enum: ['S', 'Z', 'E', 'AE', 'K', 'G', 'O'] }).notNull(),
    vatRate: numeric('vat_rate').notNull(),
    netMinor: bigint('net_minor', { mode: 'bigint' }).notNull(),
  },
  (t) => [
    uniqueIndex('invoice_lines_position_idx').on(t.coopId, t.invoiceId, t.position),
    foreignKey({
      columns: [t.coopId, t.invoiceId],
      foreignColumns: [invoices.coopId, invoices.id],
    }).onDelete('cascade'),
  ],
);

export const settlementKinds = ['payment', 'bank-line', 'credit-note'] as const;

/** What settled an invoice: a payment (typed in, or a matched bank line) or a credit note. */
export const invoiceSettlements = pgTable(
  'invoice_settlements',
  {
    coopId: coopIdColumn(),
    id: uuid('id').primaryKey().defaultRandom(),
    invoiceId: uuid('invoice_id').notNull(),
    kind: text('kind', { enum: settlementKinds }).notNull(),
    amountMinor: bigint('amount_minor', { mode: 'bigint' }).notNull(),
    coopAmountMinor: bigint('coop_amount_minor', { mode: 'bigint' }).notNull(),
    receivedOn: date('received_on').notNull(),
    entryId: uuid('entry_id'),
    creditNoteId: uuid('credit_note_id'),
    bankLineId: uuid('bank_line_id'),
    reference: text('reference').notNull().default(''),
    createdBy: uuid('created_by'),
    createdAt: createdAtColumn(),
  },
  (t) => [
    index('invoice_settlements_invoice_idx').on(t.coopId, t.invoiceId),
    uniqueIndex('invoice_settlements_bank_line_idx')
      .on(t.coopId, t.bankLineId)
      .where(sql`${t.bankLineId} is not null`),
    foreignKey({
      columns: [t.coopId, t.invoiceId],
      foreignColumns: [invoices.coopId, invoices.id],
    }),
  ],
);

/** A dunning stage sent for an invoice: once each, whichever process runs the job. */
export const dunningNotices = pgTable(
  'dunning_notices',
  {
    coopId: coopIdColumn(),
    invoiceId: uuid('invoice_id').notNull(),
    stage: integer('stage').notNull(),
    label: text('label').notNull(),
    sentOn: date('sent_on').notNull(),
    sentTo: text('sent_to').notNull(),
    createdAt: createdAtColumn(),
  },
  (t) => [
    primaryKey({ columns: [t.coopId, t.invoiceId, t.stage] }),
    foreignKey({
      columns: [t.coopId, t.invoiceId],
      foreignColumns: [invoices.coopId, invoices.id],
    }),
  ],
);

export const invoiceSendFormats = ['ubl', 'xrechnung', 'cii'] as const;
export type InvoiceSendFormat = (typeof invoiceSendFormats)[number];

/**
 * Each time a final invoice or credit note was sent: when, to whom, with which e-invoice, and
 * through which transport (mail here; a Peppol access point would be another).
 */
export const invoiceSendings = pgTable(
  'invoice_sendings',
  {
    coopId: coopIdColumn(),
    id: uuid('id').primaryKey().defaultRandom(),
    invoiceId: uuid('invoice_id').notNull(),
    transport: text('transport', { enum: ['mail'] }).notNull(),
    format: text('format', { enum: invoiceSendFormats }).notNull(),
    sentTo: jsonb('sent_to').$type<string[]>().notNull(),
    sentBy: uuid('sent_by'),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull(),
    /**
     * Delivery, as the outbox's: queued for the transport; delivered; held (no SMTP configured:
     * the documents wait, readable on the invoice's page); failed after its last attempt.
     */
    status: text('status', { enum: ['queued', 'delivered', 'held', 'failed'] })
      .notNull()
      .default('queued'),
    error: text('error'),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
  },
  (t) => [
    index('invoice_sendings_invoice_idx').on(t.coopId, t.invoiceId),
    foreignKey({
      columns: [t.coopId, t.invoiceId],
      foreignColumns: [invoices.coopId, invoices.id],
    }),
  ],
);
