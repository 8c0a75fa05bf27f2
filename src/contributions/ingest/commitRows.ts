import { z } from 'zod';
import type { DcoVerdict } from '../dco/checkDco.ts';
import type { GitCommit } from '../git/readCommits.ts';

/** A commit as the store takes it: one flat row, validated like any command input. */
export const commitRowSchema = z.strictObject({
  sha: z.string().regex(/^[0-9a-f]{40,64}$/),
  parents: z.array(z.string()),
  authorName: z.string(),
  authorEmail: z.string(),
  // Git's strict ISO times; the database's timestamptz parses them (and refuses anything else).
  authoredAt: z.string().max(40),
  authorTz: z.number().int(),
  committerName: z.string(),
  committerEmail: z.string(),
  committedAt: z.string().max(40),
  committerTz: z.number().int(),
  message: z.string(),
  trailers: z.array(z.tuple([z.string(), z.string()])),
  files: z.number().int().nonnegative(),
  insertions: z.number().int().nonnegative(),
  deletions: z.number().int().nonnegative(),
  dcoOk: z.boolean(),
  dcoSkipped: z.string().nullable(),
  dcoReason: z.string().nullable(),
  integratedAt: z.string().max(40).nullable(),
  integratedBy: z.string().nullable(),
});
export type CommitRow = z.infer<typeof commitRowSchema>;

/** Minutes east of UTC from git's strict ISO time (`+05:30`, `-08:00`, `Z`). */
export function offsetMinutes(iso: string): number {
  const m = /([+-])(\d{2}):(\d{2})$/.exec(iso);
  if (!m) return 0;
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
}

export function toCommitRow(
  commit: GitCommit,
  verdict: DcoVerdict,
  integration: { at: string; by: string } | undefined,
): CommitRow {
  return {
    sha: commit.sha,
    parents: commit.parents,
    authorName: commit.authorName,
    authorEmail: commit.authorEmail,
    authoredAt: commit.authoredAt,
    authorTz: offsetMinutes(commit.authoredAt),
    committerName: commit.committerName,
    committerEmail: commit.committerEmail,
    committedAt: commit.committedAt,
    committerTz: offsetMinutes(commit.committedAt),
    message: commit.message,
    trailers: commit.trailers,
    files: commit.files,
    insertions: commit.insertions,
    deletions: commit.deletions,
    dcoOk: verdict.ok,
    dcoSkipped: verdict.skipped,
    dcoReason: verdict.reason,
    integratedAt: integration?.at ?? null,
    integratedBy: integration?.by ?? null,
  };
}

const identity = /^(.*?)\s*<([^<>]*)>\s*$/;

/** "Name <email>" from a trailer value, or null when it names no email. */
export function parseIdentity(value: string): { name: string; email: string } | null {
  const m = identity.exec(value);
  if (!m || !m[2]!.includes('@')) return null;
  return { name: m[1]!.trim(), email: m[2]!.trim() };
}

/** The trailer keys that name a person who contributed. */
export const identityTrailers = [
  'signed-off-by',
  'co-authored-by',
  'reviewed-by',
  'acked-by',
  'tested-by',
];

/** Every identity a batch names (authors, committers, trailer people), first time seen each. */
export function identitiesOf(
  rows: readonly CommitRow[],
): { email: string; name: string; at: string }[] {
  const seen = new Map<string, { email: string; name: string; at: string }>();
  const see = (name: string, email: string, at: string) => {
    const key = email.toLowerCase();
    if (!key.includes('@')) return;
    const known = seen.get(key);
    if (!known || Date.parse(at) < Date.parse(known.at)) seen.set(key, { email: key, name, at });
  };
  for (const row of rows) {
    see(row.authorName, row.authorEmail, row.authoredAt);
    see(row.committerName, row.committerEmail, row.committedAt);
    for (const [key, value] of row.trailers) {
      if (!identityTrailers.includes(key.toLowerCase())) continue;
      const who = parseIdentity(value);
      if (who) see(who.name, who.email, row.authoredAt);
    }
  }
  return [...seen.values()];
}
