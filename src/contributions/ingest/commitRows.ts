import { z } from 'zod';
import type { DcoVerdict } from '../dco/checkDco.ts';
import type { GitCommit } from '../git/readCommits.ts';
import { schemaWords } from '../../platform/http/validationMessages.ts';

const sha = /^[0-9a-f]{40,64}$/;
// `%P` as git prints it: the parents' hashes separated by one space, empty for a root commit.
const parentList = /^(?:[0-9a-f]{40,64}(?: [0-9a-f]{40,64})*)?$/;

/**
 * A batch of commits as the store takes it: one array per column, every array as long as `sha`.
 * Times are git's strict ISO times, which the database's timestamptz parses (and refuses
 * anything else); `changes` holds, per commit, [path, lines added, lines removed] per file, null
 * counts for a binary file.
 */
export interface CommitBatch {
  sha: string[];
  parents: string[];
  authorName: string[];
  authorEmail: string[];
  authoredAt: string[];
  authorTz: number[];
  committerName: string[];
  committerEmail: string[];
  committedAt: string[];
  committerTz: number[];
  message: string[];
  trailers: [string, string][][];
  changes: [string, number | null, number | null][][];
  files: number[];
  insertions: number[];
  deletions: number[];
  dcoOk: boolean[];
  dcoSkipped: (string | null)[];
  dcoReason: (string | null)[];
  integratedAt: (string | null)[];
  integratedBy: (string | null)[];
}

type Check = (value: unknown) => boolean;
const text: Check = (v) => typeof v === 'string';
const optionalText: Check = (v) => v === null || typeof v === 'string';
const shaText: Check = (v) => typeof v === 'string' && sha.test(v);
const time: Check = (v) => typeof v === 'string' && v.length <= 40;
const minutes: Check = (v) => Number.isSafeInteger(v);
const count: Check = (v) => Number.isSafeInteger(v) && (v as number) >= 0;
const optionalCount: Check = (v) => v === null || count(v);
const pairs: Check = (v) =>
  Array.isArray(v) &&
  v.every((p) => Array.isArray(p) && p.length === 2 && text(p[0]) && text(p[1]));
const fileChanges: Check = (v) =>
  Array.isArray(v) &&
  v.every(
    (c) =>
      Array.isArray(c) &&
      c.length === 3 &&
      text(c[0]) &&
      optionalCount(c[1]) &&
      optionalCount(c[2]),
  );

const columns: Record<keyof CommitBatch, Check> = {
  sha: shaText,
  parents: (v) => typeof v === 'string' && parentList.test(v),
  authorName: text,
  authorEmail: text,
  authoredAt: time,
  authorTz: minutes,
  committerName: text,
  committerEmail: text,
  committedAt: time,
  committerTz: minutes,
  message: text,
  trailers: pairs,
  changes: fileChanges,
  files: count,
  insertions: count,
  deletions: count,
  dcoOk: (v) => typeof v === 'boolean',
  dcoSkipped: optionalText,
  dcoReason: optionalText,
  integratedAt: (v) => v === null || time(v),
  integratedBy: (v) => v === null || shaText(v),
};

/**
 * The batch's check, a loop per column rather than a zod schema per value: a 100,000-commit sync
 * checks two million values, and zod's walk cost a tenth of the whole sync (measured). Refuses,
 * at its path, an unknown or missing column, one of another length, and the first value of each
 * column that is not what git prints there.
 */
export const commitBatchSchema = z.custom<CommitBatch>().superRefine((batch, ctx) => {
  if (typeof batch !== 'object' || batch === null || Array.isArray(batch)) {
    ctx.addIssue({ code: 'custom', ...schemaWords('notAsGitPrints') });
    return;
  }
  const given = batch as unknown as Record<string, unknown>;
  for (const key of Object.keys(given))
    if (!Object.hasOwn(columns, key))
      ctx.addIssue({ code: 'custom', path: [key], ...schemaWords('unknownColumn') });
  const length = Array.isArray(given.sha) ? given.sha.length : 0;
  for (const [key, check] of Object.entries(columns)) {
    const column = given[key];
    if (!Array.isArray(column) || column.length !== length) {
      ctx.addIssue({ code: 'custom', path: [key], ...schemaWords('columnPerCommit') });
      continue;
    }
    for (let i = 0; i < column.length; i++) {
      if (check(column[i])) continue;
      ctx.addIssue({ code: 'custom', path: [key, i], ...schemaWords('notAsGitPrints') });
      break;
    }
  }
});

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

/**
 * Whether git's strict ISO time `a` is before `b`. Two times with the same offset compare as
 * text (git prints them at one length), which spares parsing most of a batch's hundreds of
 * thousands of times: one person mostly commits from one time zone.
 */
export function earlier(a: string, b: string): boolean {
  if (a.length === b.length && a.endsWith(b.slice(-6))) return a < b;
  return Date.parse(a) < Date.parse(b);
}

/** Every identity a batch names (authors, committers, trailer people), first time seen each. */
export function identitiesOf(batch: CommitBatch): { email: string; name: string; at: string }[] {
  const seen = new Map<string, { email: string; name: string; at: string }>();
  const see = (name: string, email: string, at: string) => {
    const key = email.toLowerCase();
    if (!key.includes('@')) return;
    const known = seen.get(key);
    if (!known || earlier(at, known.at)) seen.set(key, { email: key, name, at });
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
  return [...seen.values()];
}
