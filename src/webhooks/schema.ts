import { sql } from 'drizzle-orm';
import {
  bigint,
  foreignKey,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { coopIdColumn } from '../platform/db/schema.ts';

/**
 * Where the co-op POSTs its public events. The secrets are kept as they are (not hashed): an
 * HMAC needs the key itself. The API shows a secret once, when it is made.
 */
export const webhookEndpoints = pgTable(
  'webhook_endpoints',
  {
    coopId: coopIdColumn(),
    id: uuid('id').primaryKey().defaultRandom(),
    url: text('url').notNull(),
    description: text('description').notNull().default(''),
    // Null: every public event type, including types added by later versions.
    eventTypes: text('event_types').array(),
    secret: text('secret').notNull(),
    // During a rotation the old secret signs too, until it expires.
    previousSecret: text('previous_secret'),
    previousSecretExpiresAt: timestamp('previous_secret_expires_at', { withTimezone: true }),
    disabledAt: timestamp('disabled_at', { withTimezone: true }),
    disabledReason: text('disabled_reason'),
    // Deliveries that failed for good in a row; a success resets it. Reaching the limit disables.
    consecutiveFailures: integer('consecutive_failures').notNull().default(0),
    // Set from the command's clock: an endpoint receives only events that occurred after it.
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    unique('webhook_endpoints_coop_id_key').on(t.coopId, t.id),
    index('webhook_endpoints_coop_idx').on(t.coopId, t.createdAt),
  ],
);

export const deliveryStatuses = ['pending', 'succeeded', 'failed'] as const;
export type DeliveryStatus = (typeof deliveryStatuses)[number];

/** One event to one endpoint: its attempts so far and how the last one went. */
export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    coopId: coopIdColumn(),
    id: uuid('id').primaryKey().defaultRandom(),
    endpointId: uuid('endpoint_id').notNull(),
    eventSeq: bigint('event_seq', { mode: 'number' }).notNull(),
    eventType: text('event_type').notNull(),
    attempts: integer('attempts').notNull().default(0),
    status: text('status', { enum: deliveryStatuses }).notNull().default('pending'),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }),
    lastStatusCode: integer('last_status_code'),
    lastResponseMs: integer('last_response_ms'),
    lastError: text('last_error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    // The consumer may see an event twice (at-least-once): one delivery per endpoint and event.
    uniqueIndex('webhook_deliveries_event_idx').on(t.coopId, t.endpointId, t.eventSeq),
    index('webhook_deliveries_endpoint_idx').on(t.coopId, t.endpointId, t.createdAt),
    index('webhook_deliveries_failed_idx')
      .on(t.coopId, t.endpointId)
      .where(sql`${t.status} = 'failed'`),
    foreignKey({
      columns: [t.coopId, t.endpointId],
      foreignColumns: [webhookEndpoints.coopId, webhookEndpoints.id],
    }).onDelete('cascade'),
  ],
);
