import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { defineCommand } from '../../platform/commands.ts';
import { notFound } from '../../platform/errors.ts';
import { formatAmount } from '../../platform/money/amount.ts';
import { tierRevised } from '../events.ts';
import { minorOf } from '../money.ts';
import { agreementsPolicy } from '../policy.ts';
import { tiers, tierVersions } from '../schema.ts';
import { tierTermsSchema } from './tierInput.ts';

/**
 * A tier's next version. The old one stays as it was: agreements and quotes that pinned it keep
 * its price and entitlements.
 */
export const reviseTier = defineCommand({
  name: 'agreements.reviseTier',
  input: z.strictObject({ tierId: z.uuid(), terms: tierTermsSchema }),
  policy: agreementsPolicy.manage,
  denied: 'Only officers and administrators change tiers.',
  events: [tierRevised],
  async run(tx, { tierId, terms }, ctx) {
    const priceMinor = minorOf(terms.price, terms.currency, '/price');
    const [tier] = await tx
      .select()
      .from(tiers)
      .where(and(eq(tiers.coopId, ctx.coopId), eq(tiers.id, tierId)))
      .for('update');
    if (!tier) throw notFound('This tier');
    const version = tier.currentVersion + 1;
    const [row] = await tx
      .insert(tierVersions)
      .values({
        coopId: ctx.coopId,
        tierId,
        version,
        name: terms.name,
        summary: terms.summary,
        priceMinor,
        currency: terms.currency,
        periodMonths: terms.periodMonths,
        entitlements: terms.entitlements,
        serviceHoursPerMonth: terms.serviceHoursPerMonth,
        createdBy: ctx.actor.personId,
      })
      .returning({ id: tierVersions.id });
    await tx
      .update(tiers)
      .set({ currentVersion: version })
      .where(and(eq(tiers.coopId, ctx.coopId), eq(tiers.id, tierId)));
    await ctx.emit(tierRevised, tierId, {
      version,
      tierVersionId: row!.id,
      name: terms.name,
      price: formatAmount(priceMinor, terms.currency),
      currency: terms.currency,
      periodMonths: terms.periodMonths,
    });
    return { id: tierId, version, tierVersionId: row!.id };
  },
});
