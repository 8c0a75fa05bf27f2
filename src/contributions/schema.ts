import { sql } from 'drizzle-orm';
import {
  boolean,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { people } from '../members/schema.ts';
import { coopIdColumn, createdAtColumn } from '../platform/db/schema.ts';

const at = (name: string) => timestamp(name, { withTimezone: true });

/** A git repository of the co-op: a path on the server, or a URL the server mirrors. */
export const repositories = pgTable(
  'repositories',
  {
    coopId: coopIdColumn(),
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    /** `path`: read where it is; `url`: cloned (`--mirror`) into the data directory. */
    sourceKind: text('source_kind', { enum: ['path', 'url'] }).notNull(),
    location: text('location').notNull(),
    /** Null: what the repository says (origin/HEAD, HEAD of a mirror, main, master). */
    defaultBranch: text('default_branch'),
    /** Authors to skip as bots in the DCO check (emails or names, `*` wildcards). */
    botPatterns: text('bot_patterns')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    lastSyncedAt: at('last_synced_at'),
    lastSyncError: text('last_sync_error'),
    /**
     * Set when an officer removes (deregisters) it: no longer synced or listed, its name free
     * again; its commits stay, as they count in members' records and patronage already shared.
     */
    removedAt: at('removed_at'),
    createdAt: createdAtColumn(),
  },
  (t) => [
    uniqueIndex('repositories_name_idx')
      .on(t.coopId, sql`lower(${t.name})`)
      .where(sql`${t.removedAt} is null`),
    unique('repositories_coop_id_key').on(t.coopId, t.id),
  ],
);

/** Every branch and tag as last ingested: what the next sync starts from. */
export const repositoryRefs = pgTable(
  'repository_refs',
  {
    coopId: coopIdColumn(),
    repositoryId: uuid('repository_id').notNull(),
    ref: text('ref').notNull(),
    sha: text('sha').notNull(),
    updatedAt: at('updated_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.repositoryId, t.ref] }),
    foreignKey({
      columns: [t.coopId, t.repositoryId],
      foreignColumns: [repositories.coopId, repositories.id],
    }).onDelete('cascade'),
  ],
);

/**
 * One commit as git reports it, with the DCO verdict on it alone and its integration.
 *
 * Its repository (and through it its co-op) is checked by triggers once per statement (migration
 * 0036), not by foreign keys: PostgreSQL checks a foreign key with a query per row, a third of
 * the database's work when a sync stores 100,000 commits a few thousand at a time. The triggers
 * keep what the keys did: an insert or update naming no repository of the co-op fails, a
 * repository deleted takes its commits with it, and its key cannot change under them. What they
 * do not: a `TRUNCATE repositories` without CASCADE (only a whole restore truncates, and it
 * truncates commits in the same statement), and a repository deleted in a REPEATABLE READ
 * transaction while a sync commits (nothing deletes repositories today; the only such
 * transaction is the backup's read).
 */
export const commits = pgTable(
  'commits',
  {
    coopId: uuid('coop_id').notNull(),
    repositoryId: uuid('repository_id').notNull(),
    sha: text('sha').notNull(),
    parents: text('parents').array().notNull(),
    authorName: text('author_name').notNull(),
    authorEmail: text('author_email').notNull(),
    authoredAt: at('authored_at').notNull(),
    /** The author's UTC offset in minutes, as git recorded it. */
    authorTz: smallint('author_tz').notNull(),
    committerName: text('committer_name').notNull(),
    committerEmail: text('committer_email').notNull(),
    committedAt: at('committed_at').notNull(),
    committerTz: smallint('committer_tz').notNull(),
    message: text('message').notNull(),
    /** [[key, value]] as git parses them: Signed-off-by, Co-authored-by, Reviewed-by... */
    trailers: jsonb('trailers').$type<[string, string][]>().notNull(),
    /**
     * [path, lines added, lines removed] per file changed (null counts: a binary file), as
     * `--numstat` prints them; null for a commit stored before paths were recorded.
     */
    changes: jsonb('changes').$type<[string, number | null, number | null][]>(),
    files: integer('files').notNull(),
    insertions: integer('insertions').notNull(),
    deletions: integer('deletions').notNull(),
    dcoOk: boolean('dco_ok').notNull(),
    dcoSkipped: text('dco_skipped'),
    dcoReason: text('dco_reason'),
    /** When it reached the default branch: the committer time of the mainline commit that brought it. */
    integratedAt: at('integrated_at'),
    integratedBy: text('integrated_by'),
    firstSeenAt: at('first_seen_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.repositoryId, t.sha] })],
);

/** A branch or tag that moved to a commit not descending from where it was: a force push. */
export const historyRewrites = pgTable(
  'history_rewrites',
  {
    coopId: coopIdColumn(),
    id: uuid('id').primaryKey().defaultRandom(),
    repositoryId: uuid('repository_id').notNull(),
    ref: text('ref').notNull(),
    oldSha: text('old_sha').notNull(),
    newSha: text('new_sha').notNull(),
    /** Commits reachable from the old tip and no longer from the new one (null: old tip gone). */
    droppedCommits: integer('dropped_commits'),
    detectedAt: at('detected_at').notNull(),
  },
  (t) => [
    foreignKey({
      columns: [t.coopId, t.repositoryId],
      foreignColumns: [repositories.coopId, repositories.id],
    }).onDelete('cascade'),
    index('history_rewrites_repo_idx').on(t.repositoryId),
  ],
);

/** The DCO check of a branch's own commits (those not on the default branch), as of its tip. */
export const branchChecks = pgTable(
  'branch_checks',
  {
    coopId: coopIdColumn(),
    repositoryId: uuid('repository_id').notNull(),
    ref: text('ref').notNull(),
    headSha: text('head_sha').notNull(),
    commitCount: integer('commit_count').notNull(),
    failureCount: integer('failure_count').notNull(),
    verdicts: jsonb('verdicts').notNull(),
    remediation: text('remediation').notNull(),
    checkedAt: at('checked_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.repositoryId, t.ref] }),
    foreignKey({
      columns: [t.coopId, t.repositoryId],
      foreignColumns: [repositories.coopId, repositories.id],
    }).onDelete('cascade'),
  ],
);

/**
 * An identity seen in commits or trailers, by email. Linked to a member automatically through
 * the member's verified addresses; an officer may link it by hand (`link = 'manual'`, with the
 * person) or keep it unlinked (`link = 'unlinked'`), which the automatic link then respects.
 */
export const contributors = pgTable(
  'contributors',
  {
    coopId: coopIdColumn(),
    id: uuid('id').primaryKey().defaultRandom(),
    /** Lower-cased. */
    email: text('email').notNull(),
    name: text('name').notNull(),
    link: text('link', { enum: ['manual', 'unlinked'] }),
    personId: uuid('person_id'),
    firstSeenAt: at('first_seen_at').notNull(),
  },
  (t) => [
    uniqueIndex('contributors_email_idx').on(t.coopId, t.email),
    foreignKey({ columns: [t.coopId, t.personId], foreignColumns: [people.coopId, people.id] }),
    unique('contributors_coop_id_key').on(t.coopId, t.id),
  ],
);
