import { sql } from 'drizzle-orm';
import {
  bigint,
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

/** The co-op itself; every other table carries its id so one deployment can host many. */
export const coops = pgTable('coops', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
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

/** Append-only: a trigger in the migrations refuses UPDATE and DELETE. */
export const events = pgTable(
  'events',
  {
    coopId: coopIdColumn(),
    seq: bigint('seq', { mode: 'number' }).generatedAlwaysAsIdentity(),
    type: text('type').notNull(),
    actorId: uuid('actor_id'),
    subjectType: text('subject_type').notNull(),
    subjectId: text('subject_id').notNull(),
    data: jsonb('data').notNull().default({}),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.coopId, t.seq] }),
    index('events_type_idx').on(t.coopId, t.type, t.seq),
    index('events_subject_idx').on(t.coopId, t.subjectType, t.subjectId),
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
    scope: text('scope', { enum: ['account', 'address'] }).notNull(),
    key: text('key').notNull(),
    failedAt: timestamp('failed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('login_failures_key_idx').on(t.coopId, t.scope, t.key, t.failedAt)],
);
