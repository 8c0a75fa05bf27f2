import { sql } from 'drizzle-orm';
import type { Executor } from '../platform/db/database.ts';
import { queryRows } from '../platform/db/rows.ts';
import { notFound } from '../platform/errors.ts';
import type { DcoVerdict } from './dco/checkDco.ts';

/**
 * Who a contributor is, as one SQL expression over `contributors c`: the member an officer
 * linked by hand; nobody when an officer unlinked it; else the member with this verified
 * address (person_emails holds addresses lower-cased, as contributors do).
 */
const effectivePerson = sql`case c.link when 'manual' then c.person_id when 'unlinked' then null
  else (select pe.person_id from person_emails pe
        where pe.coop_id = c.coop_id and pe.email = c.email and pe.verified_at is not null) end`;

const linkSource = sql`case c.link when 'manual' then 'manual' when 'unlinked' then 'unlinked'
  else case when (select pe.person_id from person_emails pe where pe.coop_id = c.coop_id
    and pe.email = c.email and pe.verified_at is not null) is null then null else 'email' end end`;

export async function listRepositories(db: Executor, coopId: string) {
  return queryRows<{
    id: string;
    name: string;
    sourceKind: 'path' | 'url';
    location: string;
    defaultBranch: string | null;
    botPatterns: string[];
    lastSyncedAt: Date | null;
    lastSyncError: string | null;
    commits: number;
    failingBranches: number;
    rewrites: number;
  }>(
    db,
    sql`select r.id, r.name, r.source_kind as "sourceKind", r.location,
          r.default_branch as "defaultBranch", r.bot_patterns as "botPatterns",
          r.last_synced_at as "lastSyncedAt",
          r.last_sync_error as "lastSyncError",
          (select count(*)::int from commits c where c.repository_id = r.id) as commits,
          (select count(*)::int from branch_checks b where b.repository_id = r.id and b.failure_count > 0) as "failingBranches",
          (select count(*)::int from history_rewrites h where h.repository_id = r.id) as rewrites
        from repositories r where r.coop_id = ${coopId} and r.removed_at is null
        order by lower(r.name)`,
  );
}

export async function getRepository(db: Executor, coopId: string, id: string) {
  const [repo] = (await listRepositories(db, coopId)).filter((r) => r.id === id);
  if (!repo) throw notFound('This repository');
  const branches = await queryRows<{
    ref: string;
    headSha: string;
    commitCount: number;
    failureCount: number;
    checkedAt: Date;
  }>(
    db,
    sql`select ref, head_sha as "headSha", commit_count as "commitCount",
          failure_count as "failureCount", checked_at as "checkedAt"
        from branch_checks where coop_id = ${coopId} and repository_id = ${id}
        order by failure_count desc, ref`,
  );
  const rewrites = await queryRows<{
    ref: string;
    oldSha: string;
    newSha: string;
    droppedCommits: number | null;
    detectedAt: Date;
  }>(
    db,
    sql`select ref, old_sha as "oldSha", new_sha as "newSha", dropped_commits as "droppedCommits",
          detected_at as "detectedAt"
        from history_rewrites where coop_id = ${coopId} and repository_id = ${id}
        order by detected_at desc limit 50`,
  );
  const recentCommits = await queryRows<{
    sha: string;
    subject: string;
    authorName: string;
    authoredAt: Date;
    dcoOk: boolean;
    dcoSkipped: string | null;
    dcoReason: string | null;
    integratedAt: Date | null;
  }>(
    db,
    sql`select sha, split_part(message, E'\n', 1) as subject, author_name as "authorName",
          authored_at as "authoredAt", dco_ok as "dcoOk", dco_skipped as "dcoSkipped",
          dco_reason as "dcoReason", integrated_at as "integratedAt"
        from commits where coop_id = ${coopId} and repository_id = ${id}
        order by committed_at desc, sha limit 30`,
  );
  return { ...repo, branches, rewrites, recentCommits };
}

