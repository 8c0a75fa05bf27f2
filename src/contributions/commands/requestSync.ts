import { and, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { defineCommand } from '../../platform/commands.ts';
import { notFound } from '../../platform/errors.ts';
import { enqueueJob } from '../../platform/jobs.ts';
import { contributionsPolicy } from '../policy.ts';
import { repositories } from '../schema.ts';
import { syncJobKind } from './registerRepository.ts';

/** Queues a sync now (one pending per repository); its result appends the sync's events. */
export const requestSync = defineCommand({
  name: 'contributions.requestSync',
  input: z.strictObject({ repositoryId: z.uuid() }),
  policy: contributionsPolicy.manage,
  denied: 'Only administrators and officers sync repositories.',
  events: [],
  async run(tx, { repositoryId }, ctx) {
    const [repo] = await tx
      .select({ id: repositories.id })
      .from(repositories)
      .where(
        and(
          eq(repositories.coopId, ctx.coopId),
          eq(repositories.id, repositoryId),
          isNull(repositories.removedAt),
        ),
      );
    if (!repo) throw notFound('This repository');
    await enqueueJob(tx, {
      coopId: ctx.coopId,
      kind: syncJobKind,
      payload: { repositoryId },
      dedupeKey: `sync:${repositoryId}`,
    });
  },
});
