import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabaseTarget } from '../../testing/testDatabase.ts';
import { openDatabase, type Database } from './database.ts';
import { queryRows } from './rows.ts';

const journal = JSON.parse(
  fs.readFileSync(
    path.resolve(
      path.dirname(fileURLToPath(import.meta.url)),
      '../../../migrations/meta/_journal.json',
    ),
    'utf8',
  ),
) as { entries: { tag: string }[] };

async function open(target: TestDatabaseTarget): Promise<Database> {
  return openDatabase({
    databaseUrl: target.databaseUrl,
    dataDir: target.dataDir,
    holder: 'migrations test',
  });
}

/** Every column, constraint, index and trigger, to compare two databases' schemas. */
async function schemaOf(database: Database) {
  const { db } = database;
  return {
    columns: await queryRows(
      db,
      sql`select table_name, column_name, data_type, is_nullable, column_default
          from information_schema.columns where table_schema = 'public'
          order by table_name, column_name`,
    ),
    constraints: await queryRows(
      db,
      sql`select conrelid::regclass::text as "table", conname, pg_get_constraintdef(oid) as def
          from pg_constraint where connamespace = 'public'::regnamespace
          order by 1, 2`,
    ),
    indexes: await queryRows(
      db,
      sql`select indexname, indexdef from pg_indexes where schemaname = 'public' order by 1`,
    ),
    triggers: await queryRows(
      db,
      sql`select tgrelid::regclass::text as "table", tgname from pg_trigger
          where not tgisinternal order by 1, 2`,
    ),
  };
}

// Every other test file starts from a copy of a migrated template: this one keeps the path
// that a new installation takes, from an empty database, exercised on every run.
describe('migrations', () => {
  const targets: TestDatabaseTarget[] = [];
  afterAll(async () => {
    for (const target of targets) await target.drop();
  });

  // Migrating from empty is the slow path the other files skip: 10-20 s on PGlite alone.
  it('apply in order to an empty database, giving the schema the tests start from', async () => {
    const empty = await createTestDatabase({ empty: true });
    targets.push(empty);
    const fromEmpty = await open(empty);
    let migrated;
    try {
      const applied = await queryRows<{ n: number }>(
        fromEmpty.db,
        sql`select count(*)::int as n from drizzle.__drizzle_migrations`,
      );
      expect(applied[0]!.n).toBe(journal.entries.length);
      migrated = await schemaOf(fromEmpty);
    } finally {
      await fromEmpty.close();
    }
    expect(migrated.columns.length).toBeGreaterThan(0);

    const copy = await createTestDatabase();
    targets.push(copy);
    const fromTemplate = await open(copy);
    try {
      expect(await schemaOf(fromTemplate)).toEqual(migrated);
    } finally {
      await fromTemplate.close();
    }
  }, 180_000);
});
