import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
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
import { agreements } from '../agreements/schema.ts';
import { invoices } from '../invoicing/schema.ts';
import { people } from '../members/schema.ts';
import { organizations } from '../organizations/schema.ts';
import { coopIdColumn, createdAtColumn } from '../platform/db/schema.ts';
import type { WeeklyHours } from './calendar/businessHours.ts';
import type { ServiceCalendar } from './calendar/serviceCalendar.ts';

/** A sponsor's service calendar: business-hours targets count on it. One per organization. */
export const serviceCalendars = pgTable(
  'service_calendars',
  {
    coopId: coopIdColumn(),
    organizationId: uuid('organization_id').notNull(),
    timeZone: text('time_zone').notNull(),
    hours: jsonb('hours').$type<WeeklyHours>().notNull(),
    holidayCountry: text('holiday_country'),
    holidayRegion: text('holiday_region'),
    closedDays: jsonb('closed_days').$type<string[]>().notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    updatedBy: uuid('updated_by'),
  },
  (t) => [
    primaryKey({ columns: [t.coopId, t.organizationId] }),
    foreignKey({
      columns: [t.coopId, t.organizationId],
      foreignColumns: [organizations.coopId, organizations.id],
    }),
    foreignKey({ columns: [t.coopId, t.updatedBy], foreignColumns: [people.coopId, people.id] }),
  ],
);

export const clockKinds = [
  'first-response',
  'update',
  'resolution',
  'impact-note',
  'vulnerability-response',
] as const;
export type ClockKind = (typeof clockKinds)[number];
export const clockStates = ['running', 'paused', 'met', 'breached'] as const;
export type ClockState = (typeof clockStates)[number];

/**
 * One promise with a deadline: a target started at a moment for a subject (a sponsor's request,
 * a vulnerability). `state`, `deadlineAt` and `warnAt` are written with each entry, as the
 * entry's consequence; the entries are the evidence.
 */
export const serviceClocks = pgTable(
  'service_clocks',
  {
    coopId: coopIdColumn(),
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id').notNull(),
    kind: text('kind', { enum: clockKinds }).notNull(),
    subjectType: text('subject_type', { enum: ['sponsor-request', 'vulnerability'] }).notNull(),
    subjectId: uuid('subject_id').notNull(),
    /** Update clocks follow each other on one request: 1, 2, 3... */
    sequence: integer('sequence').notNull().default(1),
    severity: text('severity'),
    agreementId: uuid('agreement_id'),
    targetMinutes: integer('target_minutes').notNull(),
    mode: text('mode', { enum: ['wall', 'business'] }).notNull(),
    pausable: boolean('pausable').notNull(),
    /** The calendar the clock counts on, as it was when it started (null: wall clock). */
    calendar: jsonb('calendar').$type<ServiceCalendar>(),
    state: text('state', { enum: clockStates }).notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    /** Counted time (ms, in the clock's mode) before the current run; pauses add nothing. */
    usedMs: bigint('used_ms', { mode: 'number' }).notNull().default(0),
    /** Since when it runs (its start or its last resume); null while paused or stopped. */
    runningSince: timestamp('running_since', { withTimezone: true }),
    deadlineAt: timestamp('deadline_at', { withTimezone: true }),
    warnAt: timestamp('warn_at', { withTimezone: true }),
    warned: boolean('warned').notNull().default(false),
    stoppedAt: timestamp('stopped_at', { withTimezone: true }),
    createdAt: createdAtColumn(),
  },
  (t) => [
    unique('service_clocks_coop_id_key').on(t.coopId, t.id),
    uniqueIndex('service_clocks_subject_idx').on(
      t.coopId,
      t.subjectId,
      t.organizationId,
      t.kind,
      t.sequence,
    ),
    index('service_clocks_running_idx').on(t.coopId, t.state, t.deadlineAt),
    index('service_clocks_organization_idx').on(t.coopId, t.organizationId, t.startedAt),
    // The subject is a request or a vulnerability (`subject_type`): no one table to point at.
    foreignKey({
      columns: [t.coopId, t.organizationId],
      foreignColumns: [organizations.coopId, organizations.id],
    }),
    foreignKey({
      columns: [t.coopId, t.agreementId],
      foreignColumns: [agreements.coopId, agreements.id],
    }),
  ],
);

export const clockEntryKinds = [
  'started',
  'paused',
  'resumed',
  'warned',
  'met',
  'breached',
  'answered-late',
] as const;
export type ClockEntryKind = (typeof clockEntryKinds)[number];

