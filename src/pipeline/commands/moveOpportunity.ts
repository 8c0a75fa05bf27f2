import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { defineCommand } from '../../platform/commands.ts';
import { badRequest } from '../../platform/errors.ts';
import { opportunityMoved } from '../events.ts';
import { moveInputSchema } from '../input.ts';
import { pipelinePolicy } from '../policy.ts';
import { lockOpportunity } from '../repository.ts';
import { opportunities } from '../schema.ts';
import { defaultProbability, isOpen } from '../stages.ts';

/**
 * Moves an opportunity to a stage, in any direction (a won deal recorded by mistake opens
 * again). Lost needs a reason, since "why did we lose" is what the pipeline teaches.
 */
export const moveOpportunity = defineCommand({
  name: 'pipeline.moveOpportunity',
  input: moveInputSchema.extend({ opportunityId: z.uuid() }),
  policy: pipelinePolicy.manage,
  denied: 'Only officers and administrators keep the pipeline.',
  events: [opportunityMoved],
  async run(tx, input, ctx) {
    const current = await lockOpportunity(tx, ctx.coopId, input.opportunityId);
    const reason = input.reason?.trim() || null;
    if (input.stage === 'lost' && !reason)
      throw badRequest('Say why the opportunity was lost.', [
        { pointer: '/reason', message: 'required when the stage is lost' },
      ]).because('opportunity.lost-reason');
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
