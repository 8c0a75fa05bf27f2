import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCommand, type CommandContext } from '../../platform/commands.ts';
import { queryRows } from '../../platform/db/rows.ts';
import type { TestApp } from '../../testing/testApp.ts';
import { startOperatorApp } from '../testing/operatorApp.ts';
import { readCommits } from '../git/readCommits.ts';
import { toCommitBatch } from '../ingest/commitRows.ts';
import { TestRepo } from '../testing/gitRepo.ts';
import { registerRepository } from './registerRepository.ts';
import { storeCommits } from './storeCommits.ts';

/**
 * A batch is copied straight into `commits`; one that holds a commit stored before (COPY has no
 * ON CONFLICT) takes the slower way and stores the rest, leaving the stored one as it was.
 */
describe('storing a batch of commits', () => {
  let app: TestApp;
  let ctx: CommandContext;
  const repo = new TestRepo();
  let repositoryId: string;
  beforeAll(async () => {
    ({ app, ctx } = await startOperatorApp());
    repositoryId = (await runCommand(registerRepository, { name: 'r', location: repo.dir }, ctx))
      .id;
  });
  afterAll(async () => {
    await app.stop();
    repo.remove();
  });

  const store = async (shas: readonly string[], reason: string) => {
    const commits = (await readCommits(repo.dir, ['--all'], { numstat: true })).filter((c) =>
      shas.includes(c.sha),
    );
    const verdicts = commits.map((c) => ({
      sha: c.sha,
      subject: c.message,
      ok: false,
      skipped: null,
      reason,
      author: c.authorName,
      email: c.authorEmail,
      committer: c.committerName,
    }));
    return runCommand(
      storeCommits,
      {
        repositoryId,
        seenAt: new Date('2026-03-01T10:00:00Z'),
        commits: toCommitBatch(commits, verdicts, () => null),
      },
      ctx,
    );
  };
  const reasons = () =>
    queryRows<{ sha: string; dco_reason: string; message: string; trailers: unknown }>(
      ctx.db,
      sql`select sha, dco_reason, message, trailers from commits where repository_id = ${repositoryId}`,
    );

  it('copies a batch, and takes one holding a stored commit without touching that one', async () => {
    const first = repo.commit('First\ttabbed\\slashed\r\n\nSigned-off-by: A <a@example.org>\n');
    const second = repo.commit('Second\n');
    expect(await store([first], 'first batch')).toEqual({ stored: 1 });
    expect(await store([first, second], 'second batch')).toEqual({ stored: 2 });
    const rows = new Map((await reasons()).map((r) => [r.sha, r]));
    expect(rows.size).toBe(2);
    expect(rows.get(first)!.dco_reason).toBe('first batch');
    expect(rows.get(second)!.dco_reason).toBe('second batch');
    // COPY's escapes read back as git printed the message.
    expect(rows.get(first)!.message).toBe(
      'First\ttabbed\\slashed\r\n\nSigned-off-by: A <a@example.org>\n',
    );
    expect(rows.get(first)!.trailers).toEqual([['Signed-off-by', 'A <a@example.org>']]);
  });

  it('refuses a batch that is no batch as a field error, not a crash', async () => {
    for (const commits of [null, {}, []]) {
      await expect(
        runCommand(
          storeCommits,
          { repositoryId, seenAt: new Date('2026-03-01T10:00:00Z'), commits: commits as never },
          ctx,
        ),
      ).rejects.toMatchObject({ status: 400 });
    }
  });
});
