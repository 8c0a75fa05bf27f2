import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { defineCommand } from '../../platform/commands.ts';
import { championColumns } from '../champion.ts';
import { opportunityUpdated } from '../events.ts';
import { minorOf, opportunityPatchSchema, tenthsOf } from '../input.ts';
import { pipelinePolicy } from '../policy.ts';
import { lockOpportunity } from '../repository.ts';
import { opportunities } from '../schema.ts';

/** An opportunity's details: amount, close date, probability, next step, champion, the answer. */
export const updateOpportunity = defineCommand({
  name: 'pipeline.updateOpportunity',
  input: z.strictObject({ opportunityId: z.uuid(), patch: opportunityPatchSchema }),
  policy: pipelinePolicy.manage,
  denied: 'Only officers and administrators keep the pipeline.',
  events: [opportunityUpdated],
  async run(tx, { opportunityId, patch }, ctx) {
    const current = await lockOpportunity(tx, ctx.coopId, opportunityId);
    const set: Partial<typeof opportunities.$inferInsert> = {};
    if (patch.title !== undefined) set.title = patch.title;
    if (patch.amount !== undefined && patch.currency !== undefined) {
      set.amountMinor = minorOf(patch.amount, patch.currency, '/amount');
      set.currency = patch.currency;
    }
    if (patch.expectedCloseOn !== undefined) set.expectedCloseOn = patch.expectedCloseOn;
    if (patch.probabilityPercent !== undefined) set.probabilityPercent = patch.probabilityPercent;
    if (patch.nextStep !== undefined) set.nextStep = patch.nextStep || null;
    if (patch.nextStepOn !== undefined) set.nextStepOn = patch.nextStepOn;
    if (patch.champion !== undefined)
      Object.assign(
        set,
        await championColumns(tx, ctx.coopId, current.organizationId, patch.champion),
      );
    if (patch.engineerMonths !== undefined)
      set.engineerMonthsTenths =
        patch.engineerMonths === null ? null : tenthsOf(patch.engineerMonths);
    const fields = Object.keys(patch);
    if (fields.length === 0) return;
    await tx
      .update(opportunities)
      .set({ ...set, changedAt: ctx.clock.now() })
      .where(and(eq(opportunities.coopId, ctx.coopId), eq(opportunities.id, opportunityId)));
    await ctx.emit(opportunityUpdated, opportunityId, { fields });
  },
});
