import {
  date,
  foreignKey,
  index,
  jsonb,
  pgTable,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { people } from '../members/schema.ts';
import { organizations } from '../organizations/schema.ts';
import { coopIdColumn, createdAtColumn } from '../platform/db/schema.ts';
import type { DigestContent } from './content.ts';
import { digestFrequencies, type DigestFrequency } from './frequencies.ts';

export { digestFrequencies, type DigestFrequency };

export const digestStates = ['prepared', 'sent'] as const;
export type DigestState = (typeof digestStates)[number];

/**
 * One sponsor's digest for one period: what the co-op did for it, assembled from the other
 * domains' records when prepared, with the officer's note. Once sent it is what the sponsor
 * received, so a trigger refuses any change to it (and its deletion).
 */
export const sponsorDigests = pgTable(
  'sponsor_digests',
  {
    coopId: coopIdColumn(),
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id').notNull(),
    periodFrom: date('period_from').notNull(),
    periodTo: date('period_to').notNull(),
    frequency: text('frequency', { enum: digestFrequencies }).notNull(),
    content: jsonb('content').$type<DigestContent>().notNull(),
    note: text('note').notNull().default(''),
    state: text('state', { enum: digestStates }).notNull().default('prepared'),
    /** SHA-256 of the content and the note as sent (RFC 8785), what the PDF prints. */
    contentHash: text('content_hash').notNull(),
    preparedAt: timestamp('prepared_at', { withTimezone: true }).notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    sentBy: uuid('sent_by'),
    createdAt: createdAtColumn(),
  },
  (t) => [
    unique('sponsor_digests_coop_id_key').on(t.coopId, t.id),
    // One digest per sponsor and period: the daily job and an officer cannot make two. A period
    // is its two ends: a week and a month may start on the same Monday.
    uniqueIndex('sponsor_digests_period_idx').on(
      t.coopId,
      t.organizationId,
      t.periodFrom,
      t.periodTo,
    ),
    index('sponsor_digests_state_idx').on(t.coopId, t.state, t.periodTo),
    foreignKey({
      columns: [t.coopId, t.organizationId],
      foreignColumns: [organizations.coopId, organizations.id],
    }),
    foreignKey({ columns: [t.coopId, t.sentBy], foreignColumns: [people.coopId, people.id] }),
  ],
);

/**
 * Who a sent digest was mailed to, one row per person: the dispatcher may deliver
 * `sponsor-digest.sent` twice, and a person already here is not mailed again.
 */
export const sponsorDigestMailings = pgTable(
  'sponsor_digest_mailings',
  {
    coopId: coopIdColumn(),
    digestId: uuid('digest_id').notNull(),
    personId: uuid('person_id').notNull(),
    email: text('email').notNull(),
    mailedAt: timestamp('mailed_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('sponsor_digest_mailings_person_idx').on(t.coopId, t.digestId, t.personId),
    foreignKey({
      columns: [t.coopId, t.digestId],
      foreignColumns: [sponsorDigests.coopId, sponsorDigests.id],
    }),
    foreignKey({ columns: [t.coopId, t.personId], foreignColumns: [people.coopId, people.id] }),
  ],
);
