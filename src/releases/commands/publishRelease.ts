import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { defineCommand } from '../../platform/commands.ts';
import { conflict } from '../../platform/errors.ts';
import { releasePublished } from '../events.ts';
import { releasesPolicy } from '../policy.ts';
import { changeOf, loadRelease } from '../repository.ts';
import { releases } from '../schema.ts';

/** The release is out, or the planned change took effect: now. */
export const publishRelease = defineCommand({
  name: 'releases.publishRelease',
  input: z.strictObject({ releaseId: z.uuid() }),
  policy: releasesPolicy.manage,
  denied: 'Only hackers and officers publish releases and planned changes.',
  events: [releasePublished],
  async run(tx, { releaseId }, ctx) {
    const current = await loadRelease(tx, ctx.coopId, releaseId, { lock: true });
    if (current.state !== 'planned')
      throw conflict(`It is ${current.state} already: only a planned one is published.`).because(
        `release.${current.state}`,
      );
    const publishedAt = ctx.clock.now();
    await tx
      .update(releases)
      .set({ state: 'published', publishedAt })
      .where(and(eq(releases.coopId, ctx.coopId), eq(releases.id, releaseId)));
    await ctx.emit(releasePublished, releaseId, {
      ...changeOf(current),
      publishedAt: publishedAt.toISOString(),
    });
    return { publishedAt };
  },
});