/** A branch's DCO check: the failing commits first, and the remediation text to paste. */
export async function getBranchCheck(
  db: Executor,
  coopId: string,
  repositoryId: string,
  ref: string,
) {
  const [row] = await queryRows<{
    ref: string;
    headSha: string;
    commitCount: number;
    failureCount: number;
    verdicts: DcoVerdict[];
    remediation: string;
    checkedAt: Date;
  }>(
    db,
    sql`select ref, head_sha as "headSha", commit_count as "commitCount",
          failure_count as "failureCount", verdicts, remediation, checked_at as "checkedAt"
        from branch_checks where coop_id = ${coopId} and repository_id = ${repositoryId} and ref = ${ref}`,
  );
  if (!row) throw notFound('This branch');
  return { ...row, failing: row.verdicts.filter((v) => !v.ok) };
}

export async function listContributors(db: Executor, coopId: string) {
  return queryRows<{
    id: string;
    email: string;
    name: string;
    personId: string | null;
    personName: string | null;
    link: 'manual' | 'email' | 'unlinked' | null;
    firstSeenAt: Date;
    commits: number;
  }>(
    db,
    sql`select x.*, p.display_name as "personName" from (
          select c.id, c.email, c.name, ${effectivePerson} as "personId", ${linkSource} as link,
            c.first_seen_at as "firstSeenAt",
            (select count(distinct k.sha)::int from commits k where k.coop_id = c.coop_id
               and lower(k.author_email) = c.email) as commits
          from contributors c where c.coop_id = ${coopId}) x
        left join people p on p.coop_id = ${coopId} and p.id = x."personId"
        order by x.commits desc, x.email`,
  );
}

export interface MemberContribution {
  personId: string;
  displayName: string;
  commits: number;
  signoffs: number;
  coAuthorships: number;
  reviews: number;
  linesAdded: number;
  linesDeleted: number;
  changesIntegrated: number;
  /** Median hours from a change's first commit to its arrival on the default branch. */
  medianLatencyHours: number | null;
}

/**
 * Per member over [from, to): commits authored, sign-offs, co-authorships and reviews given (by
 * trailer), lines, and patch-integration latency of the changes they authored that reached the
 * default branch in the period. A commit present in several repositories counts once.
 */
export async function memberContributions(
  db: Executor,
  coopId: string,
  period: { from: string; to: string },
  personId?: string,
): Promise<MemberContribution[]> {
  return queryRows<MemberContribution>(
    db,
    sql`with linked as (
          select c.email, ${effectivePerson} as person_id from contributors c where c.coop_id = ${coopId}),
        members as (select distinct person_id from linked where person_id is not null
          ${personId ? sql`and person_id = ${personId}` : sql``}),
        k as (select distinct on (sha) * from commits where coop_id = ${coopId}
          order by sha, integrated_at nulls last),
        authored as (
          select l.person_id, count(*)::int as commits, sum(k.insertions)::int as added,
            sum(k.deletions)::int as deleted
          from k join linked l on l.email = lower(k.author_email)
          where k.authored_at >= ${period.from}::timestamptz and k.authored_at < ${period.to}::timestamptz
          group by l.person_id),
        trailer_people as (
          select l.person_id, lower(t.value->>0) as key, count(*)::int as n
          from k cross join lateral jsonb_array_elements(k.trailers) t(value)
          join linked l on l.email = lower(substring(t.value->>1 from '<([^<>]*)>\\s*$'))
          where k.authored_at >= ${period.from}::timestamptz and k.authored_at < ${period.to}::timestamptz
            and lower(t.value->>0) in ('signed-off-by', 'co-authored-by', 'reviewed-by')
          group by l.person_id, lower(t.value->>0)),
        changes as (
          select integrated_by, max(integrated_at) as integrated_at, min(authored_at) as first_at
          from k where integrated_by is not null group by integrated_by),
        change_authors as (
          select distinct l.person_id, ch.integrated_by,
            extract(epoch from ch.integrated_at - ch.first_at) / 3600.0 as hours
          from changes ch join k on k.integrated_by = ch.integrated_by
          join linked l on l.email = lower(k.author_email)
          where ch.integrated_at >= ${period.from}::timestamptz and ch.integrated_at < ${period.to}::timestamptz),
        latency as (
          select person_id, count(*)::int as changes,
            percentile_cont(0.5) within group (order by hours) as median
          from change_authors group by person_id)
        select m.person_id as "personId", p.display_name as "displayName",
          coalesce(a.commits, 0) as commits,
          coalesce((select n from trailer_people t where t.person_id = m.person_id and t.key = 'signed-off-by'), 0) as signoffs,
          coalesce((select n from trailer_people t where t.person_id = m.person_id and t.key = 'co-authored-by'), 0) as "coAuthorships",
          coalesce((select n from trailer_people t where t.person_id = m.person_id and t.key = 'reviewed-by'), 0) as reviews,
          coalesce(a.added, 0) as "linesAdded", coalesce(a.deleted, 0) as "linesDeleted",
          coalesce(lt.changes, 0) as "changesIntegrated",
          round(lt.median::numeric, 1)::float8 as "medianLatencyHours"
        from members m join people p on p.coop_id = ${coopId} and p.id = m.person_id
        left join authored a on a.person_id = m.person_id
        left join latency lt on lt.person_id = m.person_id
        order by coalesce(a.commits, 0) desc, p.display_name`,
  );
}

