import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  char,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
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
import type { AgreementLine, BillingContact, TierEntitlements } from './lines.ts';

const coopId = coopIdColumn;

/** A tier's identity (its slug); what it costs and includes lives in its versions. */
export const tiers = pgTable(
  'tiers',
  {
    coopId: coopId(),
    id: uuid('id').primaryKey().defaultRandom(),
    slug: text('slug').notNull(),
    /** The version offered today; older versions stay, pinned by the agreements that bought them. */
    currentVersion: integer('current_version').notNull().default(1),
    /** Shown on the public tiers page. */
    published: boolean('published').notNull().default(true),
    /** No longer offered; agreements on it are unchanged. */
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    createdAt: createdAtColumn(),
  },
  (t) => [
    unique('tiers_coop_id_key').on(t.coopId, t.id),
    uniqueIndex('tiers_slug_idx').on(t.coopId, t.slug),
  ],
);

/** One version of a tier: never updated, so a signed agreement's terms never move. */
export const tierVersions = pgTable(
  'tier_versions',
  {
    coopId: coopId(),
    id: uuid('id').primaryKey().defaultRandom(),
    tierId: uuid('tier_id').notNull(),
    version: integer('version').notNull(),
    name: text('name').notNull(),
    summary: text('summary').notNull().default(''),
    priceMinor: bigint('price_minor', { mode: 'bigint' }).notNull(),
    currency: char('currency', { length: 3 }).notNull(),
    /** The price is per this many months (1 monthly, 3 quarterly, 12 yearly). */
    periodMonths: integer('period_months').notNull(),
    entitlements: jsonb('entitlements').$type<TierEntitlements>().notNull(),
    /** What the entitlements cost in hacker hours per month: the capacity plan's unit. */
    serviceHoursPerMonth: integer('service_hours_per_month').notNull(),
    createdAt: createdAtColumn(),
    createdBy: uuid('created_by'),
  },
  (t) => [
    unique('tier_versions_coop_id_key').on(t.coopId, t.id),
    uniqueIndex('tier_versions_version_idx').on(t.coopId, t.tierId, t.version),
    foreignKey({ columns: [t.coopId, t.tierId], foreignColumns: [tiers.coopId, tiers.id] }),
  ],
);

export const quoteStatuses = ['draft', 'sent', 'accepted', 'declined', 'withdrawn'] as const;
export type QuoteStatus = (typeof quoteStatuses)[number];

