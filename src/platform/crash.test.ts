import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabaseTarget } from '../testing/testDatabase.ts';
import { HttpSession, runCli, startServerProcess } from '../testing/serverProcess.ts';

describe('killing the server in the middle of writes', () => {
  let target: TestDatabaseTarget;
  let env: Record<string, string | undefined>;
  beforeAll(async () => {
    target = await createTestDatabase();
    env = { COOP_DATA_DIR: target.dataDir, DATABASE_URL: target.databaseUrl };
    runCli(
      [
        'init',
        '--name',
        'Crash Co-op',
        '--admin-email',
        'a@example.org',
        '--admin-password',
        'long password here',
      ],
      env,
    );
  });
  afterAll(() => target.drop());

  it('loses no acknowledged change (SIGKILL)', async () => {
    const server = await startServerProcess(env);
    const session = new HttpSession(server.url);
    expect(
      (
        await session.call('POST', '/api/auth/login', {
          email: 'a@example.org',
          password: 'long password here',
        })
      ).status,
    ).toBe(200);
    const acknowledged: string[] = [];
    let stop = false;
    // Four writers keep creating organizations until the kill; each 201 is a promise kept.
    const writer = async (w: number) => {
      for (let i = 0; !stop; i++) {
        try {
          const r = await session.call('POST', '/api/organizations', {
            legalName: `Org ${w}-${i}`,
          });
          if (r.status === 201) acknowledged.push(`Org ${w}-${i}`);
        } catch {
          return; // the connection died with the server
        }
      }
    };
    const writers = [0, 1, 2, 3].map(writer);
    while (acknowledged.length < 150) await new Promise((r) => setTimeout(r, 20));
    await server.stop('SIGKILL');
    stop = true;
    await Promise.all(writers);

    const restarted = await startServerProcess(env);
    try {
      const again = new HttpSession(restarted.url);
      await again.call('POST', '/api/auth/login', {
        email: 'a@example.org',
        password: 'long password here',
      });
      const list = await again.call('GET', '/api/organizations');
      const names = new Set(
        (list.body.organizations as { legalName: string }[]).map((o) => o.legalName),
      );
      const lost = acknowledged.filter((n) => !names.has(n));
      expect(lost).toEqual([]);
      // Each organization's event committed with it: the log agrees with the table.
      const events = await again.call('GET', '/api/events?type=organization.created&limit=500');
      expect(events.body.events).toHaveLength(names.size);
    } finally {
      await restarted.stop();
    }
  });
});