/** What happened to a clock, when, by whom, and why: the evidence a compliance report lists. */
export const serviceClockEntries = pgTable(
  'service_clock_entries',
  {
    coopId: coopIdColumn(),
    id: uuid('id').primaryKey().defaultRandom(),
    clockId: uuid('clock_id').notNull(),
    kind: text('kind', { enum: clockEntryKinds }).notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    /** The person whose act it was (the reply's author); null for the co-op's own checks. */
    byPersonId: uuid('by_person_id'),
    reason: text('reason'),
    /** The event that caused it (a request's reply), when one did. */
    causeEventSeq: bigint('cause_event_seq', { mode: 'number' }),
    createdAt: createdAtColumn(),
  },
  (t) => [
    index('service_clock_entries_clock_idx').on(t.coopId, t.clockId, t.at),
    foreignKey({
      columns: [t.coopId, t.clockId],
      foreignColumns: [serviceClocks.coopId, serviceClocks.id],
    }),
    foreignKey({ columns: [t.coopId, t.byPersonId], foreignColumns: [people.coopId, people.id] }),
  ],
);

/**
 * The events the clocks have followed, each once: delivery is at least once, and a replayed
 * reply must not meet a clock twice or start a second update clock.
 */
export const serviceLevelFollowedEvents = pgTable(
  'service_level_followed_events',
  {
    coopId: coopIdColumn(),
    eventSeq: bigint('event_seq', { mode: 'number' }).notNull(),
    createdAt: createdAtColumn(),
  },
  (t) => [primaryKey({ columns: [t.coopId, t.eventSeq] })],
);

export const serviceCreditStates = ['proposed', 'confirmed', 'declined', 'issued'] as const;
export type ServiceCreditState = (typeof serviceCreditStates)[number];

/** One credit note (or part of one) a confirmed service credit was issued as. */
export interface ServiceCreditIssue {
  invoiceId: string;
  invoiceNumber: string;
  creditNoteId: string;
  creditNoteNumber: string;
  amountMinor: string;
}

/**
 * What a breached clock costs the co-op under the sponsor's agreement: proposed by the breach,
 * confirmed or declined (with the reason) by officers, and issued as credit notes on the
 * sponsor's next invoices until `issuedMinor` reaches `amountMinor`. One per clock.
 */
export const serviceCredits = pgTable(
  'service_credits',
  {
    coopId: coopIdColumn(),
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id').notNull(),
    agreementId: uuid('agreement_id').notNull(),
    clockId: uuid('clock_id').notNull(),
    amountMinor: bigint('amount_minor', { mode: 'bigint' }).notNull(),
    /** What the credit notes gave so far; the rest waits for the next invoice. */
    issuedMinor: bigint('issued_minor', { mode: 'bigint' })
      .notNull()
      .default(sql`0`),
    currency: text('currency').notNull(),
    /** The agreement's billing period of the breach: the cap counts per period. */
    periodStart: text('period_start').notNull(),
    periodEnd: text('period_end').notNull(),
    state: text('state', { enum: serviceCreditStates }).notNull(),
    /** How the amount was reached, as the terms stood: the period's fee, the share, the cap. */
    periodFeeMinor: bigint('period_fee_minor', { mode: 'bigint' }).notNull(),
    perBreachBasisPoints: integer('per_breach_basis_points').notNull(),
    capBasisPoints: integer('cap_basis_points').notNull(),
    /** What earlier credits of the period had taken of the cap when this one was proposed. */
    takenMinor: bigint('taken_minor', { mode: 'bigint' }).notNull(),
    /** The same in a sentence (English, as the event log keeps it). */
    proposalReason: text('proposal_reason').notNull(),
    declineReason: text('decline_reason'),
    /** The first credit note it was issued on (null until then); all of them in `issues`. */
    creditNoteId: uuid('credit_note_id'),
    issues: jsonb('issues').$type<ServiceCreditIssue[]>().notNull().default([]),
    proposedAt: timestamp('proposed_at', { withTimezone: true }).notNull(),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decidedBy: uuid('decided_by'),
    issuedAt: timestamp('issued_at', { withTimezone: true }),
    createdAt: createdAtColumn(),
  },
  (t) => [
    uniqueIndex('service_credits_clock_idx').on(t.coopId, t.clockId),
    index('service_credits_organization_idx').on(t.coopId, t.organizationId, t.state),
    foreignKey({
      columns: [t.coopId, t.clockId],
      foreignColumns: [serviceClocks.coopId, serviceClocks.id],
    }),
    foreignKey({
      columns: [t.coopId, t.organizationId],
      foreignColumns: [organizations.coopId, organizations.id],
    }),
    foreignKey({
      columns: [t.coopId, t.agreementId],
      foreignColumns: [agreements.coopId, agreements.id],
    }),
    foreignKey({ columns: [t.coopId, t.decidedBy], foreignColumns: [people.coopId, people.id] }),
    foreignKey({
      columns: [t.coopId, t.creditNoteId],
      foreignColumns: [invoices.coopId, invoices.id],
    }),
  ],
);
