import { z } from 'zod';
import { defineCommand } from '../../platform/commands.ts';
import { releasePlanned } from '../events.ts';
import { releaseInputSchema } from '../input.ts';
import { releasesPolicy } from '../policy.ts';
import { changeOf } from '../repository.ts';
import { releases } from '../schema.ts';

/** Announces a release or a planned change; its topics are then set through the concerns. */
export const planRelease = defineCommand({
  name: 'releases.planRelease',
  input: z.strictObject({ release: releaseInputSchema }),
  policy: releasesPolicy.manage,
  denied: 'Only hackers and officers announce releases and planned changes.',
  events: [releasePlanned],
  async run(tx, { release: r }, ctx) {
    const [row] = await tx
      .insert(releases)
      .values({
        coopId: ctx.coopId,
        project: r.project,
        version: r.version || null,
        kind: r.kind,
        title: r.title,
        summary: r.summary ?? '',
        plannedOn: r.plannedOn,
        createdBy: ctx.actor.personId,
      })
      .returning();
    await ctx.emit(releasePlanned, row!.id, changeOf(row!));
    return { id: row!.id };
  },
});
