import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCommand, type CommandContext } from '../platform/commands.ts';
import { queryRows } from '../platform/db/rows.ts';
import type { TestApp } from '../testing/testApp.ts';
import { startOperatorApp } from './testing/operatorApp.ts';
import { registerRepository } from './commands/registerRepository.ts';
import { syncRepository } from './ingest/syncRepository.ts';
import { mirrorsDirOf } from './jobs.ts';
import { signoff, TestRepo } from './testing/gitRepo.ts';

const ada = { name: 'Ada Lovelace', email: 'ada@example.org' };
const bob = { name: 'Bob Builder', email: 'Bob@Example.net' };

describe('ingesting a repository', () => {
  let app: TestApp;
  let ctx: CommandContext;
  const upstream = new TestRepo();
  let repositoryId: string;
  beforeAll(async () => {
    ({ app, ctx } = await startOperatorApp());
  });
  afterAll(async () => {
    await app.stop();
    upstream.remove();
  });

  const sync = () =>
    syncRepository(ctx, repositoryId, { mirrorsDir: mirrorsDirOf(app.config.dataDir) });
  const commitsRow = (sha: string) =>
    queryRows<Record<string, unknown>>(
      ctx.db,
      sql`select * from commits where sha = ${sha} and repository_id = ${repositoryId}`,
    ).then((rows) => rows[0]!);

  it('reads every commit of every branch and tag, with what git says of each', async () => {
    const root = upstream.commit(`Start\n\n${signoff(ada)}\n`, {
      file: 'a.txt',
      content: 'one\ntwo\nthree\n',
      at: '2026-01-05T09:00:00+05:30',
    });
    upstream.git('tag', '-a', 'v1', '-m', 'v1');
    upstream.git('checkout', '-q', '-b', 'feature');
    const feature = upstream.commit(
      `Add b\n\nBody text.\n\nCo-authored-by: ${ada.name} <${ada.email}>\nReviewed-by: Carol Shaw <carol@acme.example>\n${signoff(bob)}\n`,
      { author: bob, file: 'b.txt', content: 'b\n', at: '2026-01-06T10:00:00-08:00' },
    );
    upstream.git('checkout', '-q', 'main');
    // Registered by URL: the server mirrors it.
    repositoryId = (
      await runCommand(
        registerRepository,
        { name: 'upstream', location: `file://${upstream.dir}` },
        ctx,
      )
    ).id;
    const result = await sync();
    expect(result).toMatchObject({ newCommits: 2, refsChanged: 3, rewrites: [], dcoFailures: 0 });
    const start = await commitsRow(root);
    expect(start).toMatchObject({
      parents: [],
      author_name: 'Ada Lovelace',
      author_tz: 330,
      files: 1,
      insertions: 3,
      deletions: 0,
      changes: [['a.txt', 3, 0]],
      dco_ok: true,
      integrated_by: root,
    });
    expect(new Date(start.authored_at as string).toISOString()).toBe('2026-01-05T03:30:00.000Z');
    const add = await commitsRow(feature);
    expect(add).toMatchObject({
      parents: [root],
      author_email: 'Bob@Example.net',
      author_tz: -480,
      trailers: [
        ['Co-authored-by', 'Ada Lovelace <ada@example.org>'],
        ['Reviewed-by', 'Carol Shaw <carol@acme.example>'],
        ['Signed-off-by', 'Bob Builder <Bob@Example.net>'],
      ],
      integrated_at: null,
    });
    const contributors = await queryRows<{ email: string }>(
      ctx.db,
      sql`select email from contributors order by email`,
    );
    expect(contributors.map((c) => c.email)).toEqual([
      'ada@example.org',
      'bob@example.net',
      'carol@acme.example',
    ]);
  });

  it('takes only the commits not seen before, and marks when a branch reaches the default one', async () => {
    expect(await sync()).toMatchObject({ newCommits: 0, refsChanged: 0 });
    const feature = upstream.git('rev-parse', 'feature');
    const merge = upstream.merge('feature', 'Merge feature', { at: '2026-01-09T12:00:00+00:00' });
    const result = await sync();
    expect(result).toMatchObject({ newCommits: 1, refsChanged: 1 });
    expect(await commitsRow(feature)).toMatchObject({ integrated_by: merge });
    expect(new Date((await commitsRow(feature)).integrated_at as string).toISOString()).toBe(
      '2026-01-09T12:00:00.000Z',
    );
    expect(await commitsRow(merge)).toMatchObject({ dco_ok: true, dco_skipped: 'merge' });
  });

  it('checks each branch’s own commits and keeps the remediation text', async () => {
    upstream.git('checkout', '-q', '-b', 'unsigned');
    const bad = upstream.commit('No sign-off here\n', { author: bob, file: 'c.txt' });
    upstream.git('checkout', '-q', 'main');
    const result = await sync();
    expect(result).toMatchObject({ newCommits: 1, dcoFailures: 1, failingBranches: ['unsigned'] });
    const [check] = await queryRows<{
      failure_count: number;
      remediation: string;
      verdicts: { reason: string }[];
    }>(ctx.db, sql`select * from branch_checks where ref = 'refs/heads/unsigned'`);
    expect(check!.failure_count).toBe(1);
    expect(check!.verdicts[0]!.reason).toBe('The sign-off is missing.');
    expect(check!.remediation).toContain('git push --force-with-lease origin unsigned');
    expect(await commitsRow(bad)).toMatchObject({
      dco_ok: false,
      dco_reason: 'The sign-off is missing.',
    });
  });

  it('records a rewritten history (a force push) instead of absorbing it', async () => {
    upstream.git('checkout', '-q', 'unsigned');
    const old = upstream.git('rev-parse', 'HEAD');
    upstream.git('reset', '-q', '--hard', 'HEAD~1');
    const replacement = upstream.commit(`Signed now\n\n${signoff(bob)}\n`, {
      author: bob,
      file: 'c.txt',
    });
    upstream.git('checkout', '-q', 'main');
    const result = await sync();
    expect(result.rewrites).toEqual([
      { ref: 'refs/heads/unsigned', oldSha: old, newSha: replacement, droppedCommits: 1 },
    ]);
    expect(result.failingBranches).toEqual([]);
    const events = await queryRows<{ type: string; data: { ref: string } }>(
      ctx.db,
      sql`select type, data from events where type = 'contributions.history-rewritten'`,
    );
    expect(events.map((e) => e.data.ref)).toEqual(['refs/heads/unsigned']);
    // The replaced commit stays on record.
    expect(await commitsRow(old)).toBeDefined();
  });
});
