import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCommand, type CommandContext } from '../../platform/commands.ts';
import { queryRows } from '../../platform/db/rows.ts';
import type { TestApp } from '../../testing/testApp.ts';
import { startOperatorApp } from '../testing/operatorApp.ts';
import { registerRepository } from '../commands/registerRepository.ts';
import { mirrorsDirOf } from '../jobs.ts';
import { TestRepo } from '../testing/gitRepo.ts';
import { readIntegrations } from './integration.ts';
import { syncRepository } from './syncRepository.ts';

/**
 * A sync stores batches before the full integrations are read: commits on the first-parent line
 * as the stream brings them, the rest settled at the end. Whatever arrived when, every commit must end
 * with what the full read says.
 */
describe('integrations stored while they are still being read', () => {
  let app: TestApp;
  let ctx: CommandContext;
  const repo = new TestRepo();
  let repositoryId: string;
  beforeAll(async () => {
    ({ app, ctx } = await startOperatorApp());
    repositoryId = (
      await runCommand(registerRepository, { name: 'merges', location: repo.dir }, ctx)
    ).id;
  });
  afterAll(async () => {
    await app.stop();
    repo.remove();
  });

  // One commit a batch: the first-parent line and the full read arrive part-way through.
  const sync = () =>
    syncRepository(ctx, repositoryId, {
      mirrorsDir: mirrorsDirOf(app.config.dataDir),
      batchSize: 1,
    });

  async function expectAsTheFullRead(newTip: string, oldTip: string | null) {
    const expected = await readIntegrations(repo.dir, newTip, oldTip);
    const rows = await queryRows<{
      sha: string;
      integrated_at: string | null;
      integrated_by: string | null;
    }>(
      ctx.db,
      sql`select sha, integrated_at, integrated_by from commits where repository_id = ${repositoryId}`,
    );
    const stored = new Map(rows.map((r) => [r.sha, r]));
    expect(expected.size).toBeGreaterThan(0);
    for (const [sha, integration] of expected) {
      const row = stored.get(sha);
      expect(row, sha).toBeDefined();
      expect(row!.integrated_by, sha).toBe(integration.by);
      expect(new Date(row!.integrated_at!).toISOString(), sha).toBe(
        new Date(integration.at).toISOString(),
      );
    }
  }

  const branchOff = (name: string, count: number, from = 'main') => {
    repo.git('checkout', '-q', '-b', name, from);
    for (let i = 1; i <= count; i++) repo.commit(`${name} ${i}\n`, { file: `${name}.txt` });
    repo.git('checkout', '-q', 'main');
  };

  it('on a first sync, with merged branches', async () => {
    for (let i = 1; i <= 5; i++) repo.commit(`main ${i}\n`);
    branchOff('feature', 3);
    for (let i = 6; i <= 8; i++) repo.commit(`main ${i}\n`);
    repo.merge('feature');
    branchOff('other', 2);
    repo.commit('main 9\n');
    repo.merge('other');
    branchOff('unmerged', 2);
    const tip = repo.git('rev-parse', 'main');
    expect(await sync()).toMatchObject({ newCommits: 18 });
    await expectAsTheFullRead(tip, null);
    const unmerged = repo.git('rev-parse', 'unmerged');
    const [row] = await queryRows<{ integrated_by: string | null }>(
      ctx.db,
      sql`select integrated_by from commits where sha = ${unmerged}`,
    );
    expect(row!.integrated_by).toBeNull();
  });

  it('on a later sync, and when the unmerged branch is merged at last', async () => {
    const oldTip = repo.git('rev-parse', 'main');
    branchOff('later', 2);
    repo.commit('main 10\n');
    repo.merge('later');
    repo.merge('unmerged');
    const tip = repo.git('rev-parse', 'main');
    expect(await sync()).toMatchObject({ newCommits: 5 });
    await expectAsTheFullRead(tip, oldTip);
  });

  it('when the old tip left the first-parent line (main merged into a branch that replaced it)', async () => {
    const oldTip = repo.git('rev-parse', 'main');
    repo.git('checkout', '-q', '-b', 'foxtrot', 'main~2');
    repo.commit('foxtrot 1\n', { file: 'foxtrot.txt' });
    repo.git('merge', '-q', '--no-ff', '-m', 'Merge main into foxtrot', 'main');
    repo.commit('foxtrot 2\n', { file: 'foxtrot.txt' });
    repo.git('checkout', '-q', 'main');
    repo.git('merge', '-q', '--ff-only', 'foxtrot');
    const tip = repo.git('rev-parse', 'main');
    expect(await sync()).toMatchObject({ newCommits: 3 });
    await expectAsTheFullRead(tip, oldTip);
  });

  it('when a clock set wrong brings a first parent before its child', async () => {
    const oldTip = repo.git('rev-parse', 'main');
    const parent = repo.commit('parent, dated late\n', { at: '2026-03-01T10:10:00+00:00' });
    repo.git('checkout', '-q', '-b', 'skewed', parent);
    repo.commit('side\n', { file: 'side.txt', at: '2026-03-01T10:20:00+00:00' });
    repo.git('checkout', '-q', 'main');
    const child = repo.commit('child, dated early\n', { at: '2026-03-01T10:01:00+00:00' });
    repo.merge('skewed', "Merge branch 'skewed'", { at: '2026-03-01T10:30:00+00:00' });
    const order = repo.git('log', '--format=%H', 'main', '--not', oldTip).split('\n');
    expect(order.indexOf(parent)).toBeLessThan(order.indexOf(child));
    const tip = repo.git('rev-parse', 'main');
    expect(await sync()).toMatchObject({ newCommits: 4 });
    await expectAsTheFullRead(tip, oldTip);
  });

  it('when a commit stored from a branch since deleted is brought onto the default branch', async () => {
    branchOff('hotfix', 1);
    const hotfix = repo.git('rev-parse', 'hotfix');
    await sync();
    repo.git('branch', '-q', '-D', 'hotfix');
    await sync();
    const oldTip = repo.git('rev-parse', 'main');
    repo.git('merge', '-q', '--ff-only', hotfix);
    expect(repo.git('rev-parse', 'main')).toBe(hotfix);
    // The stream brings it again (no stored tip reaches it), and it is already stored.
    expect(await sync()).toMatchObject({ newCommits: 1 });
    await expectAsTheFullRead(hotfix, oldTip);
  });
});
