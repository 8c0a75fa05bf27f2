import { describe, expect, it } from 'vitest';
import type { DcoVerdict } from '../dco/checkDco.ts';
import type { GitCommit } from '../git/readCommits.ts';
import {
  commitBatchSchema,
  earlier,
  identitiesOf,
  toCommitBatch,
  type CommitBatch,
} from './commitRows.ts';

const commit = (n: number): GitCommit => ({
  sha: n.toString(16).padStart(40, 'a'),
  parents: n > 0 ? [(n - 1).toString(16).padStart(40, 'a')] : [],
  authorName: 'Ada',
  authorEmail: 'ada@example.org',
  authoredAt: '2026-03-01T09:30:00+01:00',
  committerName: 'Ada',
  committerEmail: 'ada@example.org',
  committedAt: '2026-03-01T09:31:00+01:00',
  trailers: [['Signed-off-by', 'Ada <ada@example.org>']],
  message: `Commit ${n}\n\nSigned-off-by: Ada <ada@example.org>\n`,
  changes: [
    ['src/a.ts', 3, 1],
    ['logo.png', null, null],
  ],
  files: 2,
  insertions: 3,
  deletions: 1,
});
const passes = (c: GitCommit): DcoVerdict => ({
  sha: c.sha,
  subject: c.message.split('\n')[0]!,
  ok: true,
  skipped: null,
  reason: null,
  author: c.authorName,
  email: c.authorEmail,
  committer: c.committerName,
});

function batch(): CommitBatch {
  const commits = [commit(0), commit(1), commit(2)];
  return toCommitBatch(commits, commits.map(passes), (c) =>
    c.sha === commit(2).sha ? { at: c.committedAt, by: c.sha } : null,
  );
}

const issuesOf = (value: unknown) =>
  (commitBatchSchema.safeParse(value).error?.issues ?? []).map((i) => ({
    path: i.path.join('.'),
    message: i.message,
  }));

describe('the check of a batch of commits', () => {
  it('takes a batch as our reading of git log makes it, unchanged', () => {
    const parsed = commitBatchSchema.safeParse(batch());
    expect(parsed.success).toBe(true);
    expect(parsed.data).toEqual(batch());
  });

  it.each<[string, (b: Record<string, unknown[]>) => void, string]>([
    ['a hash that is not hex', (b) => (b.sha![1] = 'not-a-sha'), 'sha.1'],
    ['parents not as %P prints them', (b) => (b.parents![2] = 'abc,def'), 'parents.2'],
    ['a time zone that is not whole minutes', (b) => (b.authorTz![0] = 60.5), 'authorTz.0'],
    ['a negative count', (b) => (b.insertions![1] = -1), 'insertions.1'],
    ['a file change without its counts', (b) => (b.changes![0] = [['a.ts', 1]]), 'changes.0'],
    ['a trailer that is not a pair', (b) => (b.trailers![0] = [['Signed-off-by']]), 'trailers.0'],
    ['a verdict that is not a boolean', (b) => (b.dcoOk![0] = 'yes'), 'dcoOk.0'],
    ['an integration by a non-hash', (b) => (b.integratedBy![2] = 'HEAD'), 'integratedBy.2'],
    ['a time longer than git prints', (b) => (b.committedAt![0] = 'x'.repeat(41)), 'committedAt.0'],
  ])('refuses %s, at its place', (_, spoil, path) => {
    const b = batch() as unknown as Record<string, unknown[]>;
    spoil(b);
    expect(issuesOf(b)).toEqual([{ path, message: 'not what git prints here' }]);
  });

  it('refuses a column of another length, a missing one and an unknown one', () => {
    const b = batch() as unknown as Record<string, unknown>;
    (b.message as unknown[]).pop();
    delete b.deletions;
    b.signature = [null, null, null];
    expect(issuesOf(b)).toEqual([
      { path: 'signature', message: 'not a column of a batch of commits' },
      { path: 'message', message: 'every column has one value per commit' },
      { path: 'deletions', message: 'every column has one value per commit' },
    ]);
  });

  it("takes no name from an object's prototype for a column", () => {
    for (const name of ['constructor', 'toString', 'hasOwnProperty']) {
      const b = { ...batch(), [name]: [1, 2, 3] };
      expect(issuesOf(b)).toEqual([{ path: name, message: 'not a column of a batch of commits' }]);
    }
  });

  it('refuses what is not a batch at all', () => {
    expect(issuesOf([])).toEqual([{ path: '', message: 'not what git prints here' }]);
    expect(issuesOf(null)).toEqual([{ path: '', message: 'not what git prints here' }]);
  });
});

describe('the earliest time each identity was seen', () => {
  it('compares git times as instants, whatever their offsets', () => {
    expect(earlier('2026-03-01T09:00:00+01:00', '2026-03-01T09:30:00+01:00')).toBe(true);
    expect(earlier('2026-03-01T09:30:00+01:00', '2026-03-01T09:00:00+01:00')).toBe(false);
    // 09:00 in Kolkata is 03:30 UTC, before 08:00 UTC.
    expect(earlier('2026-03-01T09:00:00+05:30', '2026-03-01T08:00:00+00:00')).toBe(true);
    // Text order would say the opposite: 10:00-08:00 is 18:00 UTC, after 11:00+00:00.
    expect(earlier('2026-03-01T10:00:00-08:00', '2026-03-01T11:00:00+00:00')).toBe(false);
    expect(earlier('2026-03-01T10:00:00Z', '2026-03-01T10:30:00+01:00')).toBe(false);
  });

  it('keeps each address once, lower-cased, at its earliest time and the name then used', () => {
    const later = { ...commit(1), authorEmail: 'Ada@Example.org', authorName: 'Ada L.' };
    later.authoredAt = '2026-03-02T09:00:00+01:00';
    const first = { ...commit(2), authoredAt: '2026-03-01T01:00:00-08:00', authorName: 'A. L.' };
    // Committed (and so seen as committer) days later.
    for (const c of [later, first]) c.committedAt = '2026-03-05T09:00:00+01:00';
    const b = toCommitBatch([later, first], [later, first].map(passes), () => null);
    const ada = identitiesOf(b).find((p) => p.email === 'ada@example.org');
    expect(ada).toEqual({
      email: 'ada@example.org',
      name: 'A. L.',
      at: '2026-03-01T01:00:00-08:00',
    });
  });
});
