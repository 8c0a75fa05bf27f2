import path from 'node:path';
import { and, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { defineCommand } from '../../platform/commands.ts';
import { isUniqueViolation } from '../../platform/db/errors.ts';
import { badRequest, conflict, notFound } from '../../platform/errors.ts';
import { repositoryUpdated } from '../events.ts';
import { isRepository } from '../git/repositoryFacts.ts';
import { contributionsPolicy } from '../policy.ts';
import { repositories } from '../schema.ts';
import { repositoryChangesSchema, urlPattern } from '../repositoryInput.ts';

/**
 * Changes a repository's settings. A new location is checked like a new registration (a path
 * must be a git repository); a URL's mirror is cloned again at the next sync, whose refs are
 * compared with those stored, so a location that is another history shows as rewritten refs.
 */
export const updateRepository = defineCommand({
  name: 'contributions.updateRepository',
  input: repositoryChangesSchema.extend({ repositoryId: z.uuid() }),
  policy: contributionsPolicy.manage,
  denied: 'Only administrators and officers change repositories.',
  events: [repositoryUpdated],
  async prepare(input) {
    if (input.location === undefined) return { sourceKind: undefined };
    const sourceKind = urlPattern.test(input.location) ? ('url' as const) : ('path' as const);
    if (
      sourceKind === 'path' &&
      !(path.isAbsolute(input.location) && (await isRepository(input.location)))
    )
      throw badRequest('This path is not a git repository.', [
        { pointer: '/location', message: 'not a git repository' },
      ]).because('repository.not-git');
    return { sourceKind };
  },
  async run(tx, { repositoryId, ...changes }, ctx, { sourceKind }) {
    const where = and(
      eq(repositories.coopId, ctx.coopId),
      eq(repositories.id, repositoryId),
      isNull(repositories.removedAt),
    );
    const [repo] = await tx.select().from(repositories).where(where).for('update');
    if (!repo) throw notFound('This repository');
    const changed: z.infer<typeof repositoryUpdated.data> = {};
    if (changes.name !== undefined && changes.name !== repo.name) changed.name = changes.name;
    if (changes.location !== undefined && changes.location !== repo.location)
      changed.location = changes.location;
    if (changes.defaultBranch !== undefined && changes.defaultBranch !== repo.defaultBranch)
      changed.defaultBranch = changes.defaultBranch;
    if (
      changes.botPatterns !== undefined &&
      changes.botPatterns.join('\n') !== repo.botPatterns.join('\n')
    )
      changed.botPatterns = changes.botPatterns;
    if (Object.keys(changed).length === 0) return { changed: false };
    await tx
      .update(repositories)
      .set({ ...changed, ...(changed.location ? { sourceKind, lastSyncError: null } : {}) })
      .where(where);
    await ctx.emit(repositoryUpdated, repositoryId, changed);
    return { changed: true };
  },
  mapError: (error) =>
    isUniqueViolation(error)
      ? conflict('A repository with this name is registered already.', [
          { pointer: '/name', message: 'already registered' },
        ]).because('repository.exists')
      : error,
});
