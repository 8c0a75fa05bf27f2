import {
  bigint,
  check,
  date,
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { organizations } from '../organizations/schema.ts';
import { bytea, coopIdColumn, createdAtColumn } from '../platform/db/schema.ts';
import { requestSeverities } from './events.ts';

const coopId = coopIdColumn;

export const requestStatuses = ['open', 'waiting-on-sponsor', 'resolved'] as const;
export type RequestStatus = (typeof requestStatuses)[number];

/** A sponsor's question or incident: what the expert-access entitlement is spent on. */
export const sponsorRequests = pgTable(
  'sponsor_requests',
  {
    coopId: coopId(),
    id: uuid('id').primaryKey().defaultRandom(),
    /** Counted per co-op from 1: what people say on the phone ("request 12"). */
    number: integer('number').notNull(),
    organizationId: uuid('organization_id').notNull(),
    /** The agreement in force when it was opened (its tier sets the targets); null if none. */
    agreementId: uuid('agreement_id'),
    subject: text('subject').notNull(),
    /** Markdown, shown as text. */
    details: text('details').notNull(),
    severity: text('severity', { enum: requestSeverities }).notNull(),
    status: text('status', { enum: requestStatuses }).notNull().default('open'),
    waitingReason: text('waiting_reason'),
    openedBy: uuid('opened_by').notNull(),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    lastActivityAt: timestamp('last_activity_at', { withTimezone: true }).notNull(),
    createdAt: createdAtColumn(),
  },
  (t) => [
    unique('sponsor_requests_coop_id_key').on(t.coopId, t.id),
    uniqueIndex('sponsor_requests_number_idx').on(t.coopId, t.number),
    index('sponsor_requests_organization_idx').on(t.coopId, t.organizationId, t.status),
    foreignKey({
      columns: [t.coopId, t.organizationId],
      foreignColumns: [organizations.coopId, organizations.id],
    }),
  ],
);

export const requestEntryKinds = ['reply', 'waiting', 'resolved', 'reopened'] as const;
export type RequestEntryKind = (typeof requestEntryKinds)[number];

/**
 * The thread: replies from both sides, and the co-op's and sponsor's status changes with their
 * reasons, in order. A co-op reply records the minutes spent, counted against the month of
 * `spentOn` (the day it was written).
 */
export const sponsorRequestEntries = pgTable(
  'sponsor_request_entries',
  {
    coopId: coopId(),
    id: uuid('id').primaryKey().defaultRandom(),
    requestId: uuid('request_id').notNull(),
    /** The thread's order: two entries in the same millisecond still come in the order written. */
    position: bigint('position', { mode: 'number' }).generatedAlwaysAsIdentity(),
    kind: text('kind', { enum: requestEntryKinds }).notNull(),
    side: text('side', { enum: ['coop', 'sponsor'] }).notNull(),
    authorId: uuid('author_id').notNull(),
    body: text('body').notNull(),
    minutesSpent: integer('minutes_spent'),
    spentOn: date('spent_on'),
    createdAt: createdAtColumn(),
  },
  (t) => [
    unique('sponsor_request_entries_coop_id_key').on(t.coopId, t.id),
    index('sponsor_request_entries_request_idx').on(t.coopId, t.requestId, t.position),
    check(
      'sponsor_request_entries_minutes_check',
      sql`${t.minutesSpent} is null or (${t.side} = 'coop' and ${t.minutesSpent} >= 0 and ${t.spentOn} is not null)`,
    ),
    foreignKey({
      columns: [t.coopId, t.requestId],
      foreignColumns: [sponsorRequests.coopId, sponsorRequests.id],
    }),
  ],
);

/** Small files attached to a request or a reply, kept in the database so backups hold them. */
export const sponsorRequestAttachments = pgTable(
  'sponsor_request_attachments',
  {
    coopId: coopId(),
    id: uuid('id').primaryKey().defaultRandom(),
    requestId: uuid('request_id').notNull(),
    /** The reply it came with; null for those given when the request was opened. */
    entryId: uuid('entry_id'),
    name: text('name').notNull(),
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    content: bytea('content').notNull(),
    uploadedBy: uuid('uploaded_by').notNull(),
    createdAt: createdAtColumn(),
  },
  (t) => [
    index('sponsor_request_attachments_request_idx').on(t.coopId, t.requestId),
    foreignKey({
      columns: [t.coopId, t.requestId],
      foreignColumns: [sponsorRequests.coopId, sponsorRequests.id],
    }),
  ],
);

/** Which events were mailed about: the mail consumer may see an event twice, people may not. */
export const sponsorRequestNotices = pgTable(
  'sponsor_request_notices',
  {
    coopId: coopId(),
    eventSeq: bigint('event_seq', { mode: 'number' }).notNull(),
    requestId: uuid('request_id').notNull(),
    recipients: integer('recipients').notNull(),
    createdAt: createdAtColumn(),
  },
  (t) => [primaryKey({ columns: [t.coopId, t.eventSeq] })],
);
