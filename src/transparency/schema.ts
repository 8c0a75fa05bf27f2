import { sql } from 'drizzle-orm';
import {
  bigint,
  foreignKey,
  index,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { bytea, coopIdColumn } from '../platform/db/schema.ts';

/**
 * One co-op's log: how many leaves it holds. Its row is locked while a batch is appended, so
 * two processes can never give two leaves one index.
 */
export const transparencyLogs = pgTable('transparency_logs', {
  coopId: coopIdColumn().primaryKey(),
  size: bigint('size', { mode: 'number' }).notNull().default(0),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const leafVisibilities = ['public', 'hashed'] as const;

/**
 * The leaves, in log order: the canonical JSON that was hashed (for a member-visible record, the
 * entry that holds only the record's hash). Appended by the dispatcher's `transparency`
 * consumer; each event at most once.
 */
export const transparencyLeaves = pgTable(
  'transparency_leaves',
  {
    coopId: coopIdColumn(),
    leafIndex: bigint('leaf_index', { mode: 'number' }).notNull(),
    eventSeq: bigint('event_seq', { mode: 'number' }).notNull(),
    eventType: text('event_type').notNull(),
    subjectType: text('subject_type').notNull(),
    subjectId: text('subject_id').notNull(),
    visibility: text('visibility', { enum: leafVisibilities }).notNull(),
    entry: text('entry').notNull(),
    leafHash: bytea('leaf_hash').notNull(),
    loggedAt: timestamp('logged_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.coopId, t.leafIndex] }),
    unique('transparency_leaves_event_key').on(t.coopId, t.eventSeq),
    index('transparency_leaves_subject_idx').on(t.coopId, t.subjectType, t.subjectId),
  ],
);

/**
 * The hash of every complete subtree of two leaves or more (2^level leaves from node_index *
 * 2^level); level 0 is the leaves' own hash, in transparency_leaves. A complete subtree never changes once the log has grown past it, so any proof for any past
 * size is O(log n) reads of this table, and an append writes O(1) rows amortised.
 */
export const transparencyNodes = pgTable(
  'transparency_nodes',
  {
    coopId: coopIdColumn(),
    level: smallint('level').notNull(),
    nodeIndex: bigint('node_index', { mode: 'number' }).notNull(),
    hash: bytea('hash').notNull(),
  },
  (t) => [primaryKey({ columns: [t.coopId, t.level, t.nodeIndex] })],
);

/**
 * Signed checkpoints (C2SP tlog-checkpoint notes): each tree size the log reached, and each
 * time a quiet log's unchanged head was signed again (the hourly pass), with its time.
 */
export const transparencyCheckpoints = pgTable(
  'transparency_checkpoints',
  {
    coopId: coopIdColumn(),
    treeSize: bigint('tree_size', { mode: 'number' }).notNull(),
    rootHash: bytea('root_hash').notNull(),
    /** The note as the log signed it: body, blank line, the log's signature line. */
    note: text('note').notNull(),
    signedAt: timestamp('signed_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.coopId, t.treeSize, t.signedAt] })],
);

/** Members' witness keys: whoever registers one may co-sign checkpoints. */
export const transparencyWitnesses = pgTable(
  'transparency_witnesses',
  {
    coopId: coopIdColumn(),
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id').notNull(),
    name: text('name').notNull(),
    vkey: text('vkey').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    unique('transparency_witnesses_coop_id_key').on(t.coopId, t.id),
    unique('transparency_witnesses_name_key').on(t.coopId, t.name),
  ],
);

/** A witness's cosignature line on one checkpoint, checked before it is kept. */
export const transparencyCosignatures = pgTable(
  'transparency_cosignatures',
  {
    coopId: coopIdColumn(),
    treeSize: bigint('tree_size', { mode: 'number' }).notNull(),
    witnessId: uuid('witness_id').notNull(),
    signatureLine: text('signature_line').notNull(),
    /** The time inside the cosignature: when the witness says it checked. */
    cosignedAt: timestamp('cosigned_at', { withTimezone: true }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true })
      .notNull()
      .default(sql`now()`),
  },
  (t) => [
    primaryKey({ columns: [t.coopId, t.treeSize, t.witnessId] }),
    foreignKey({
      name: 'transparency_cosignatures_witness_fk',
      columns: [t.coopId, t.witnessId],
      foreignColumns: [transparencyWitnesses.coopId, transparencyWitnesses.id],
    }),
  ],
);
