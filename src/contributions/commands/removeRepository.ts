import { and, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { defineCommand } from '../../platform/commands.ts';
import { notFound } from '../../platform/errors.ts';
import { repositoryRemoved } from '../events.ts';
import { contributionsPolicy } from '../policy.ts';
import { repositories } from '../schema.ts';

/**
 * Removes (deregisters) a repository: it is no longer synced or listed and its name is free
 * again. Its commits, branch checks and rewritten histories stay: they are the record of
 * contributions members made (their statistics, the patronage of years already closed), which a
 * repository moving elsewhere must not erase. A sync already queued finds it
 * removed and does nothing.
 */
export const removeRepository = defineCommand({
  name: 'contributions.removeRepository',
  input: z.strictObject({ repositoryId: z.uuid() }),
  policy: contributionsPolicy.manage,
  denied: 'Only administrators and officers remove repositories.',
  events: [repositoryRemoved],
  async run(tx, { repositoryId }, ctx) {
    const [repo] = await tx
      .update(repositories)
      .set({ removedAt: ctx.clock.now() })
      .where(
        and(
          eq(repositories.coopId, ctx.coopId),
          eq(repositories.id, repositoryId),
          isNull(repositories.removedAt),
        ),
      )
      .returning({ name: repositories.name });
    if (!repo) throw notFound('This repository');
    await ctx.emit(repositoryRemoved, repositoryId, { name: repo.name });
  },
});
