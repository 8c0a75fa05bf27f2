import { assertOrganizationExists } from '../../organizations/queries.ts';
import { defineCommand } from '../../platform/commands.ts';
import { formatAmount } from '../../platform/money/amount.ts';
import { championColumns } from '../champion.ts';
import { opportunityOpened } from '../events.ts';
import { minorOf, opportunityInputSchema, tenthsOf } from '../input.ts';
import { pipelinePolicy } from '../policy.ts';
import { opportunities } from '../schema.ts';
import { defaultProbability } from '../stages.ts';

/** A new opportunity with an organization, at an open stage. */
export const openOpportunity = defineCommand({
  name: 'pipeline.openOpportunity',
  input: opportunityInputSchema,
  policy: pipelinePolicy.manage,
  denied: 'Only officers and administrators keep the pipeline.',
  events: [opportunityOpened],
  async run(tx, input, ctx) {
    await assertOrganizationExists(tx, ctx.coopId, input.organizationId);
    const amountMinor = minorOf(input.amount, input.currency, '/amount');
    const probabilityPercent = input.probabilityPercent ?? defaultProbability[input.stage];
    const champion = await championColumns(
      tx,
      ctx.coopId,
      input.organizationId,
      input.champion ?? null,
    );
    const [row] = await tx
      .insert(opportunities)
      .values({
        coopId: ctx.coopId,
        organizationId: input.organizationId,
        title: input.title,
        stage: input.stage,
        amountMinor,
        currency: input.currency,
        expectedCloseOn: input.expectedCloseOn,
        probabilityPercent,
        nextStep: input.nextStep || null,
        nextStepOn: input.nextStepOn ?? null,
        ...champion,
        engineerMonthsTenths: input.engineerMonths ? tenthsOf(input.engineerMonths) : null,
        changedAt: ctx.clock.now(),
        createdBy: ctx.actor.personId,
      })
      .returning({ id: opportunities.id });
    await ctx.emit(opportunityOpened, row!.id, {
      organizationId: input.organizationId,
      kind: 'new',
      stage: input.stage,
      amount: formatAmount(amountMinor, input.currency),
      currency: input.currency,
      expectedCloseOn: input.expectedCloseOn,
      probabilityPercent,
      renewalOfAgreementId: null,
    });
    return { id: row!.id };
  },
});
