import { systemClock } from '../clock.ts';
import { loadConfig } from '../config.ts';
import type { Database } from '../db/database.ts';
import { createLogger } from '../logger.ts';
import { routeModules } from '../../routes.ts';
import { buildServer } from './server.ts';

/**
 * A database that refuses to be used. Route modules only keep a reference to `db` when they
 * register, so the OpenAPI document can be produced without opening PGlite (seconds, and a
 * lock on the data directory) or reaching PostgreSQL; a route that queried at registration
 * would fail here loudly instead of touching a real database.
 */
const noDatabase: Database = {
  kind: 'pglite',
  db: new Proxy({} as Database['db'], {
    get(_target, property) {
      throw new Error(`The OpenAPI build has no database (db.${String(property)} was used).`);
    },
  }),
  close: async () => {},
};

/** The document served at /api/openapi.json, built from the route schemas without listening. */
export async function buildOpenApiDocument(): Promise<Record<string, unknown>> {
  const config = loadConfig({ COOP_LOG: 'silent', COOP_JOBS: 'off' });
  const app = await buildServer(
    { database: noDatabase, config, clock: systemClock },
    routeModules,
    createLogger('silent'),
  );
  await app.ready();
  const document = app.swagger() as unknown as Record<string, unknown>;
  await app.close();
  return document;
}