/** Contributors whose first commit (as author) falls in [from, to). */
export async function firstTimeContributors(
  db: Executor,
  coopId: string,
  period: { from: string; to: string },
) {
  return queryRows<{ email: string; name: string; personId: string | null; firstCommitAt: Date }>(
    db,
    sql`select * from (
          select c.email, c.name, ${effectivePerson} as "personId",
            (select min(k.authored_at) from commits k where k.coop_id = c.coop_id
               and lower(k.author_email) = c.email) as "firstCommitAt"
          from contributors c where c.coop_id = ${coopId}) x
        where x."firstCommitAt" >= ${period.from}::timestamptz and x."firstCommitAt" < ${period.to}::timestamptz
        order by x."firstCommitAt"`,
  );
}

/** One commit as stored: what git said of it, the files it changed, its DCO verdict alone. */
export async function getCommit(db: Executor, coopId: string, repositoryId: string, sha: string) {
  const [row] = await queryRows<{
    sha: string;
    parents: string[];
    authorName: string;
    authorEmail: string;
    authoredAt: Date;
    authorTz: number;
    committerName: string;
    committerEmail: string;
    committedAt: Date;
    committerTz: number;
    message: string;
    trailers: [string, string][];
    changes: [string, number | null, number | null][] | null;
    files: number;
    insertions: number;
    deletions: number;
    dcoOk: boolean;
    dcoSkipped: string | null;
    dcoReason: string | null;
    integratedAt: Date | null;
    integratedBy: string | null;
  }>(
    db,
    sql`select sha, parents, author_name as "authorName", author_email as "authorEmail",
          authored_at as "authoredAt", author_tz as "authorTz", committer_name as "committerName",
          committer_email as "committerEmail", committed_at as "committedAt",
          committer_tz as "committerTz", message, trailers, changes, files, insertions, deletions,
          dco_ok as "dcoOk", dco_skipped as "dcoSkipped", dco_reason as "dcoReason",
          integrated_at as "integratedAt", integrated_by as "integratedBy"
        from commits where coop_id = ${coopId} and repository_id = ${repositoryId} and sha = ${sha}`,
  );
  if (!row) throw notFound('This commit');
  return {
    ...row,
    changes: row.changes?.map(([path, added, deleted]) => ({ path, added, deleted })) ?? null,
  };
}

/**
 * The emails whose commits are an active member's, for `require.members: false` (the app's
 * "organization members"): a member's verified addresses, unless an officer unlinked that
 * address or linked it to someone else, and the addresses officers linked to a member by hand.
 * Lower-cased, as both tables keep them.
 */
export async function memberEmails(db: Executor, coopId: string): Promise<Set<string>> {
  const rows = await queryRows<{ email: string }>(
    db,
    sql`select pe.email from person_emails pe
          join memberships m on m.coop_id = pe.coop_id and m.person_id = pe.person_id
            and m.status = 'active'
          where pe.coop_id = ${coopId} and pe.verified_at is not null
            and not exists (select 1 from contributors c where c.coop_id = pe.coop_id
              and c.email = pe.email
              and (c.link = 'unlinked' or (c.link = 'manual' and c.person_id <> pe.person_id)))
        union
        select c.email from contributors c
          join memberships m on m.coop_id = c.coop_id and m.person_id = c.person_id
            and m.status = 'active'
          where c.coop_id = ${coopId} and c.link = 'manual'`,
  );
  return new Set(rows.map((r) => r.email));
}
