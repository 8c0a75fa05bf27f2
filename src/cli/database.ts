import { findCoop } from '../coop/queries.ts';
import { loadConfig, type Config } from '../platform/config.ts';
import { openDatabase, type Database } from '../platform/db/database.ts';

/** Opens the configured database for one CLI command, holding the data directory's lock. */
export async function withDatabase<T>(
  command: string,
  fn: (database: Database, config: Config) => Promise<T>,
): Promise<T> {
  const config = loadConfig();
  const database = await openDatabase({
    databaseUrl: config.DATABASE_URL,
    dataDir: config.dataDir,
    holder: `coop ${command}`,
  });
  try {
    return await fn(database, config);
  } finally {
    await database.close();
  }
}

export async function requireCoopId(database: Database): Promise<string> {
  const coop = await findCoop(database.db);
  if (!coop) throw new Error('The co-op is not set up yet: run `coop init` or open the web app.');
  return coop.id;
}
