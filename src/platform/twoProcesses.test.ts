import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabaseTarget } from '../testing/testDatabase.ts';
import { HttpSession, startServerProcess, type ServerProcess } from '../testing/serverProcess.ts';
import { openDatabase } from './db/database.ts';
import { queryRows } from './db/rows.ts';
import { consumerLag } from './dispatcher.ts';

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
      // The mail consumer follows the log from whichever process holds its lease; each event
      // goes to one of them (src/platform/dispatcher.test.ts shows the lease at work).
      const deadline = Date.now() + 20_000;
      let held = 0;
      while (Date.now() < deadline) {
        [{ n: held }] = (await queryRows<{ n: number }>(
          database.db,
          sql`select count(*)::int as n from outbox where status = 'held'`,
        )) as [{ n: number }];
        if (held === 20) break;
        await new Promise((r) => setTimeout(r, 250));
      }
      expect(held).toBe(20);
      const [coop] = await queryRows<{ id: string }>(database.db, sql`select id from coops`);
      const mail = (await consumerLag(database.db, coop!.id)).find((c) => c.consumer === 'mail');
      expect(mail).toMatchObject({ behind: 0, failures: 0 });
    } finally {
      await database.close();
    }
  });
});
