import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { memberships } from '../../members/schema.ts';
import type { Actor } from '../../platform/actor.ts';
import { defineCommand } from '../../platform/commands.ts';
import { badRequest } from '../../platform/errors.ts';
import { availabilityInputSchema } from '../availabilityInput.ts';
import { cycleAvailabilitySet } from '../events.ts';
import { governancePolicy } from '../policy.ts';
import { assertPhase, loadCycle } from '../repository.ts';
import { hackerAvailability } from '../schema.ts';

/** The hours a hacker can give the cycle: the capacity the pie divides. */
export const setAvailability = defineCommand({
  name: 'governance.setAvailability',
  input: z.strictObject({
    cycleId: z.uuid(),
    personId: z.uuid(),
    ...availabilityInputSchema.shape,
  }),
  policy: (actor: Actor, input: { personId: string }) =>
    governancePolicy.setAvailability(actor, input.personId),
  denied: 'Hackers declare their own hours.',
  events: [cycleAvailabilitySet],
  async run(tx, { cycleId, personId, hours, note }, ctx) {
    const coopId = ctx.coopId;
    assertPhase(await loadCycle(tx, coopId, cycleId), ['proposing', 'voting'], 'declaring hours');
    const [membership] = await tx
      .select({ memberClass: memberships.memberClass, status: memberships.status })
      .from(memberships)
      .where(and(eq(memberships.coopId, coopId), eq(memberships.personId, personId)));
    if (membership?.memberClass !== 'hacker' || membership.status !== 'active')
      throw badRequest('Only active hackers give hours to a cycle.').because(
        'availability.not-active-hacker',
      );
    await tx
      .insert(hackerAvailability)
      .values({ coopId, cycleId, personId, hours, note })
      .onConflictDoUpdate({
        target: [
          hackerAvailability.coopId,
          hackerAvailability.cycleId,
          hackerAvailability.personId,
        ],
        set: { hours, note, updatedAt: ctx.clock.now() },
      });
    await ctx.emit(cycleAvailabilitySet, cycleId, { personId, hours });
  },
});
