import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { defineCommand } from '../../platform/commands.ts';
import { conflict } from '../../platform/errors.ts';
import { releaseWithdrawn } from '../events.ts';
import { releasesPolicy } from '../policy.ts';
import { changeOf, loadRelease } from '../repository.ts';
import { releases } from '../schema.ts';

/**
 * Calls off a planned change, or retracts a published one (a release pulled, a deprecation
 * revoked). The row stays, marked withdrawn, so the consultations on it keep their subject.
 */
export const withdrawRelease = defineCommand({
  name: 'releases.withdrawRelease',
  input: z.strictObject({ releaseId: z.uuid() }),
  policy: releasesPolicy.manage,
  denied: 'Only hackers and officers withdraw releases and planned changes.',
  events: [releaseWithdrawn],
  async run(tx, { releaseId }, ctx) {
    const current = await loadRelease(tx, ctx.coopId, releaseId, { lock: true });
    if (current.state === 'withdrawn')
      throw conflict('It was withdrawn already.').because('release.withdrawn');
    await tx
      .update(releases)
      .set({ state: 'withdrawn', withdrawnAt: ctx.clock.now() })
      .where(and(eq(releases.coopId, ctx.coopId), eq(releases.id, releaseId)));
    await ctx.emit(releaseWithdrawn, releaseId, {
      ...changeOf(current),
      wasPublished: current.state === 'published',
    });
  },
});
