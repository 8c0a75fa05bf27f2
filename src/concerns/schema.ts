import { sql } from 'drizzle-orm';
import {
  date,
  foreignKey,
  index,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { people } from '../members/schema.ts';
import { organizations } from '../organizations/schema.ts';
import { coopIdColumn, createdAtColumn } from '../platform/db/schema.ts';
import { answerKinds } from './answerInput.ts';

/**
 * What a topic can be attached to: governance's work items and polls, and the releases and
 * planned changes, each read through its own domain.
 */
export const subjectKinds = ['work-item', 'poll', 'release'] as const;
export type SubjectKind = (typeof subjectKinds)[number];

// The kinds live with the answer's input schema, which the web app bundles without this file.
export { answerKinds };
export type AnswerKind = (typeof answerKinds)[number];
/** How an answer came: the portal, the mailed link, or a reply to the mail. */
export const answerChannels = ['portal', 'link', 'mail'] as const;
export type AnswerChannel = (typeof answerChannels)[number];

/**
 * A sponsor's concerns: the topics it cares about, the systems and constraints it depends on,
 * and whom among its contacts to ask. One row per organization, replaced as a whole.
 */
export const sponsorConcerns = pgTable(
  'sponsor_concerns',
  {
    coopId: coopIdColumn(),
    organizationId: uuid('organization_id').notNull(),
    topics: text('topics')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    systems: text('systems').notNull().default(''),
    constraints: text('constraints').notNull().default(''),
    /** People among the organization's contacts to consult; its representatives when empty. */
    contactIds: uuid('contact_ids')
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.coopId, t.organizationId] }),
    foreignKey({
      columns: [t.coopId, t.organizationId],
      foreignColumns: [organizations.coopId, organizations.id],
    }),
    index('sponsor_concerns_topics_idx').using('gin', t.topics),
  ],
);

/**
 * Topics on governance's items, kept here so governance's tables stay governance's: the
 * subject is named by kind and id, checked through governance's reads when tagged.
 */
export const topicTags = pgTable(
  'topic_tags',
  {
    coopId: coopIdColumn(),
    subjectKind: text('subject_kind', { enum: subjectKinds }).notNull(),
    subjectId: uuid('subject_id').notNull(),
    topic: text('topic').notNull(),
    createdAt: createdAtColumn(),
  },
  (t) => [
    primaryKey({ columns: [t.coopId, t.subjectKind, t.subjectId, t.topic] }),
    index('topic_tags_topic_idx').on(t.coopId, t.topic),
  ],
);

/** A consultation on an item: what changes, by when an answer is wanted, and to whom it went. */
export const consultations = pgTable(
  'consultations',
  {
    coopId: coopIdColumn(),
    id: uuid('id').primaryKey().defaultRandom(),
    subjectKind: text('subject_kind', { enum: subjectKinds }).notNull(),
    subjectId: uuid('subject_id').notNull(),
    /** The item's title when the consultation opened, for mails and the inbox. */
    subjectTitle: text('subject_title').notNull(),
    whatChanges: text('what_changes').notNull(),
    answerBy: date('answer_by').notNull(),
    /** The sponsors consulted, as listed when it opened; later concerns do not widen it. */
    organizationIds: uuid('organization_ids').array().notNull(),
    topics: text('topics').array().notNull(),
    openedBy: uuid('opened_by'),
    openedAt: timestamp('opened_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    unique('consultations_coop_id_key').on(t.coopId, t.id),
    index('consultations_subject_idx').on(t.coopId, t.subjectKind, t.subjectId),
    index('consultations_organizations_idx').using('gin', t.organizationIds),
  ],
);

/**
 * One per contact mailed: the hash of their answer link's secret. Written by the mailing
 * consumer, so a repeated delivery finds the row and mails no one twice.
 */
export const consultationRecipients = pgTable(
  'consultation_recipients',
  {
    coopId: coopIdColumn(),
    consultationId: uuid('consultation_id').notNull(),
    organizationId: uuid('organization_id').notNull(),
    personId: uuid('person_id').notNull(),
    tokenHash: text('token_hash').notNull(),
    /**
     * The SHA-256 of the secret in the mail's Reply-To address, where replies are read: lowercase
     * hex, since mail systems may fold an address's case. Null when replies are not read.
     */
    replyTokenHash: text('reply_token_hash'),
    mailedAt: timestamp('mailed_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.coopId, t.consultationId, t.personId] }),
    uniqueIndex('consultation_recipients_token_idx').on(t.coopId, t.tokenHash),
    // A reply names no co-op: its secret alone finds the consultation, in any co-op.
    uniqueIndex('consultation_recipients_reply_idx').on(t.replyTokenHash),
    foreignKey({
      columns: [t.coopId, t.consultationId],
      foreignColumns: [consultations.coopId, consultations.id],
    }),
    foreignKey({ columns: [t.coopId, t.personId], foreignColumns: [people.coopId, people.id] }),
  ],
);

/** Every answer is kept: a later one adds to the thread, never replaces. */
export const consultationAnswers = pgTable(
  'consultation_answers',
  {
    coopId: coopIdColumn(),
    id: uuid('id').primaryKey().defaultRandom(),
    consultationId: uuid('consultation_id').notNull(),
    organizationId: uuid('organization_id').notNull(),
    personId: uuid('person_id'),
    kind: text('kind', { enum: answerKinds }).notNull(),
    comment: text('comment').notNull().default(''),
    via: text('via', { enum: answerChannels }).notNull(),
    answeredAt: timestamp('answered_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('consultation_answers_idx').on(t.coopId, t.consultationId),
    foreignKey({
      columns: [t.coopId, t.consultationId],
      foreignColumns: [consultations.coopId, consultations.id],
    }),
  ],
);
