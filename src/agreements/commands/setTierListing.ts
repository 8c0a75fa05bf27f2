import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { defineCommand } from '../../platform/commands.ts';
import { notFound } from '../../platform/errors.ts';
import { tierListingChanged } from '../events.ts';
import { agreementsPolicy } from '../policy.ts';
import { tiers } from '../schema.ts';

export const tierListingSchema = z
  .strictObject({ published: z.boolean(), archived: z.boolean() })
  .meta({ id: 'TierListing' });

/** Show or hide a tier on the public page; archive it (no new quotes) or offer it again. */
export const setTierListing = defineCommand({
  name: 'agreements.setTierListing',
  input: z.strictObject({ tierId: z.uuid(), listing: tierListingSchema }),
  policy: agreementsPolicy.manage,
  denied: 'Only officers and administrators change tiers.',
  events: [tierListingChanged],
  async run(tx, { tierId, listing }, ctx) {
    const [row] = await tx
      .update(tiers)
      .set({ published: listing.published, archivedAt: listing.archived ? ctx.clock.now() : null })
      .where(and(eq(tiers.coopId, ctx.coopId), eq(tiers.id, tierId)))
      .returning({ id: tiers.id });
    if (!row) throw notFound('This tier');
    await ctx.emit(tierListingChanged, tierId, listing);
  },
});
