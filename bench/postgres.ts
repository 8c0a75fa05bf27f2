/** A throw-away PostgreSQL database per run, created and dropped through the `pg` package. */
import pg from 'pg';

export const defaultAdminUrl = 'postgres://postgres@127.0.0.1:5432/postgres';

export interface ScratchDatabase {
  url: string;
  name: string;
  serverVersion: string;
  drop(): Promise<void>;
}

/**
 * Connects to `adminUrl`; returns undefined (with the reason) when the server is not reachable
 * and it was only the default, so that a machine without PostgreSQL still runs the benchmark.
 */
export async function createScratchDatabase(
  adminUrl: string,
  required: boolean,
): Promise<ScratchDatabase | { skipped: string }> {
  const admin = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 3000 });
  try {
    await admin.connect();
  } catch (error) {
    await admin.end().catch(() => undefined);
    if (required) throw error;
    return { skipped: `PostgreSQL not reachable at ${adminUrl}: ${(error as Error).message}` };
  }
  const name = `bench_${Date.now().toString(36)}_${process.pid}`;
  try {
    const { rows } = await admin.query<{ server_version: string }>('show server_version');
    await admin.query(`create database ${name}`);
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    return {
      url: url.toString(),
      name,
      serverVersion: rows[0]?.server_version ?? 'unknown',
      drop: async () => {
        const again = new pg.Client({ connectionString: adminUrl });
        await again.connect();
        try {
          await again.query(`drop database if exists ${name} with (force)`);
        } finally {
          await again.end();
        }
      },
    };
  } finally {
    await admin.end();
  }
}