/** An offer to an organization: lines, validity, and the agreement terms it proposes. */
export const quotes = pgTable(
  'quotes',
  {
    coopId: coopId(),
    id: uuid('id').primaryKey().defaultRandom(),
    /** `Q-0001`, per co-op, for people and PDFs. */
    number: text('number').notNull(),
    organizationId: uuid('organization_id').notNull(),
    title: text('title').notNull(),
    currency: char('currency', { length: 3 }).notNull(),
    validUntil: date('valid_until').notNull(),
    startsOn: date('starts_on').notNull(),
    termMonths: integer('term_months').notNull(),
    billingPeriodMonths: integer('billing_period_months').notNull(),
    autoRenew: boolean('auto_renew').notNull(),
    noticeDays: integer('notice_days').notNull(),
    lines: jsonb('lines').$type<AgreementLine[]>().notNull(),
    notes: text('notes').notNull().default(''),
    status: text('status', { enum: quoteStatuses }).notNull().default('draft'),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    sentTo: text('sent_to'),
    /** SHA-256 of the acceptance link's secret; the secret itself is only in the mail. */
    acceptTokenHash: text('accept_token_hash'),
    /** The PDF the link shows: the document version an acceptance pins. */
    documentVersionId: uuid('document_version_id'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    agreementId: uuid('agreement_id'),
    createdAt: createdAtColumn(),
    createdBy: uuid('created_by'),
  },
  (t) => [
    unique('quotes_coop_id_key').on(t.coopId, t.id),
    uniqueIndex('quotes_number_idx').on(t.coopId, t.number),
    uniqueIndex('quotes_token_idx').on(t.coopId, t.acceptTokenHash),
    index('quotes_organization_idx').on(t.coopId, t.organizationId),
    foreignKey({
      columns: [t.coopId, t.organizationId],
      foreignColumns: [organizations.coopId, organizations.id],
    }),
  ],
);

export const agreementStatuses = ['active', 'cancelled', 'ended'] as const;
export type AgreementStatus = (typeof agreementStatuses)[number];

/** A signed retainer: the terms and lines it pins, its current term, how it renews. */
export const agreements = pgTable(
  'agreements',
  {
    coopId: coopId(),
    id: uuid('id').primaryKey().defaultRandom(),
    number: text('number').notNull(),
    organizationId: uuid('organization_id').notNull(),
    quoteId: uuid('quote_id'),
    title: text('title').notNull(),
    currency: char('currency', { length: 3 }).notNull(),
    startsOn: date('starts_on').notNull(),
    termMonths: integer('term_months').notNull(),
    currentTermStartsOn: date('current_term_starts_on').notNull(),
    /** The last day of the current term. */
    currentTermEndsOn: date('current_term_ends_on').notNull(),
    autoRenew: boolean('auto_renew').notNull(),
    /** Days before a term's end by which a cancellation must arrive to stop the renewal. */
    noticeDays: integer('notice_days').notNull(),
    /** Days before a term's end at which `agreement.renewal-term-due` is announced. */
    renewalNoticeDays: jsonb('renewal_notice_days').$type<number[]>().notNull(),
    billingPeriodMonths: integer('billing_period_months').notNull(),
    lines: jsonb('lines').$type<AgreementLine[]>().notNull(),
    buyerReference: text('buyer_reference'),
    billingContacts: jsonb('billing_contacts').$type<BillingContact[]>().notNull(),
    /** Invoicing is blocked without a purchase order in force (the buyer's procurement rule). */
    purchaseOrderRequired: boolean('purchase_order_required').notNull().default(false),
    /** The hackers who serve this sponsor: the capacity plan's load. */
    servingHackerIds: jsonb('serving_hacker_ids').$type<string[]>().notNull(),
    status: text('status', { enum: agreementStatuses }).notNull().default('active'),
    /** The last day served: set when cancelled (the term's end the notice reached) or ended. */
    endsOn: date('ends_on'),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    cancelReason: text('cancel_reason'),
    /** The retainer agreement document this agreement was signed as. */
    documentVersionId: uuid('document_version_id'),
    createdAt: createdAtColumn(),
    createdBy: uuid('created_by'),
  },
  (t) => [
    unique('agreements_coop_id_key').on(t.coopId, t.id),
    uniqueIndex('agreements_number_idx').on(t.coopId, t.number),
    uniqueIndex('agreements_quote_idx')
      .on(t.coopId, t.quoteId)
      .where(sql`${t.quoteId} is not null`),
    index('agreements_organization_idx').on(t.coopId, t.organizationId),
    foreignKey({
      columns: [t.coopId, t.organizationId],
      foreignColumns: [organizations.coopId, organizations.id],
    }),
  ],
);

/** Which renewal announcements were made: each (term, days before) once. */
export const agreementRenewalNotices = pgTable(
  'agreement_renewal_notices',
  {
    coopId: coopId(),
    agreementId: uuid('agreement_id').notNull(),
    termEndsOn: date('term_ends_on').notNull(),
    daysBefore: integer('days_before').notNull(),
    announcedAt: timestamp('announced_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.coopId, t.agreementId, t.termEndsOn, t.daysBefore] }),
    foreignKey({
      columns: [t.coopId, t.agreementId],
      foreignColumns: [agreements.coopId, agreements.id],
    }),
  ],
);

/** The buyer's purchase order: a number, an amount to draw on, a validity. */
export const purchaseOrders = pgTable(
  'purchase_orders',
  {
    coopId: coopId(),
    id: uuid('id').primaryKey().defaultRandom(),
    agreementId: uuid('agreement_id').notNull(),
    number: text('number').notNull(),
    amountMinor: bigint('amount_minor', { mode: 'bigint' }).notNull(),
    currency: char('currency', { length: 3 }).notNull(),
    validFrom: date('valid_from').notNull(),
    validUntil: date('valid_until').notNull(),
    /** Warn when what remains after an invoice falls below this share of the amount. */
    warnBelowPercent: integer('warn_below_percent').notNull().default(20),
    /** Warn when the order expires within this many days of an invoice. */
    warnDaysBefore: integer('warn_days_before').notNull().default(30),
    createdAt: createdAtColumn(),
    createdBy: uuid('created_by'),
  },
  (t) => [
    unique('purchase_orders_coop_id_key').on(t.coopId, t.id),
    uniqueIndex('purchase_orders_number_idx').on(t.coopId, t.agreementId, t.number),
    foreignKey({
      columns: [t.coopId, t.agreementId],
      foreignColumns: [agreements.coopId, agreements.id],
    }),
  ],
);

/** What invoices drew on a purchase order; a released draw (a cancelled draft) frees its amount. */
export const purchaseOrderDraws = pgTable(
  'purchase_order_draws',
  {
    coopId: coopId(),
    id: uuid('id').primaryKey().defaultRandom(),
    purchaseOrderId: uuid('purchase_order_id').notNull(),
    amountMinor: bigint('amount_minor', { mode: 'bigint' }).notNull(),
    drawnOn: date('drawn_on').notNull(),
    /** What drew it (an invoice's id): one live draw per reference. */
    reference: text('reference').notNull(),
    releasedAt: timestamp('released_at', { withTimezone: true }),
    createdAt: createdAtColumn(),
  },
  (t) => [
    unique('purchase_order_draws_coop_id_key').on(t.coopId, t.id),
    uniqueIndex('purchase_order_draws_live_idx')
      .on(t.coopId, t.purchaseOrderId, t.reference)
      .where(sql`${t.releasedAt} is null`),
    foreignKey({
      columns: [t.coopId, t.purchaseOrderId],
      foreignColumns: [purchaseOrders.coopId, purchaseOrders.id],
    }),
  ],
);

/** Sponsor-service hours a hacker gives each month, when not the bylaws' default. */
export const hackerServiceHours = pgTable(
  'hacker_service_hours',
  {
    coopId: coopId(),
    personId: uuid('person_id').notNull(),
    hoursPerMonth: integer('hours_per_month').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.coopId, t.personId] })],
);
