import { coopForCli } from '../coop/resolveCoop.ts';
import { loadConfig, type Config } from '../platform/config.ts';
import { openDatabase, type Database } from '../platform/db/database.ts';
import { selectedCoopSlug } from './selectedCoop.ts';

/** Opens the configured database for one CLI command, holding the data directory's lock. */
export async function withDatabase<T>(
  command: string,
  fn: (database: Database, config: Config) => Promise<T>,
  /** A command that writes much (an ingestion) keeps PGlite's full shared buffers. */
  options: { heavy?: boolean } = {},
): Promise<T> {
  const config = loadConfig();
  const database = await openDatabase({
    databaseUrl: config.DATABASE_URL,
    dataDir: config.dataDir,
    holder: `coop ${command}`,
    shortLived: !options.heavy,
  });
  try {
    return await fn(database, config);
  } finally {
    await database.close();
  }
}

/** The co-op a command acts on: `--coop SLUG`, else the deployment's only one. */
export async function requireCoopId(database: Database): Promise<string> {
  return (await coopForCli(database.db, selectedCoopSlug())).id;
}
