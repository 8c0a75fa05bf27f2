import { z } from 'zod';
import type { CommandContext } from '../../platform/commands.ts';
import type { Executor } from '../../platform/db/database.ts';

import { appendEvent } from '../../platform/events.ts';
import { authorize } from '../../platform/policy.ts';
import { parseInput } from '../../platform/validation.ts';
import { governancePolicy } from '../policy.ts';
import { assertPhase, loadCycle } from '../repository.ts';
import { sliceClasses, workItemKinds, workItems } from '../schema.ts';

export const workItemInputSchema = z
  .strictObject({
    cycleId: z.uuid().optional(),
    title: z.string().trim().min(3).max(300),
    description: z.string().max(20_000).default(''),
    kind: z.enum(workItemKinds),
    originClass: z.enum(sliceClasses),
    topics: z.array(z.string().trim().toLowerCase().min(1).max(50)).max(20).default([]),
    links: z
      .array(z.url({ protocol: /^https?$/ }))
      .max(20)
      .default([]),
    estimateHours: z.number().int().min(1).max(10_000),
  })
  .meta({ id: 'NewWorkItem' });
export type WorkItemInput = z.input<typeof workItemInputSchema>;

/** The write, shared by proposals, splits and imports. */
export async function insertWorkItem(
  tx: Executor,
  ctx: CommandContext,
  input: WorkItemInput,
  extra: { externalRef?: string; splitFrom?: string; via: string },
): Promise<string> {
  const parsed = parseInput(workItemInputSchema, input);
  const coopId = ctx.actor.coopId;
  if (parsed.cycleId)
    assertPhase(await loadCycle(tx, coopId, parsed.cycleId), ['proposing'], 'proposing items');
  // A sponsor's item speaks for the sponsor's organization.
  const organizationId =
    parsed.originClass === 'sponsors' ? (ctx.actor.membership?.organizationId ?? null) : null;
  const [row] = await tx
    .insert(workItems)
    .values({
      ...parsed,
      coopId,
      proposedBy: ctx.actor.personId,
      organizationId,
      externalRef: extra.externalRef ?? null,
      splitFrom: extra.splitFrom ?? null,
    })
    .returning({ id: workItems.id });
  await appendEvent(tx, {
    coopId,
    type: 'work-item.proposed',
    actorId: ctx.actor.personId,
    subjectType: 'work-item',
    subjectId: row!.id,
    data: {
      title: parsed.title,
      originClass: parsed.originClass,
      estimateHours: parsed.estimateHours,
      cycleId: parsed.cycleId ?? null,
      via: extra.via,
    },
  });
  return row!.id;
}

export async function proposeWorkItem(ctx: CommandContext, input: WorkItemInput) {
  const slice = parseInput(workItemInputSchema, input).originClass;
  authorize(
    ctx.actor,
    governancePolicy.proposeItem,
    slice,
    `Only ${slice} members propose items for the ${slice} slice.`,
  );
  const id = await ctx.db.transaction((tx) => insertWorkItem(tx, ctx, input, { via: 'proposal' }));
  return { id };
}
