import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { memberships } from '../../members/schema.ts';
import type { CommandContext } from '../../platform/commands.ts';
import { badRequest } from '../../platform/errors.ts';
import { appendEvent } from '../../platform/events.ts';
import { authorize } from '../../platform/policy.ts';
import { parseInput } from '../../platform/validation.ts';
import { governancePolicy } from '../policy.ts';
import { assertPhase, loadCycle } from '../repository.ts';
import { hackerAvailability } from '../schema.ts';

export const availabilityInputSchema = z
  .strictObject({
    hours: z.number().int().min(0).max(2_000),
    note: z.string().max(500).default(''),
  })
  .meta({ id: 'HackerAvailability' });

/** The hours a hacker can give the cycle: the capacity the pie divides. */
export async function setAvailability(
  ctx: CommandContext,
  cycleId: string,
  personId: string,
  input: z.input<typeof availabilityInputSchema>,
) {
  authorize(
    ctx.actor,
    governancePolicy.setAvailability,
    personId,
    'Hackers declare their own hours.',
  );
  const parsed = parseInput(availabilityInputSchema, input);
  const coopId = ctx.actor.coopId;
  await ctx.db.transaction(async (tx) => {
    assertPhase(await loadCycle(tx, coopId, cycleId), ['proposing', 'voting'], 'declaring hours');
    const [membership] = await tx
      .select({ memberClass: memberships.memberClass, status: memberships.status })
      .from(memberships)
      .where(and(eq(memberships.coopId, coopId), eq(memberships.personId, personId)));
    if (membership?.memberClass !== 'hacker' || membership.status !== 'active')
      throw badRequest('Only active hackers give hours to a cycle.');
    await tx
      .insert(hackerAvailability)
      .values({ coopId, cycleId, personId, hours: parsed.hours, note: parsed.note })
      .onConflictDoUpdate({
        target: [
          hackerAvailability.coopId,
          hackerAvailability.cycleId,
          hackerAvailability.personId,
        ],
        set: { hours: parsed.hours, note: parsed.note, updatedAt: new Date() },
      });
    await appendEvent(tx, {
      coopId,
      type: 'cycle.availability-set',
      actorId: ctx.actor.personId,
      subjectType: 'cycle',
      subjectId: cycleId,
      data: { personId, hours: parsed.hours },
    });
  });
}
