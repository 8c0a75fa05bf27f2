import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { defineCommand } from '../../platform/commands.ts';
import { declarationInputSchema } from '../declarationInput.ts';
import { cycleHackerDeclared } from '../events.ts';
import { governancePolicy } from '../policy.ts';
import { assertPhase, assertSliceItems, loadCycle } from '../repository.ts';
import { hackerDeclarations } from '../schema.ts';

/**
 * A hacker says what they will do with their own share of the hacker slice: hours on hacker
 * items of the cycle. The share is checked when the plan is computed, where it is known.
 */
export const declareHackerWork = defineCommand({
  name: 'governance.declareHackerWork',
  input: z.strictObject({ cycleId: z.uuid(), ...declarationInputSchema.shape }),
  policy: governancePolicy.declareHackerWork,
  denied: 'Only hackers declare hacker-slice work.',
  events: [cycleHackerDeclared],
  async run(tx, { cycleId, hours }, ctx) {
    const coopId = ctx.coopId;
    const personId = ctx.actor.personId!;
    assertPhase(await loadCycle(tx, coopId, cycleId), ['proposing', 'voting'], 'declaring work');
    const ids = Object.keys(hours);
    await assertSliceItems(tx, coopId, cycleId, 'hackers', ids, '/hours');
    await tx
      .delete(hackerDeclarations)
      .where(
        and(
          eq(hackerDeclarations.coopId, coopId),
          eq(hackerDeclarations.cycleId, cycleId),
          eq(hackerDeclarations.personId, personId),
        ),
      );
    if (ids.length > 0)
      await tx.insert(hackerDeclarations).values(
        ids.map((workItemId) => ({
          coopId,
          cycleId,
          personId,
          workItemId,
          hours: hours[workItemId]!,
        })),
      );
    await ctx.emit(cycleHackerDeclared, cycleId, { hours });
  },
});
