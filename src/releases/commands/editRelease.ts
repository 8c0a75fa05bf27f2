import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { defineCommand } from '../../platform/commands.ts';
import { conflict } from '../../platform/errors.ts';
import { releaseEdited } from '../events.ts';
import { releaseInputSchema } from '../input.ts';
import { releasesPolicy } from '../policy.ts';
import { changeOf, loadRelease } from '../repository.ts';
import { releases } from '../schema.ts';

/** Changes what is announced while it is planned; once it took effect, the record stands. */
export const editRelease = defineCommand({
  name: 'releases.editRelease',
  input: z.strictObject({ releaseId: z.uuid(), release: releaseInputSchema }),
  policy: releasesPolicy.manage,
  denied: 'Only hackers and officers edit releases and planned changes.',
  events: [releaseEdited],
  async run(tx, { releaseId, release: r }, ctx) {
    const current = await loadRelease(tx, ctx.coopId, releaseId, { lock: true });
    if (current.state !== 'planned')
      throw conflict(`It is ${current.state}: only a planned one is edited.`).because(
        `release.${current.state}`,
      );
    const [row] = await tx
      .update(releases)
      .set({
        project: r.project,
        version: r.version || null,
        kind: r.kind,
        title: r.title,
        summary: r.summary ?? '',
        plannedOn: r.plannedOn,
      })
      .where(and(eq(releases.coopId, ctx.coopId), eq(releases.id, releaseId)))
      .returning();
    await ctx.emit(releaseEdited, releaseId, changeOf(row!));
  },
});
