import type { Actor } from '../../platform/actor.ts';
import { defineCommand, type RunContext } from '../../platform/commands.ts';
import type { Tx } from '../../platform/db/database.ts';
import { parseInput } from '../../platform/validation.ts';
import { workItemProposed } from '../events.ts';
import { governancePolicy } from '../policy.ts';
import { assertPhase, loadCycle } from '../repository.ts';
import { workItems, type SliceClass } from '../schema.ts';
import { workItemInputSchema, type WorkItemInput } from '../workItemInput.ts';

/** The write, shared by proposals, splits and imports: each of them declares the event. */
export async function insertWorkItem(
  tx: Tx,
  ctx: RunContext,
  input: WorkItemInput,
  extra: { externalRef?: string | undefined; splitFrom?: string; via: string },
): Promise<string> {
  const parsed = parseInput(workItemInputSchema, input);
  const coopId = ctx.coopId;
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
  await ctx.emit(workItemProposed, row!.id, {
    title: parsed.title,
    originClass: parsed.originClass,
    estimateHours: parsed.estimateHours,
    cycleId: parsed.cycleId ?? null,
    via: extra.via,
  });
  return row!.id;
}

export const proposeWorkItem = defineCommand({
  name: 'governance.proposeWorkItem',
  input: workItemInputSchema,
  policy: (actor: Actor, input: { originClass: SliceClass }) =>
    governancePolicy.proposeItem(actor, input.originClass),
  denied: 'Members propose items for their own class’s slice.',
  events: [workItemProposed],
  async run(tx, input, ctx) {
    return { id: await insertWorkItem(tx, ctx, input, { via: 'proposal' }) };
  },
});
