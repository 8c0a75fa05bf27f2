import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { lockDataDir } from './dataDirLock.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- no relational queries are used
type Schema = Record<string, any>;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** What every repository function takes: the transaction when inside one, never the outer db. */
export type Executor = Db | Tx;

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  close(): Promise<void>;
}

export const migrationsFolder = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../migrations',
);

export interface OpenOptions {
  databaseUrl?: string | undefined;
  dataDir: string;
  /** Who holds the embedded data directory, shown to a second process that is refused. */
  holder: string;
  poolSize?: number;
  /**
   * A process that opens the database, answers and exits (a CLI command). PGlite then starts
   * with 16 MB of shared buffers instead of PostgreSQL's 128 MB: setting those up is half of
   * its start-up (1.15 s against 0.68 s on the demo books, 255 MB against 140 MB), and a short
   * command reads little enough that the operating system's page cache serves it as well.
   */
  shortLived?: boolean;
}

/** Opens PGlite in the data directory (locked to this process) or PostgreSQL, and migrates. */
export async function openDatabase(options: OpenOptions): Promise<Database> {
  if (options.databaseUrl) {
    const pool = new pg.Pool({
      connectionString: options.databaseUrl,
      max: options.poolSize ?? 10,
    });
    // An idle connection the server ends (a restart, a failover, an administrator) is dropped
    // by the pool and replaced at the next query; unheard, its error would end the process.
    pool.on('error', (error) => {
      process.emitWarning(`an idle PostgreSQL connection was closed: ${error.message}`);
    });
    const db = drizzlePg(pool) as unknown as Db;
    // Several processes starting at once (a rolling upgrade) migrate one at a time.
    const lockClient = await pool.connect();
    try {
      await lockClient.query('select pg_advisory_lock(72010)');
      await migratePg(drizzlePg(pool), { migrationsFolder });
    } finally {
      await lockClient.query('select pg_advisory_unlock(72010)').catch(() => undefined);
      lockClient.release();
    }
    return { db, kind: 'postgres', close: () => pool.end() };
  }
  const dbDir = path.join(options.dataDir, 'pglite');
  const release = lockDataDir(options.dataDir, options.holder);
  try {
    const client = await PGlite.create(
      dbDir,
      options.shortLived
        ? { startParams: [...PGlite.defaultStartParams, '-c', 'shared_buffers=16MB'] }
        : {},
    );
    const db = drizzlePglite(client) as unknown as Db;
    await migratePglite(drizzlePglite(client), { migrationsFolder });
    return {
      db,
      kind: 'pglite',
      close: async () => {
        await client.close();
        release();
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}
