import { z } from 'zod';
import type { DcoVerdict } from '../dco/checkDco.ts';
import type { GitCommit } from '../git/readCommits.ts';
import { schemaWords } from '../../platform/http/validationMessages.ts';

const sha = /^[0-9a-f]{40,64}$/;
// `%P` as git prints it: the parents' hashes separated by one space, empty for a root commit.
const parentList = /^(?:[0-9a-f]{40,64}(?: [0-9a-f]{40,64})*)?$/;
// Git's strict ISO times; the database's timestamptz parses them (and refuses anything else).
const isoTime = z.string().max(40);
const count = z.number().int().nonnegative();

/**
 * A batch of commits as the store takes it: one array per column, every array as long as `sha`.
 * Validated like any command input, at a fraction of the cost of one object per commit (a
 * 100,000-commit sync validates two million values).
 */
export const commitBatchSchema = z
  .strictObject({
    sha: z.array(z.string().regex(sha)),
    parents: z.array(z.string().regex(parentList)),
    authorName: z.array(z.string()),
    authorEmail: z.array(z.string()),
    authoredAt: z.array(isoTime),
    authorTz: z.array(z.number().int()),
    committerName: z.array(z.string()),
    committerEmail: z.array(z.string()),
    committedAt: z.array(isoTime),
    committerTz: z.array(z.number().int()),
    message: z.array(z.string()),
    trailers: z.array(z.array(z.tuple([z.string(), z.string()]))),
    /** Per commit, [path, lines added, lines removed] per file; null counts for a binary file. */
    changes: z.array(z.array(z.tuple([z.string(), count.nullable(), count.nullable()]))),
    files: z.array(count),
    insertions: z.array(count),
    deletions: z.array(count),
    dcoOk: z.array(z.boolean()),
    dcoSkipped: z.array(z.string().nullable()),
    dcoReason: z.array(z.string().nullable()),
    integratedAt: z.array(isoTime.nullable()),
    integratedBy: z.array(z.string().regex(sha).nullable()),
  })
  .refine(
    (b) => Object.values(b).every((column) => column.length === b.sha.length),
    schemaWords('columnPerCommit'),
  );
export type CommitBatch = z.infer<typeof commitBatchSchema>;

/** Minutes east of UTC from git's strict ISO time (`+05:30`, `-08:00`, `Z`). */
export function offsetMinutes(iso: string): number {
  const m = /([+-])(\d{2}):(\d{2})$/.exec(iso);
  if (!m) return 0;
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
}

/** The columns of a batch of commits, each with its DCO verdict alone and its integration. */
export function toCommitBatch(
  commits: readonly GitCommit[],
  verdicts: readonly DcoVerdict[],
  integrationOf: (commit: GitCommit) => { at: string; by: string } | null,
): CommitBatch {
  const column = <T>(f: (commit: GitCommit, i: number) => T) => commits.map(f);
  const integrated = commits.map(integrationOf);
  return {
    sha: column((c) => c.sha),
    parents: column((c) => c.parents.join(' ')),
    authorName: column((c) => c.authorName),
    authorEmail: column((c) => c.authorEmail),
    authoredAt: column((c) => c.authoredAt),
    authorTz: column((c) => offsetMinutes(c.authoredAt)),
    committerName: column((c) => c.committerName),
    committerEmail: column((c) => c.committerEmail),
    committedAt: column((c) => c.committedAt),
    committerTz: column((c) => offsetMinutes(c.committedAt)),
    message: column((c) => c.message),
    trailers: column((c) => c.trailers),
    changes: column((c) => c.changes),
    files: column((c) => c.files),
    insertions: column((c) => c.insertions),
    deletions: column((c) => c.deletions),
    dcoOk: column((_, i) => verdicts[i]!.ok),
    dcoSkipped: column((_, i) => verdicts[i]!.skipped),
    dcoReason: column((_, i) => verdicts[i]!.reason),
    integratedAt: integrated.map((i) => i?.at ?? null),
    integratedBy: integrated.map((i) => i?.by ?? null),
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
export function identitiesOf(batch: CommitBatch): { email: string; name: string; at: string }[] {
  const seen = new Map<string, { email: string; name: string; at: string; ms: number }>();
  const see = (name: string, email: string, at: string) => {
    const key = email.toLowerCase();
    if (!key.includes('@')) return;
    const known = seen.get(key);
    const ms = Date.parse(at);
    if (!known || ms < known.ms) seen.set(key, { email: key, name, at, ms });
  };
  for (let i = 0; i < batch.sha.length; i++) {
    see(batch.authorName[i]!, batch.authorEmail[i]!, batch.authoredAt[i]!);
    see(batch.committerName[i]!, batch.committerEmail[i]!, batch.committedAt[i]!);
    for (const [key, value] of batch.trailers[i]!) {
      if (!identityTrailers.includes(key.toLowerCase())) continue;
      const who = parseIdentity(value);
      if (who) see(who.name, who.email, batch.authoredAt[i]!);
    }
  }
  return [...seen.values()].map(({ email, name, at }) => ({ email, name, at }));
}
