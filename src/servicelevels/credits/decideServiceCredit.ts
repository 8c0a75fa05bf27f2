import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { defineCommand, type RunContext } from '../../platform/commands.ts';
import { conflict, notFound } from '../../platform/errors.ts';
import { formatAmount } from '../../platform/money/amount.ts';
import { serviceCreditConfirmed, serviceCreditDeclined } from '../events.ts';
import { serviceLevelsPolicy } from '../policy.ts';
import { serviceCredits } from '../schema.ts';

async function lockProposed(ctx: RunContext, creditId: string) {
  const [credit] = await ctx.tx
    .select()
    .from(serviceCredits)
    .where(and(eq(serviceCredits.coopId, ctx.coopId), eq(serviceCredits.id, creditId)))
    .for('update');
  if (!credit) throw notFound('This service credit');
  if (credit.state !== 'proposed')
    throw conflict(
      `This service credit is ${credit.state}; only a proposed one is decided.`,
    ).because('service-credit.decided', { creditState: credit.state });
  return credit;
}

/** What every event of a credit says of it. */
export const creditEventData = (c: typeof serviceCredits.$inferSelect) => ({
  organizationId: c.organizationId,
  agreementId: c.agreementId,
  clockId: c.clockId,
  amount: formatAmount(c.amountMinor, c.currency),
  currency: c.currency,
});

/** An officer confirms a proposed credit: the sponsor's next invoice carries it as a credit note. */
export const confirmServiceCredit = defineCommand({
  name: 'servicelevels.confirmServiceCredit',
  input: z.strictObject({ creditId: z.uuid() }),
  policy: serviceLevelsPolicy.decideCredits,
  denied: 'Officers confirm service credits.',
  events: [serviceCreditConfirmed],
  async run(tx, input, ctx) {
    const credit = await lockProposed(ctx, input.creditId);
    await tx
      .update(serviceCredits)
      .set({ state: 'confirmed', decidedAt: ctx.clock.now(), decidedBy: ctx.actor.personId })
      .where(and(eq(serviceCredits.coopId, ctx.coopId), eq(serviceCredits.id, credit.id)));
    await ctx.emit(serviceCreditConfirmed, credit.id, creditEventData(credit));
  },
});

/** An officer declines a proposed credit, saying why: the reason stays beside the breach. */
export const declineServiceCredit = defineCommand({
  name: 'servicelevels.declineServiceCredit',
  input: z.strictObject({ creditId: z.uuid(), reason: z.string().trim().min(3).max(2000) }),
  policy: serviceLevelsPolicy.decideCredits,
  denied: 'Officers decline service credits.',
  events: [serviceCreditDeclined],
  async run(tx, input, ctx) {
    const credit = await lockProposed(ctx, input.creditId);
    await tx
      .update(serviceCredits)
      .set({
        state: 'declined',
        declineReason: input.reason,
        decidedAt: ctx.clock.now(),
        decidedBy: ctx.actor.personId,
      })
      .where(and(eq(serviceCredits.coopId, ctx.coopId), eq(serviceCredits.id, credit.id)));
    await ctx.emit(serviceCreditDeclined, credit.id, {
      ...creditEventData(credit),
      reason: input.reason,
    });
  },
});
