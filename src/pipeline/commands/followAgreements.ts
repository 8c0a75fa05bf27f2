import { and, desc, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { listAgreements } from '../../agreements/queries.ts';
import { defineCommand } from '../../platform/commands.ts';
import { formatAmount, parseAmount } from '../../platform/money/amount.ts';
import { opportunityMoved, opportunityOpened } from '../events.ts';
import { pipelinePolicy } from '../policy.ts';
import { opportunities } from '../schema.ts';
import { defaultProbability, openStages, stages } from '../stages.ts';

const denied = 'Only the co-op itself follows the agreements into the pipeline.';

// Later stages first: the deal the agreement closes is the one furthest along.
const stageRank = (stage: string) => -stages.indexOf(stage as (typeof stages)[number]);

/**
 * An agreement was made with an organization: its open opportunity (new business; a quote's own
 * wins over others) is won and remembers the agreement. Once per agreement: a second delivery
 * of the same event finds the agreement already recorded and changes nothing.
 */
export const markOpportunityWon = defineCommand({
  name: 'pipeline.markOpportunityWon',
  input: z.strictObject({ organizationId: z.uuid(), agreementId: z.uuid() }),
  policy: pipelinePolicy.followAgreements,
  denied,
  events: [opportunityMoved],
  async run(tx, input, ctx) {
    const [already] = await tx
      .select({ id: opportunities.id })
      .from(opportunities)
      .where(
        and(eq(opportunities.coopId, ctx.coopId), eq(opportunities.agreementId, input.agreementId)),
      );
    if (already) return { opportunityId: already.id };
    const open = await tx
      .select()
      .from(opportunities)
      .where(
        and(
          eq(opportunities.coopId, ctx.coopId),
          eq(opportunities.organizationId, input.organizationId),
          eq(opportunities.kind, 'new'),
          inArray(opportunities.stage, [...openStages]),
        ),
      )
      .orderBy(desc(opportunities.changedAt))
      .for('update');
    const chosen = open.sort((a, b) => stageRank(a.stage) - stageRank(b.stage))[0];
    if (!chosen) return { opportunityId: null };
    const now = ctx.clock.now();
    await tx
      .update(opportunities)
      .set({
        stage: 'won',
        probabilityPercent: defaultProbability.won,
        agreementId: input.agreementId,
        lostReason: null,
        closedAt: now,
        changedAt: now,
      })
      .where(and(eq(opportunities.coopId, ctx.coopId), eq(opportunities.id, chosen.id)));
    await ctx.emit(opportunityMoved, chosen.id, {
      from: chosen.stage,
      to: 'won',
      probabilityPercent: defaultProbability.won,
      reason: null,
      agreementId: input.agreementId,
    });
    return { opportunityId: chosen.id };
  },
});

/**
 * A term comes due: the renewal opens as an opportunity by itself, worth the agreement's yearly
 * value, expected to close by the last day a cancellation would stop it. The unique index on
 * (agreement, term end) makes it once per term, however many notice days announce it.
 */
export const openRenewalOpportunity = defineCommand({
  name: 'pipeline.openRenewalOpportunity',
  input: z.strictObject({
    agreementId: z.uuid(),
    organizationId: z.uuid(),
    number: z.string(),
    termEndsOn: z.iso.date(),
    noticeDeadline: z.iso.date(),
  }),
  policy: pipelinePolicy.followAgreements,
  denied,
  events: [opportunityOpened],
  async run(tx, input, ctx) {
    const agreement = (await listAgreements(tx, ctx.coopId, input.organizationId)).find(
      (a) => a.id === input.agreementId,
    );
    if (!agreement || agreement.status !== 'active') return { opportunityId: null };
    const amountMinor =
      (parseAmount(agreement.perPeriod, agreement.currency) * 12n) /
      BigInt(agreement.billingPeriodMonths);
    const stage = 'negotiation';
    const [row] = await tx
      .insert(opportunities)
      .values({
        coopId: ctx.coopId,
        organizationId: input.organizationId,
        title: input.number,
        kind: 'renewal',
        stage,
        amountMinor,
        currency: agreement.currency,
        expectedCloseOn: input.noticeDeadline,
        probabilityPercent: defaultProbability[stage],
        nextStepOn: input.noticeDeadline,
        renewalOfAgreementId: input.agreementId,
        renewalTermEndsOn: input.termEndsOn,
        changedAt: ctx.clock.now(),
      })
      .onConflictDoNothing()
      .returning({ id: opportunities.id });
    if (!row) return { opportunityId: null };
    await ctx.emit(opportunityOpened, row.id, {
      organizationId: input.organizationId,
      kind: 'renewal',
      stage,
      amount: formatAmount(amountMinor, agreement.currency),
      currency: agreement.currency,
      expectedCloseOn: input.noticeDeadline,
      probabilityPercent: defaultProbability[stage],
      renewalOfAgreementId: input.agreementId,
    });
    return { opportunityId: row.id };
  },
});

/**
 * An agreement renewed (its renewal opportunities are won) or was cancelled (lost, with the
 * cancellation's reason). Closed ones are left alone, so a second delivery changes nothing.
 */
export const closeRenewalOpportunities = defineCommand({
  name: 'pipeline.closeRenewalOpportunities',
  input: z.strictObject({
    agreementId: z.uuid(),
    outcome: z.enum(['won', 'lost']),
    reason: z.string().nullable(),
  }),
  policy: pipelinePolicy.followAgreements,
  denied,
  events: [opportunityMoved],
  async run(tx, input, ctx) {
    const now = ctx.clock.now();
    const reason = input.outcome === 'lost' ? input.reason?.trim() || 'cancelled' : null;
    const open = await tx
      .select({ id: opportunities.id, stage: opportunities.stage })
      .from(opportunities)
      .where(
        and(
          eq(opportunities.coopId, ctx.coopId),
          eq(opportunities.renewalOfAgreementId, input.agreementId),
          inArray(opportunities.stage, [...openStages]),
        ),
      )
      .for('update');
    for (const row of open) {
      await tx
        .update(opportunities)
        .set({
          stage: input.outcome,
          probabilityPercent: defaultProbability[input.outcome],
          lostReason: reason,
          agreementId: input.outcome === 'won' ? input.agreementId : null,
          closedAt: now,
          changedAt: now,
        })
        .where(and(eq(opportunities.coopId, ctx.coopId), eq(opportunities.id, row.id)));
      await ctx.emit(opportunityMoved, row.id, {
        from: row.stage,
        to: input.outcome,
        probabilityPercent: defaultProbability[input.outcome],
        reason,
        agreementId: input.outcome === 'won' ? input.agreementId : null,
      });
    }
    return { closed: open.length };
  },
});
