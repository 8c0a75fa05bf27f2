import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { defineCommand } from '../../platform/commands.ts';
import { copyRowsIfPglite, takesCopy } from '../../platform/db/copyRows.ts';
import type { Tx } from '../../platform/db/database.ts';
import { commitBatchSchema, identitiesOf, type CommitBatch } from '../ingest/commitRows.ts';
import { contributionsPolicy } from '../policy.ts';
import { schemaWords } from '../../platform/http/validationMessages.ts';

/**
 * One batch of a sync's new commits, and the identities they name: a few statements per batch
 * of thousands, never one per commit. Commits already stored are left as they are, but for an
 * integration they lacked (a branch's commit stored, its branch deleted, then brought onto the
 * default branch). The sync's
 * event (`contributions.repository-synced`) is appended by `finishSync`, once per sync rather
 * than once per batch.
 */
export const storeCommits = defineCommand({
  name: 'contributions.storeCommits',
  input: z.strictObject({
    repositoryId: z.uuid(),
    seenAt: z.date(),
    commits: commitBatchSchema.refine(
      // Runs after the batch's own check, even one that refused it.
      (b) => !Array.isArray((b as { sha?: unknown } | null)?.sha) || b.sha.length <= 10_000,
      schemaWords('commitsAtMost'),
    ),
  }),
  policy: contributionsPolicy.manage,
  denied: 'Only administrators and officers ingest repositories.',
  events: [],
  async run(tx, { repositoryId, seenAt, commits }, ctx) {
    if (commits.sha.length === 0) return { stored: 0 };
    await storeBatch(tx, ctx.coopId, repositoryId, seenAt, commits);
    const people = identitiesOf(commits);
    await tx.execute(sql`
      insert into contributors (coop_id, email, name, first_seen_at)
      select ${ctx.coopId}::uuid, p."email", p."name", p."at"
      from json_to_recordset(${JSON.stringify(people)}::json) as p("email" text, "name" text, "at" timestamptz)
      on conflict (coop_id, email) do update
        set first_seen_at = least(contributors.first_seen_at, excluded.first_seen_at)`);
    return { stored: commits.sha.length };
  },
});

const batchColumns = [
  'sha',
  'parents',
  'author_name',
  'author_email',
  'authored_at',
  'author_tz',
  'committer_name',
  'committer_email',
  'committed_at',
  'committer_tz',
  'message',
  'trailers',
  'changes',
  'files',
  'insertions',
  'deletions',
  'dco_ok',
  'dco_skipped',
  'dco_reason',
  'integrated_at',
  'integrated_by',
];

/** `%P`'s space-separated hashes as an array literal. */
const parentsLiteral = (parents: string) => `{${parents.replaceAll(' ', ',')}}`;

/** One batch's rows in `batchColumns` order. */
const rowsOf = (b: CommitBatch) =>
  b.sha.map((sha, i) => [
    sha,
    parentsLiteral(b.parents[i]!),
    b.authorName[i]!,
    b.authorEmail[i]!,
    b.authoredAt[i]!,
    b.authorTz[i]!,
    b.committerName[i]!,
    b.committerEmail[i]!,
    b.committedAt[i]!,
    b.committerTz[i]!,
    b.message[i]!,
    JSON.stringify(b.trailers[i]),
    JSON.stringify(b.changes[i]),
    b.files[i]!,
    b.insertions[i]!,
    b.deletions[i]!,
    b.dcoOk[i]!,
    b.dcoSkipped[i]!,
    b.dcoReason[i]!,
    b.integratedAt[i]!,
    b.integratedBy[i]!,
  ]);

const uniqueViolation = (error: unknown) =>
  (error as { code?: string }).code === '23505' ||
  (error as { cause?: { code?: string } }).cause?.code === '23505';

/**
 * On PGlite the batch is COPYed (parsed by PostgreSQL's COPY, much cheaper than JSON in
 * WebAssembly) straight into `commits`. COPY has no ON CONFLICT: a batch holding a commit stored
 * before (rare: the stream leaves out what any stored tip reaches) rolls back to a savepoint and
 * goes through a temporary table, moved over with ON CONFLICT (filling only an integration the row lacked). On PostgreSQL the
 * columns travel as one array parameter each, unnested side by side: no JSON to build or parse.
 */
