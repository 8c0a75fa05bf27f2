import { formatAmount } from '../../platform/money/amount.ts';
import { defineCommand } from '../../platform/commands.ts';
import { conflict } from '../../platform/errors.ts';
import { tierCreated } from '../events.ts';
import { minorOf } from '../money.ts';
import { agreementsPolicy } from '../policy.ts';
import { tiers, tierVersions } from '../schema.ts';
import { newTierSchema } from './tierInput.ts';

/** A new tier at version 1. */
export const createTier = defineCommand({
  name: 'agreements.createTier',
  input: newTierSchema,
  policy: agreementsPolicy.manage,
  denied: 'Only officers and administrators define tiers.',
  events: [tierCreated],
  async run(tx, input, ctx) {
    const priceMinor = minorOf(input.price, input.currency, '/price');
    const [tier] = await tx
      .insert(tiers)
      .values({ coopId: ctx.coopId, slug: input.slug, published: input.published })
      .onConflictDoNothing()
      .returning({ id: tiers.id });
    if (!tier)
      throw conflict(`A tier named ${input.slug} exists.`, [
        { pointer: '/slug', message: 'already used by another tier' },
      ]).because('tier.exists', { slug: input.slug });
    const [version] = await tx
      .insert(tierVersions)
      .values({
        coopId: ctx.coopId,
        tierId: tier.id,
        version: 1,
        name: input.name,
        summary: input.summary,
        priceMinor,
        currency: input.currency,
        periodMonths: input.periodMonths,
        entitlements: input.entitlements,
        serviceHoursPerMonth: input.serviceHoursPerMonth,
        createdBy: ctx.actor.personId,
      })
      .returning({ id: tierVersions.id });
    await ctx.emit(tierCreated, tier.id, {
      slug: input.slug,
      name: input.name,
      tierVersionId: version!.id,
      price: formatAmount(priceMinor, input.currency),
      currency: input.currency,
      periodMonths: input.periodMonths,
    });
    return { id: tier.id, version: 1, tierVersionId: version!.id };
  },
});
