import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { defineCommand } from '../../platform/commands.ts';
import { contributionsPolicy } from '../policy.ts';
import { commitRowSchema, identitiesOf } from '../ingest/commitRows.ts';

/**
 * One batch of a sync's new commits, and the identities they name. Many rows per statement: the
 * batch travels as one JSON parameter that `json_to_recordset` unpacks, so a thousand commits
 * cost one round trip, on PGlite and PostgreSQL alike. Commits already stored are left as they
 * are. The sync's event (`contributions.repository-synced`) is appended by `finishSync`, once
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
    const stored = await tx.execute(sql`
      insert into commits (coop_id, repository_id, sha, parents, author_name, author_email,
        authored_at, author_tz, committer_name, committer_email, committed_at, committer_tz,
        message, trailers, files, insertions, deletions, dco_ok, dco_skipped, dco_reason,
        integrated_at, integrated_by, first_seen_at)
      select ${ctx.coopId}::uuid, ${repositoryId}::uuid, r."sha", r."parents", r."authorName",
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
    const people = identitiesOf(rows);
    await tx.execute(sql`
      insert into contributors (coop_id, email, name, first_seen_at)
      select ${ctx.coopId}::uuid, p."email", p."name", p."at"
      from json_to_recordset(${JSON.stringify(people)}::json) as p("email" text, "name" text, "at" timestamptz)
      on conflict (coop_id, email) do update
        set first_seen_at = least(contributors.first_seen_at, excluded.first_seen_at)`);
    return {
      stored:
        (stored as unknown as { affectedRows?: number; rowCount?: number }).rowCount ?? rows.length,
    };
  },
});
