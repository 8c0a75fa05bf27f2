import { lt, sql } from 'drizzle-orm';
import { sessions } from '../members/schema.ts';
import type { Db } from './db/database.ts';
import { loginFailures } from './db/schema.ts';
import { queryRows } from './db/rows.ts';
import { enqueueJob, type JobHandler } from './jobs.ts';

/** Expired sessions and old failed sign-ins have no further use. */
export const purgeExpired: JobHandler = async (db) => {
  await db.delete(sessions).where(lt(sessions.expiresAt, sql`now()`));
  await db.delete(loginFailures).where(lt(loginFailures.failedAt, sql`now() - interval '1 day'`));
};

/** Once a day per co-op; every process calls this, the dedupe key leaves one job. */
export async function scheduleMaintenance(db: Db): Promise<void> {
  const day = new Date().toISOString().slice(0, 10);
  const coops = await queryRows<{ id: string }>(db, sql`select id from coops`);
  for (const coop of coops) {
    await enqueueJob(db, { coopId: coop.id, kind: 'maintenance.purge', dedupeKey: day });
  }
}
