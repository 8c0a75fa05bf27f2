import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { copyPgliteTemplate, databaseUrl, postgresTemplate } from './templates.ts';

export interface TestDatabaseTarget {
  kind: 'pglite' | 'postgres';
  dataDir: string;
  databaseUrl: string | undefined;
  drop(): Promise<void>;
}

export interface TestDatabaseOptions {
  /**
   * An empty database instead of a copy of the migrated template, for the tests of the
   * migrations themselves.
   */
  empty?: boolean;
}

/**
 * A database of its own for one test file, with every migration applied: a PGlite data
 * directory by default, or a new database on the server named by TEST_DATABASE_URL.
 */
export async function createTestDatabase(
  options: TestDatabaseOptions = {},
): Promise<TestDatabaseTarget> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'coop-test-'));
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) {
    if (!options.empty) await copyPgliteTemplate(dataDir);
    return {
      kind: 'pglite',
      dataDir,
      databaseUrl: undefined,
      drop: async () => fs.rmSync(dataDir, { recursive: true, force: true }),
    };
  }
  const name = `coop_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const template = options.empty ? 'template1' : await postgresTemplate(adminUrl);
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name} template ${template}`);
  // A test's database is thrown away: its commits need not wait for the disk.
  await admin.query(`alter database ${name} set synchronous_commit = off`);
  await admin.end();
  return {
    kind: 'postgres',
    dataDir,
    databaseUrl: databaseUrl(adminUrl, name),
    drop: async () => {
      fs.rmSync(dataDir, { recursive: true, force: true });
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}