async function storeBatch(
  tx: Tx,
  coopId: string,
  repositoryId: string,
  seenAt: Date,
  b: CommitBatch,
): Promise<void> {
  const seen = seenAt.toISOString();
  if (!takesCopy(tx)) return storeUnnested(tx, coopId, repositoryId, seen, b);
  const rows = rowsOf(b);
  await tx.execute(sql`savepoint store_batch`);
  try {
    await copyRowsIfPglite(
      tx,
      'commits',
      ['coop_id', 'repository_id', 'first_seen_at', ...batchColumns],
      rows,
      [coopId, repositoryId, seen],
    );
    await tx.execute(sql`release savepoint store_batch`);
    return;
  } catch (error) {
    if (!uniqueViolation(error)) throw error;
    await tx.execute(sql`rollback to savepoint store_batch`);
  }
  await tx.execute(sql`create temp table if not exists commit_batch (
      sha text, parents text[], author_name text, author_email text, authored_at timestamptz,
      author_tz smallint, committer_name text, committer_email text, committed_at timestamptz,
      committer_tz smallint, message text, trailers jsonb, changes jsonb, files int,
      insertions int, deletions int, dco_ok boolean, dco_skipped text, dco_reason text,
      integrated_at timestamptz, integrated_by text) on commit delete rows`);
  await copyRowsIfPglite(tx, 'commit_batch', batchColumns, rows);
  const columns = sql.raw(batchColumns.join(', '));
  await tx.execute(sql`
    insert into commits (coop_id, repository_id, first_seen_at, ${columns})
    select ${coopId}::uuid, ${repositoryId}::uuid, ${seen}::timestamptz, ${columns}
    from commit_batch
    on conflict (repository_id, sha) do update
      set integrated_at = excluded.integrated_at, integrated_by = excluded.integrated_by
      where commits.integrated_at is null and excluded.integrated_at is not null`);
}

async function storeUnnested(
  tx: Tx,
  coopId: string,
  repositoryId: string,
  seen: string,
  b: CommitBatch,
): Promise<void> {
  const columns = sql.raw(batchColumns.join(', '));
  const json = (values: readonly unknown[]) => values.map((v) => JSON.stringify(v));
  await tx.execute(sql`
      insert into commits (coop_id, repository_id, first_seen_at, ${columns})
      select ${coopId}::uuid, ${repositoryId}::uuid, ${seen}::timestamptz,
        sha, string_to_array(parents, ' '), author_name, author_email, authored_at,
        author_tz, committer_name, committer_email, committed_at, committer_tz, message,
        trailers::jsonb, changes::jsonb, files, insertions, deletions, dco_ok, dco_skipped,
        dco_reason, integrated_at, integrated_by
      from unnest(${sql.param(b.sha)}::text[], ${sql.param(b.parents)}::text[], ${sql.param(b.authorName)}::text[],
        ${sql.param(b.authorEmail)}::text[], ${sql.param(b.authoredAt)}::timestamptz[], ${sql.param(b.authorTz)}::smallint[],
        ${sql.param(b.committerName)}::text[], ${sql.param(b.committerEmail)}::text[], ${sql.param(b.committedAt)}::timestamptz[],
        ${sql.param(b.committerTz)}::smallint[], ${sql.param(b.message)}::text[], ${sql.param(json(b.trailers))}::text[],
        ${sql.param(json(b.changes))}::text[], ${sql.param(b.files)}::int[], ${sql.param(b.insertions)}::int[],
        ${sql.param(b.deletions)}::int[], ${sql.param(b.dcoOk)}::boolean[], ${sql.param(b.dcoSkipped)}::text[],
        ${sql.param(b.dcoReason)}::text[], ${sql.param(b.integratedAt)}::timestamptz[], ${sql.param(b.integratedBy)}::text[])
        as r(sha, parents, author_name, author_email, authored_at, author_tz, committer_name,
          committer_email, committed_at, committer_tz, message, trailers, changes, files,
          insertions, deletions, dco_ok, dco_skipped, dco_reason, integrated_at, integrated_by)
      on conflict (repository_id, sha) do update
      set integrated_at = excluded.integrated_at, integrated_by = excluded.integrated_by
      where commits.integrated_at is null and excluded.integrated_at is not null`);
}
