import { sql } from 'drizzle-orm';
import {
  bigint,
  customType,
  char,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

export interface OutboxAttachment {
  filename: string;
  contentType: string;
  contentBase64: string;
}

/** The co-op itself; every other table carries its id so one deployment can host many. */
export const coops = pgTable('coops', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  /** How the CLI (`--coop SLUG`) and the operator name it: unique on the deployment. */
  slug: text('slug').notNull().unique(),
  /** The host name its members reach it by, when one deployment serves several co-ops. */
  hostName: text('host_name').unique(),
  currency: char('currency', { length: 3 }).notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** The co-op id every table carries, referencing its co-op: one deployment, many co-ops later. */
export const coopIdColumn = () =>
  uuid('coop_id')
    .notNull()
    .references(() => coops.id);

export const createdAtColumn = () =>
  timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

/** PostgreSQL's 64-bit transaction id: which transaction wrote a row. */
const xid8 = customType<{ data: string }>({ dataType: () => 'xid8' });

/** Binary columns, as Buffers. */
export const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });

/** Append-only: a trigger in the migrations refuses UPDATE and DELETE. */
export const events = pgTable(
  'events',
  {
    coopId: coopIdColumn(),
    seq: bigint('seq', { mode: 'number' }).generatedAlwaysAsIdentity(),
    type: text('type').notNull(),
    /** The version of the type's data schema the event was written with. */
    version: integer('version').notNull().default(1),
    actorId: uuid('actor_id'),
    subjectType: text('subject_type').notNull(),
    subjectId: text('subject_id').notNull(),
    data: jsonb('data').notNull().default({}),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull().defaultNow(),
    // Sequence numbers are taken before commit, so on PostgreSQL seq 11 can be visible while
    // seq 10 is still uncommitted. Consumers read only events whose transaction is older than
    // every running one, in (tx_id, seq) order: no event can later appear before that point.
    txId: xid8('tx_id')
      .notNull()
      .default(sql`pg_current_xact_id()`),
  },
  (t) => [
    primaryKey({ columns: [t.coopId, t.seq] }),
    index('events_type_idx').on(t.coopId, t.type, t.seq),
    index('events_subject_idx').on(t.coopId, t.subjectType, t.subjectId),
    index('events_tx_idx').on(t.coopId, t.txId, t.seq),
  ],
);

export const jobs = pgTable(
  'jobs',
  {
    coopId: coopIdColumn(),
    id: bigint('id', { mode: 'number' }).generatedAlwaysAsIdentity().primaryKey(),
    kind: text('kind').notNull(),
    payload: jsonb('payload').notNull().default({}),
    // Recurring or idempotent jobs carry a key so that two processes scheduling the same work
    // leave one pending row.
    dedupeKey: text('dedupe_key'),
    runAt: timestamp('run_at', { withTimezone: true }).notNull().defaultNow(),
    attempts: integer('attempts').notNull().default(0),
    maxAttempts: integer('max_attempts').notNull().default(5),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    lockedBy: text('locked_by'),
    lastError: text('last_error'),
    doneAt: timestamp('done_at', { withTimezone: true }),
    failedAt: timestamp('failed_at', { withTimezone: true }),
    createdAt: createdAtColumn(),
  },
  (t) => [
    index('jobs_due_idx')
      .on(t.runAt)
      .where(sql`${t.doneAt} is null and ${t.failedAt} is null`),
    uniqueIndex('jobs_pending_dedupe_idx')
      .on(t.coopId, t.kind, t.dedupeKey)
      .where(sql`${t.doneAt} is null and ${t.failedAt} is null and ${t.dedupeKey} is not null`),
  ],
);

export const outbox = pgTable(
  'outbox',
  {
    coopId: coopIdColumn(),
    id: uuid('id').primaryKey().defaultRandom(),
    toAddress: text('to_address').notNull(),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    kind: text('kind').notNull(),
    /** Where a reply goes when it is read into the record (a consultation's answer by mail). */
    replyTo: text('reply_to'),
    /** An HTML alternative to the text body (a sponsor's digest); the text is always there. */
    html: text('html'),
    /** Files sent with the mail (a digest's PDF), the content in base64. */
    attachments: jsonb('attachments').$type<OutboxAttachment[]>(),
    // queued: waiting for the worker; sent: handed to SMTP; held: no SMTP configured, read it here.
    status: text('status', { enum: ['queued', 'sent', 'held', 'failed'] })
      .notNull()
      .default('queued'),
    error: text('error'),
    createdAt: createdAtColumn(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [index('outbox_created_idx').on(t.coopId, t.createdAt)],
);

/** Failed sign-ins only: successful ones are never counted, so a shared venue address is fine. */
export const loginFailures = pgTable(
  'login_failures',
  {
    coopId: coopIdColumn(),
    id: bigint('id', { mode: 'number' }).generatedAlwaysAsIdentity().primaryKey(),
    // `pair` is one account seen from one address (key: `email address`); see members/loginThrottle.ts.
    scope: text('scope', { enum: ['account', 'pair', 'address'] }).notNull(),
    key: text('key').notNull(),
    failedAt: timestamp('failed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('login_failures_key_idx').on(t.coopId, t.scope, t.key, t.failedAt)],
);

/**
 * How far each consumer of the event log (mail, webhooks...) has got in each co-op's events.
 * A consumer leases its row to work, so one process at a time delivers a co-op's events to it,
 * in order; a failure backs off this consumer alone.
 */
export const eventCursors = pgTable(
  'event_cursors',
  {
    coopId: coopIdColumn(),
    consumer: text('consumer').notNull(),
    // The last event handled, as (transaction id, seq): the order in which events become final.
    positionTx: xid8('position_tx')
      .notNull()
      .default(sql`'0'::xid8`),
    position: bigint('position', { mode: 'number' }).notNull().default(0),
    failures: integer('failures').notNull().default(0),
    retryAt: timestamp('retry_at', { withTimezone: true }),
    lastError: text('last_error'),
    leasedUntil: timestamp('leased_until', { withTimezone: true }),
    leasedBy: text('leased_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.coopId, t.consumer] })],
);
