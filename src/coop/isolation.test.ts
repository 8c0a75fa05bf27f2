import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backupTables, restoreBackup } from '../platform/db/backup.ts';
import { queryRows } from '../platform/db/rows.ts';
import { startTestApp, TestClient, type TestApp } from '../testing/testApp.ts';
import {
  openapiOperations,
  probe,
  responseText,
  tableDigests,
  uuidsIn,
} from '../testing/openapiProbe.ts';
import { setupCoop } from './commands/setupCoop.ts';

// The neighbour is the demo co-op (members, books, cycles, polls, claims) as an earlier
// version backed it up; the intruder is a second co-op's administrator on the same database.
const fixture = path.join(
  import.meta.dirname,
  '../platform/db/fixtures/demo-at-migration-8.backup.gz',
);
const intruder = { email: 'intruder@example.org', password: 'intruder password 1' };

describe('two co-ops on one database', () => {
  let app: TestApp;
  let neighbourId: string;
  beforeAll(async () => {
    app = await startTestApp({ COOP_DEFAULT: 'intruders' });
    await restoreBackup(app.database.db, fixture);
    [{ id: neighbourId }] = (await queryRows<{ id: string }>(
      app.database.db,
      sql`update coops set host_name = 'demo.coop.test' returning id`,
    )) as [{ id: string }];
    await setupCoop(
      app.database.db,
      {
        name: 'Intruders',
        slug: 'intruders',
        admin: { displayName: 'Ivo Intruder', ...intruder },
      },
      { alone: false },
    );
  });
  afterAll(() => app.stop());

  /** Every row of the neighbour's, table by table, as one digest each. */
  const neighbourDigest = () =>
    tableDigests(app.database.db, backupTables, (table) =>
      table === 'coops' ? sql`t.id = ${neighbourId}` : sql`t.coop_id = ${neighbourId}`,
    );

  it('reaches the neighbour by its host name and the intruders by default', async () => {
    const demo = await app
      .client()
      .request(
        'POST',
        '/api/auth/login',
        { email: 'admin@demo.coop', password: 'cooperate-demo-2026' },
        { host: 'demo.coop.test' },
      );
    expect(demo.status).toBe(200);
    const elsewhere = await app
      .client()
      .signIn('admin@demo.coop', { password: 'cooperate-demo-2026' });
    expect(elsewhere.status).toBe(401);
  });

  it('lets an administrator of one co-op read and change nothing of the other through any operation', async () => {
    const before = await neighbourDigest();
    const neighbourIds = new Set<string>();
    const probes: string[] = [];
    for (const table of backupTables) {
      if (table === 'coops') continue;
      const rows = await queryRows<{ id: string }>(
        app.database.db,
        sql`select t.id::text as id from ${sql.identifier(table)} t
            where t.coop_id = ${neighbourId} and exists (
              select 1 from information_schema.columns c
              where c.table_name = ${table} and c.column_name = 'id' and c.data_type = 'uuid')`,
      ).catch(() => []);
      for (const row of rows) neighbourIds.add(row.id);
      if (rows[0]) probes.push(rows[0].id);
    }
    // People, organizations and other records the demo fills.
    expect(probes.length).toBeGreaterThan(15);

    const client = new TestClient(app.app, '10.7.7.7');
    const signIn = async () =>
      expect((await client.signIn(intruder.email, intruder)).status).toBe(200);
    await signIn();
    await client.get('/api/session');

    const { operations, refs } = await openapiOperations(client);
    let requests = 0;
    const leaks: string[] = [];
    for (const operation of operations) {
      const { verb, template } = operation;
      // Signing out or setting up would end the intruder's own session, not test the fence.
      if (/logout|sign-out|\/setup$/.test(template)) continue;
      const hasParams = template.includes('{');
      for (const id of hasParams || verb !== 'GET' ? probes : [probes[0]!]) {
        const sent = await probe(client, operation, id, refs, signIn);
        const { response } = sent;
        requests++;
        const text = responseText(response.body);
        for (const found of uuidsIn(text))
          if (neighbourIds.has(found) && found !== id)
            leaks.push(`${verb} ${sent.url} -> ${response.status} shows ${found}`);
        if (text.includes('Demo Hackers Co-op') || text.includes('@demo.coop'))
          leaks.push(
            `${verb} ${sent.url} -> ${response.status} shows the neighbour's name or members`,
          );
      }
    }
    expect(leaks).toEqual([]);
    expect(requests).toBeGreaterThan(1000);
    expect(await neighbourDigest()).toEqual(before);
    // Every operation times every probe: a few thousand requests, more with each domain.
  }, 300_000);
});
