import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { defineCommand } from '../../platform/commands.ts';
import { opportunityMoved } from '../events.ts';
import { moveInputSchema } from '../input.ts';
import { pipelinePolicy } from '../policy.ts';
import { lockOpportunity } from '../repository.ts';
import { opportunities } from '../schema.ts';
import { defaultProbability, isOpen } from '../stages.ts';

/**
 * Moves an opportunity to a stage, in any direction (a won deal recorded by mistake opens
 * again). Lost needs a reason (the input schema's rule, `moveInputSchema`).
 */
export const moveOpportunity = defineCommand({
  name: 'pipeline.moveOpportunity',
  // The route's schema with its rule that a lost deal says why.
  input: moveInputSchema.safeExtend({ opportunityId: z.uuid() }),
  policy: pipelinePolicy.manage,
  denied: 'Only officers and administrators keep the pipeline.',
  events: [opportunityMoved],
  async run(tx, input, ctx) {
    const current = await lockOpportunity(tx, ctx.coopId, input.opportunityId);
    const reason = input.reason || null;
    const probabilityPercent = input.probabilityPercent ?? defaultProbability[input.stage];
    if (current.stage === input.stage && current.probabilityPercent === probabilityPercent) return;
    const now = ctx.clock.now();
    await tx
      .update(opportunities)
      .set({
        stage: input.stage,
        probabilityPercent,
        lostReason: input.stage === 'lost' ? reason : null,
        closedAt: isOpen(input.stage) ? null : now,
        agreementId: input.stage === 'won' ? current.agreementId : null,
        changedAt: now,
      })
      .where(and(eq(opportunities.coopId, ctx.coopId), eq(opportunities.id, current.id)));
    await ctx.emit(opportunityMoved, current.id, {
      from: current.stage,
      to: input.stage,
      probabilityPercent,
      reason: input.stage === 'lost' ? reason : null,
      agreementId: null,
    });
  },
});
