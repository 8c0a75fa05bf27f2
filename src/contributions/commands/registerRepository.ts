import { defineCommand } from '../../platform/commands.ts';
import { isUniqueViolation } from '../../platform/db/errors.ts';
import { badRequest, conflict } from '../../platform/errors.ts';
import { enqueueJob } from '../../platform/jobs.ts';
import { repositoryRegistered } from '../events.ts';
import { isRepository } from '../git/repositoryFacts.ts';
import { contributionsPolicy } from '../policy.ts';
import { repositories } from '../schema.ts';
import { repositoryInputSchema, urlPattern } from '../repositoryInput.ts';

export const syncJobKind = 'contributions.sync';

/**
 * Registers a repository and queues its first sync. A path must already be a git repository
 * (a clone or a bare mirror); a URL is cloned by the sync job.
 */
export const registerRepository = defineCommand({
  name: 'contributions.registerRepository',
  input: repositoryInputSchema,
  policy: contributionsPolicy.manage,
  denied: 'Only administrators and officers register repositories.',
  events: [repositoryRegistered],
  async prepare(input) {
    const sourceKind = urlPattern.test(input.location) ? ('url' as const) : ('path' as const);
    if (sourceKind === 'path' && !(await isRepository(input.location)))
      throw badRequest('This path is not a git repository.', [
        { pointer: '/location', message: 'not a git repository' },
      ]).because('repository.not-git');
    return { sourceKind };
  },
  async run(tx, input, ctx, { sourceKind }) {
    const [row] = await tx
      .insert(repositories)
      .values({
        coopId: ctx.coopId,
        name: input.name,
        sourceKind,
        location: input.location,
        defaultBranch: input.defaultBranch ?? null,
        botPatterns: input.botPatterns,
      })
      .returning({ id: repositories.id });
    await ctx.emit(repositoryRegistered, row!.id, {
      name: input.name,
      sourceKind,
      location: input.location,
    });
    await enqueueJob(tx, {
      coopId: ctx.coopId,
      kind: syncJobKind,
      payload: { repositoryId: row!.id },
      dedupeKey: `sync:${row!.id}`,
    });
    return { id: row!.id };
  },
  mapError: (error) =>
    isUniqueViolation(error)
      ? conflict('A repository with this name is registered already.', [
          { pointer: '/name', message: 'already registered' },
        ]).because('repository.exists')
      : error,
});
