import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabaseTarget } from '../testing/testDatabase.ts';
import { HttpSession, startServerProcess, type ServerProcess } from '../testing/serverProcess.ts';
import { openDatabase } from './db/database.ts';
import { queryRows } from './db/rows.ts';

// Several app processes share one PostgreSQL; PGlite is one process by design (see dataDirLock).
describe.skipIf(!process.env.TEST_DATABASE_URL)('two app processes on one PostgreSQL', () => {
  let target: TestDatabaseTarget;
  let a: ServerProcess;
  let b: ServerProcess;
  beforeAll(async () => {
    target = await createTestDatabase();
    const env = { COOP_DATA_DIR: target.dataDir, DATABASE_URL: target.databaseUrl };
    [a, b] = await Promise.all([startServerProcess(env), startServerProcess(env)]);
  });
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await target.drop();
  });

  it('shares set-up, sessions and jobs', async () => {
    const onA = new HttpSession(a.url);
    expect(
      (
        await onA.call('POST', '/api/setup', {
          name: 'Shared Co-op',
          admin: {
            displayName: 'Admin',
            email: 'admin@example.org',
            password: 'long password here',
          },
        })
      ).status,
    ).toBe(201);
    // B learns of the co-op from the database, not from its own memory.
    const onB = new HttpSession(b.url);
    expect((await onB.call('GET', '/api/setup')).body).toEqual({ required: false });
    expect(
      (
        await onB.call('POST', '/api/setup', {
          name: 'Second',
          admin: { displayName: 'X', email: 'x@example.org', password: 'long password here' },
        })
      ).status,
    ).toBe(409);

    // A session opened on A works on B: it lives in the database.
    await onA.call('GET', '/api/session');
    onB.cookie = onA.cookie;
    onB.csrf = onA.csrf;
    expect((await onB.call('GET', '/api/session')).body.user.displayName).toBe('Admin');

    // Twenty invitations from both processes: every mail is delivered once, by one worker.
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        (i % 2 ? onA : onB).call('POST', '/api/invitations', {
          email: `m${i}@example.org`,
          memberClass: 'community',
        }),
      ),
    );
    const database = await openDatabase({
      databaseUrl: target.databaseUrl,
      dataDir: target.dataDir,
      holder: 'test',
    });
    try {
      const deadline = Date.now() + 20_000;
      let jobs: { done: number; attempts: number; workers: number }[] = [];
      while (Date.now() < deadline) {
        jobs = await queryRows(
          database.db,
          sql`select count(*) filter (where done_at is not null)::int as done, coalesce(sum(attempts), 0)::int as attempts,
                     count(distinct split_part(locked_by, ':', 2))::int as workers
              from jobs where kind = 'mail.deliver'`,
        );
        if (jobs[0]!.done === 20) break;
        await new Promise((r) => setTimeout(r, 250));
      }
      expect(jobs[0]!.done).toBe(20);
      expect(jobs[0]!.attempts).toBe(20);
      const held = await queryRows<{ n: number }>(
        database.db,
        sql`select count(*)::int as n from outbox where status = 'held'`,
      );
      expect(held[0]!.n).toBe(20);
    } finally {
      await database.close();
    }
  });
});
