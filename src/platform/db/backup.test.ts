import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp } from '../../app.ts';
import { loadConfig } from '../config.ts';
import {
  addMember,
  adminCredentials,
  setUpCoop,
  startTestApp,
  type TestApp,
} from '../../testing/testApp.ts';
import { backupTables, restoreBackup, writeBackup } from './backup.ts';
import { queryRows } from './rows.ts';
import type { Executor } from './database.ts';

async function counts(executor: Executor) {
  const result: Record<string, number> = {};
  for (const table of backupTables) {
    const [row] = await queryRows<{ n: number }>(
      executor,
      sql`select count(*)::int as n from ${sql.identifier(table)}`,
    );
    result[table] = row!.n;
  }
  return result;
}

describe('backup and restore', () => {
  let source: TestApp;
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'coop-backup-'));
  const file = path.join(work, 'coop.backup.gz');
  beforeAll(async () => {
    source = await startTestApp();
    const admin = await setUpCoop(source);
    await addMember(source, admin, {
      email: 'kept@example.org',
      name: 'Kept Member',
      memberClass: 'community',
    });
    await admin.post('/api/organizations', {
      legalName: 'Backed Up GmbH',
      billingAddress: 'Straße 1\n10115 Berlin',
    });
    await source.drainJobs();
  });
  afterAll(async () => {
    await source.stop();
    fs.rmSync(work, { recursive: true, force: true });
  });

  // Restores onto PGlite always, and onto PostgreSQL too when the suite runs against one.
  const targets = [
    { name: 'PGlite', url: undefined },
    ...(process.env.TEST_DATABASE_URL ? [{ name: 'PostgreSQL', url: 'postgres' }] : []),
  ];

  // A restore inserts the tables in this order, and foreign keys are checked row by row.
  it('lists every table after the tables its foreign keys point at', async () => {
    const references = await queryRows<{ child: string; parent: string }>(
      source.database.db,
      sql`select c.conrelid::regclass::text as child, c.confrelid::regclass::text as parent
          from pg_constraint c join pg_namespace n on n.oid = c.connamespace
          where c.contype = 'f' and n.nspname = 'public' and c.conrelid <> c.confrelid`,
    );
    expect(references.length).toBeGreaterThan(0);
    const position = (table: string) => (backupTables as readonly string[]).indexOf(table);
    // The derived tables are rebuilt by triggers, never restored.
    const outOfOrder = references
      .filter((r) => position(r.child) >= 0 && position(r.parent) > position(r.child))
      .map((r) => `${r.child} -> ${r.parent}`);
    expect(outOfOrder).toEqual([]);
  });

  it('writes a snapshot of every table', async () => {
    const summary = await writeBackup(source.database.db, file);
    expect(summary.tables).toEqual(await counts(source.database.db));
    expect(summary.tables.people).toBe(2);
  });

  for (const target of targets) {
    it(`restores from ${process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'PGlite'} onto ${target.name}, and the co-op works`, async () => {
      const { createTestDatabase } = await import('../../testing/testDatabase.ts');
      const saved = process.env.TEST_DATABASE_URL;
      if (!target.url) delete process.env.TEST_DATABASE_URL;
      const fresh = await createTestDatabase();
      if (saved) process.env.TEST_DATABASE_URL = saved;
      const config = loadConfig({
        COOP_DATA_DIR: fresh.dataDir,
        ...(fresh.databaseUrl ? { DATABASE_URL: fresh.databaseUrl } : {}),
        COOP_LOG: 'silent',
        COOP_JOBS: 'off',
      });
      const restored = await startApp(config, { listen: false });
      try {
        await restoreBackup(restored.database.db, file);
        expect(await counts(restored.database.db)).toEqual(await counts(source.database.db));
        const login = await restored.app.inject({
          method: 'POST',
          url: '/api/auth/login',
          headers: { 'content-type': 'application/json' },
          payload: JSON.stringify(adminCredentials),
        });
        expect(login.statusCode).toBe(200);
        const [org] = await queryRows<{ billing_address: string }>(
          restored.database.db,
          sql`select billing_address from organizations`,
        );
        expect(org!.billing_address).toBe('Straße 1\n10115 Berlin');
        // New events continue the sequence after the restored ones.
        const [seq] = await queryRows<{ max: number }>(
          restored.database.db,
          sql`select max(seq)::int as max from events`,
        );
        await restored.app.inject({
          method: 'POST',
          url: '/api/auth/login',
          headers: { 'content-type': 'application/json' },
          payload: JSON.stringify(adminCredentials),
        });
        const [next] = await queryRows<{ max: number }>(
          restored.database.db,
          sql`select max(seq)::int as max from events`,
        );
        expect(next!.max).toBe(seq!.max + 1);
      } finally {
        await restored.close();
        await fresh.drop();
      }
    });
  }

  it('refuses a file that is not a backup, changing nothing', async () => {
    const bogus = path.join(work, 'bogus.gz');
    const { gzipSync } = await import('node:zlib');
    fs.writeFileSync(bogus, gzipSync('{"hello":"world"}\n'));
    const before = await counts(source.database.db);
    await expect(restoreBackup(source.database.db, bogus)).rejects.toThrow(
      /not a Hackers Co-op backup/,
    );
    expect(await counts(source.database.db)).toEqual(before);
  });
});
