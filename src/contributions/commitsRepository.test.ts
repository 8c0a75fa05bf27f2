import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { operatorActor } from '../platform/actor.ts';
import { runCommand, type CommandContext } from '../platform/commands.ts';
import { queryRows } from '../platform/db/rows.ts';
import { setUpCoop, startTestApp, type TestApp } from '../testing/testApp.ts';
import { registerRepository } from './commands/registerRepository.ts';
import { TestRepo } from './testing/gitRepo.ts';

/**
 * A commit's repository is checked by triggers once per statement (migration 0036) instead of
 * two foreign keys checked row by row: what the keys guaranteed, the triggers still do.
 */
describe("a commit's repository", () => {
  let app: TestApp;
  let ctx: CommandContext;
  let coopId: string;
  let repositoryId: string;
  const repo = new TestRepo();
  beforeAll(async () => {
    app = await startTestApp();
    await setUpCoop(app);
    const [coop] = await queryRows<{ id: string }>(app.database.db, sql`select id from coops`);
    coopId = coop!.id;
    ctx = { db: app.database.db, actor: operatorActor(coopId), publicUrl: '' };
    repo.commit('Start\n');
    repositoryId = (await runCommand(registerRepository, { name: 'r', location: repo.dir }, ctx))
      .id;
  });
  afterAll(async () => {
    await app.stop();
    repo.remove();
  });

  const insertCommit = (sha: string, repository: string, coop = coopId) =>
    ctx.db.execute(sql`insert into commits (coop_id, repository_id, sha, parents, author_name,
        author_email, authored_at, author_tz, committer_name, committer_email, committed_at,
        committer_tz, message, trailers, files, insertions, deletions, dco_ok, first_seen_at)
      values (${coop}::uuid, ${repository}::uuid, ${sha}, '{}', 'A', 'a@example.org', now(), 0,
        'A', 'a@example.org', now(), 0, 'm', '[]', 0, 0, 0, true, now())`);
  const commitsOf = async (repository: string) =>
    (
      await queryRows<{ n: number }>(
        ctx.db,
        sql`select count(*)::int as n from commits where repository_id = ${repository}::uuid`,
      )
    )[0]!.n;
  const causeCode = async (p: Promise<unknown>) => {
    const error = (await p.then(
      () => null,
      (e: unknown) => e,
    )) as { cause?: { code?: string }; code?: string } | null;
    return error?.cause?.code ?? error?.code ?? null;
  };

  it('is refused when it names no repository, or one of another co-op', async () => {
    expect(await causeCode(insertCommit('a'.repeat(40), randomUUID()))).toBe('23503');
    expect(await causeCode(insertCommit('b'.repeat(40), repositoryId, randomUUID()))).toBe('23503');
    await insertCommit('c'.repeat(40), repositoryId);
    expect(
      await causeCode(
        ctx.db.execute(
          sql`update commits set repository_id = ${randomUUID()}::uuid where sha = ${'c'.repeat(40)}`,
        ),
      ),
    ).toBe('23503');
    expect(await commitsOf(repositoryId)).toBe(1);
  });

  it("keeps the repository's key while commits name it, and goes with a deleted repository", async () => {
    expect(
      await causeCode(
        ctx.db.execute(
          sql`update repositories set id = ${randomUUID()}::uuid where id = ${repositoryId}::uuid`,
        ),
      ),
    ).toBe('23503');
    await ctx.db.execute(sql`delete from repositories where id = ${repositoryId}::uuid`);
    expect(await commitsOf(repositoryId)).toBe(0);
  });
});
