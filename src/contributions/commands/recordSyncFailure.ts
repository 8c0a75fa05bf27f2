import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { defineCommand } from '../../platform/commands.ts';
import { syncFailed } from '../events.ts';
import { contributionsPolicy } from '../policy.ts';
import { repositories } from '../schema.ts';

/** A sync that could not finish (the URL unreachable, the path gone): shown on the repository. */
export const recordSyncFailure = defineCommand({
  name: 'contributions.recordSyncFailure',
  input: z.strictObject({ repositoryId: z.uuid(), error: z.string().max(2000) }),
  policy: contributionsPolicy.manage,
  events: [syncFailed],
  async run(tx, { repositoryId, error }, ctx) {
    await tx
      .update(repositories)
      .set({ lastSyncError: error })
      .where(and(eq(repositories.coopId, ctx.coopId), eq(repositories.id, repositoryId)));
    await ctx.emit(syncFailed, repositoryId, { error });
  },
});
