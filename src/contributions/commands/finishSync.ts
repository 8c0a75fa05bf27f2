import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { defineCommand } from '../../platform/commands.ts';
import { historyRewritten, repositorySynced } from '../events.ts';
import { contributionsPolicy } from '../policy.ts';
import { historyRewrites, repositories } from '../schema.ts';

const verdictSchema = z.object({
  sha: z.string(),
  subject: z.string(),
  ok: z.boolean(),
  skipped: z.string().nullable(),
  reason: z.string().nullable(),
  author: z.string(),
  email: z.string(),
  committer: z.string(),
});

export const finishSyncInput = z.strictObject({
  repositoryId: z.uuid(),
  syncedAt: z.date(),
  refs: z.array(z.strictObject({ ref: z.string(), sha: z.string() })),
  rewrites: z.array(
    z.strictObject({
      ref: z.string(),
      oldSha: z.string(),
      newSha: z.string(),
      droppedCommits: z.number().int().nullable(),
    }),
  ),
  /** Commits stored by an earlier sync that reached the default branch in this one. */
  integrations: z.array(z.strictObject({ sha: z.string(), at: z.string(), by: z.string() })),
  branchChecks: z.array(
    z.strictObject({
      ref: z.string(),
      headSha: z.string(),
      commitCount: z.number().int(),
      failureCount: z.number().int(),
      verdicts: z.array(verdictSchema),
      remediation: z.string(),
    }),
  ),
  newCommits: z.number().int(),
  refsChanged: z.number().int(),
  dcoFailures: z.number().int(),
});

/**
 * Closes a sync in one transaction: the refs as they now stand, each rewritten history recorded
 * with its event, the integrations of older commits, the branches' DCO checks, and the sync's
 * event. Until it commits, the next sync starts from the refs of the previous one, so a sync
 * that fails half-way is simply done again (stored commits are skipped).
 */
export const finishSync = defineCommand({
  name: 'contributions.finishSync',
  input: finishSyncInput,
  policy: contributionsPolicy.manage,
  denied: 'Only administrators and officers ingest repositories.',
  events: [historyRewritten, repositorySynced],
  async run(tx, input, ctx) {
    const { repositoryId, syncedAt } = input;
    const coopId = ctx.coopId;
    await tx.execute(sql`delete from repository_refs
      where coop_id = ${coopId} and repository_id = ${repositoryId}
        and ref not in (select json_array_elements_text(${JSON.stringify(input.refs.map((r) => r.ref))}::json))`);
    if (input.refs.length > 0)
      await tx.execute(sql`
        insert into repository_refs (coop_id, repository_id, ref, sha, updated_at)
        select ${coopId}::uuid, ${repositoryId}::uuid, r."ref", r."sha", ${syncedAt.toISOString()}::timestamptz
        from json_to_recordset(${JSON.stringify(input.refs)}::json) as r("ref" text, "sha" text)
        on conflict (repository_id, ref) do update set sha = excluded.sha, updated_at = excluded.updated_at
          where repository_refs.sha <> excluded.sha`);
    for (const rewrite of input.rewrites) {
      await tx
        .insert(historyRewrites)
        .values({ coopId, repositoryId, ...rewrite, detectedAt: syncedAt });
      await ctx.emit(historyRewritten, repositoryId, rewrite);
    }
    if (input.integrations.length > 0)
      await tx.execute(sql`
        update commits c set integrated_at = i."at", integrated_by = i."by"
        from json_to_recordset(${JSON.stringify(input.integrations)}::json) as i("sha" text, "at" timestamptz, "by" text)
        where c.coop_id = ${coopId} and c.repository_id = ${repositoryId} and c.sha = i."sha"
          and c.integrated_at is null`);
    await tx.execute(sql`delete from branch_checks
      where coop_id = ${coopId} and repository_id = ${repositoryId}
        and not exists (select 1 from repository_refs r
          where r.repository_id = branch_checks.repository_id and r.ref = branch_checks.ref)`);
    if (input.branchChecks.length > 0)
      await tx.execute(sql`
        insert into branch_checks (coop_id, repository_id, ref, head_sha, commit_count, failure_count,
          verdicts, remediation, checked_at)
        select ${coopId}::uuid, ${repositoryId}::uuid, b."ref", b."headSha", b."commitCount",
          b."failureCount", b."verdicts"::jsonb, b."remediation", ${syncedAt.toISOString()}::timestamptz
        from json_to_recordset(${JSON.stringify(input.branchChecks)}::json) as b("ref" text,
          "headSha" text, "commitCount" int, "failureCount" int, "verdicts" json, "remediation" text)
        on conflict (repository_id, ref) do update set head_sha = excluded.head_sha,
          commit_count = excluded.commit_count, failure_count = excluded.failure_count,
          verdicts = excluded.verdicts, remediation = excluded.remediation,
          checked_at = excluded.checked_at`);
    await tx
      .update(repositories)
      .set({ lastSyncedAt: syncedAt, lastSyncError: null })
      .where(and(eq(repositories.coopId, coopId), eq(repositories.id, repositoryId)));
    await ctx.emit(repositorySynced, repositoryId, {
      newCommits: input.newCommits,
      refsChanged: input.refsChanged,
      rewrites: input.rewrites.length,
      dcoFailures: input.dcoFailures,
      failingBranches: input.branchChecks.filter((b) => b.failureCount > 0).map((b) => b.ref),
    });
  },
});
