import path from 'node:path';
import { sql } from 'drizzle-orm';
import { systemActor } from '../platform/actor.ts';
import { runCommand } from '../platform/commands.ts';
import type { Db } from '../platform/db/database.ts';
import { queryRows } from '../platform/db/rows.ts';
import { enqueueJob, type JobHandler } from '../platform/jobs.ts';
import { recordSyncFailure } from './commands/recordSyncFailure.ts';
import { syncJobKind } from './commands/registerRepository.ts';
import { syncRepository } from './ingest/syncRepository.ts';

export const mirrorsDirOf = (dataDir: string) => path.join(dataDir, 'repositories');

/**
 * Syncs one repository as the co-op itself. A failure is recorded on the repository (and as an
 * event) before the job's own retry: an officer sees why, without reading logs.
 */
export const syncJobHandler =
  (dataDir: string): JobHandler =>
  async (db, job) => {
    const repositoryId = String(job.payload.repositoryId);
    const ctx = { db, actor: systemActor(job.coop_id), publicUrl: '' };
    // A sync queued before the repository was removed has nothing to do.
    const [live] = await queryRows<{ id: string }>(
      db,
      sql`select id from repositories where coop_id = ${job.coop_id} and id = ${repositoryId}
          and removed_at is null`,
    );
    if (!live) return;
    try {
      await syncRepository(ctx, repositoryId, { mirrorsDir: mirrorsDirOf(dataDir) });
    } catch (error) {
      await runCommand(
        recordSyncFailure,
        {
          repositoryId,
          error: (error instanceof Error ? error.message : String(error)).slice(0, 2000),
        },
        ctx,
      );
      throw error;
    }
  };

export function contributionsJobHandlers(dataDir: string): Record<string, JobHandler> {
  return { [syncJobKind]: syncJobHandler(dataDir) };
}

/** Hourly, with the other schedules: one pending sync per repository (the dedupe key). */
export async function scheduleRepositorySyncs(db: Db): Promise<void> {
  const rows = await queryRows<{ coop_id: string; id: string }>(
    db,
    sql`select coop_id, id from repositories where removed_at is null`,
  );
  for (const repo of rows)
    await enqueueJob(db, {
      coopId: repo.coop_id,
      kind: syncJobKind,
      payload: { repositoryId: repo.id },
      dedupeKey: `sync:${repo.id}`,
    });
}
