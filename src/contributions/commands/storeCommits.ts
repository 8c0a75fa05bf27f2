import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { defineCommand } from '../../platform/commands.ts';
import { contributionsPolicy } from '../policy.ts';
import { commitRowSchema, identitiesOf, type CommitRow } from '../ingest/commitRows.ts';
import { copyRowsIfPglite } from '../../platform/db/copyRows.ts';
import type { Tx } from '../../platform/db/database.ts';

/**
 * One batch of a sync's new commits, and the identities they name: a few statements per batch
 * of thousands, never one per commit. Commits already stored are left as they are. The sync's event (`contributions.repository-synced`) is appended by `finishSync`, once
 * per sync rather than once per batch.
 */
export const storeCommits = defineCommand({
  name: 'contributions.storeCommits',
  input: z.strictObject({
    repositoryId: z.uuid(),
    seenAt: z.date(),
    rows: z.array(commitRowSchema).max(10_000),
  }),
  policy: contributionsPolicy.manage,
  denied: 'Only administrators and officers ingest repositories.',
  events: [],
  async run(tx, { repositoryId, seenAt, rows }, ctx) {
    if (rows.length === 0) return { stored: 0 };
    await storeRows(tx, ctx.coopId, repositoryId, seenAt, rows);
    const people = identitiesOf(rows);
    await tx.execute(sql`
      insert into contributors (coop_id, email, name, first_seen_at)
      select ${ctx.coopId}::uuid, p."email", p."name", p."at"
      from json_to_recordset(${JSON.stringify(people)}::json) as p("email" text, "name" text, "at" timestamptz)
      on conflict (coop_id, email) do update
        set first_seen_at = least(contributors.first_seen_at, excluded.first_seen_at)`);
    return { stored: rows.length };
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
  'files',
  'insertions',
  'deletions',
  'dco_ok',
  'dco_skipped',
  'dco_reason',
  'integrated_at',
  'integrated_by',
];

/**
 * On PGlite the batch is COPYed into a temporary table (parsed by PostgreSQL's COPY, much
 * cheaper than JSON in WebAssembly) and moved over with ON CONFLICT DO NOTHING, which COPY alone
 * lacks; on PostgreSQL it travels as one JSON parameter unpacked by json_to_recordset.
 */
async function storeRows(
  tx: Tx,
  coopId: string,
  repositoryId: string,
  seenAt: Date,
  rows: readonly CommitRow[],
): Promise<void> {
  await tx.execute(sql`create temp table if not exists commit_batch (
      sha text, parents text[], author_name text, author_email text, authored_at timestamptz,
      author_tz smallint, committer_name text, committer_email text, committed_at timestamptz,
      committer_tz smallint, message text, trailers jsonb, files int, insertions int,
      deletions int, dco_ok boolean, dco_skipped text, dco_reason text,
      integrated_at timestamptz, integrated_by text) on commit delete rows`);
  const copied = await copyRowsIfPglite(
    tx,
    'commit_batch',
    batchColumns,
    rows.map((r) => [
      r.sha,
      `{${r.parents.join(',')}}`,
      r.authorName,
      r.authorEmail,
      r.authoredAt,
      r.authorTz,
      r.committerName,
      r.committerEmail,
      r.committedAt,
      r.committerTz,
      r.message,
      JSON.stringify(r.trailers),
      r.files,
      r.insertions,
      r.deletions,
      r.dcoOk,
      r.dcoSkipped,
      r.dcoReason,
      r.integratedAt,
      r.integratedBy,
    ]),
  );
  if (copied) {
    await tx.execute(sql`
      insert into commits (coop_id, repository_id, first_seen_at, ${sql.raw(batchColumns.join(', '))})
      select ${coopId}::uuid, ${repositoryId}::uuid, ${seenAt.toISOString()}::timestamptz,
        ${sql.raw(batchColumns.join(', '))} from commit_batch
      on conflict (repository_id, sha) do nothing`);
    return;
  }
  await tx.execute(sql`
      insert into commits (coop_id, repository_id, sha, parents, author_name, author_email,
        authored_at, author_tz, committer_name, committer_email, committed_at, committer_tz,
        message, trailers, files, insertions, deletions, dco_ok, dco_skipped, dco_reason,
        integrated_at, integrated_by, first_seen_at)
      select ${coopId}::uuid, ${repositoryId}::uuid, r."sha", r."parents", r."authorName",
        r."authorEmail", r."authoredAt", r."authorTz", r."committerName", r."committerEmail",
        r."committedAt", r."committerTz", r."message", r."trailers"::jsonb, r."files",
        r."insertions", r."deletions", r."dcoOk", r."dcoSkipped", r."dcoReason",
        r."integratedAt", r."integratedBy", ${seenAt.toISOString()}::timestamptz
      from json_to_recordset(${JSON.stringify(rows)}::json) as r("sha" text, "parents" text[],
        "authorName" text, "authorEmail" text, "authoredAt" timestamptz, "authorTz" smallint,
        "committerName" text, "committerEmail" text, "committedAt" timestamptz,
        "committerTz" smallint, "message" text, "trailers" json, "files" int, "insertions" int,
        "deletions" int, "dcoOk" boolean, "dcoSkipped" text, "dcoReason" text,
        "integratedAt" timestamptz, "integratedBy" text)
      on conflict (repository_id, sha) do nothing`);
}
