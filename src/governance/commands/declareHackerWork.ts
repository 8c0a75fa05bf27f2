import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { CommandContext } from '../../platform/commands.ts';
import { appendEvent } from '../../platform/events.ts';
import { authorize } from '../../platform/policy.ts';
import { parseInput } from '../../platform/validation.ts';
import { governancePolicy } from '../policy.ts';
import { assertPhase, assertSliceItems, loadCycle } from '../repository.ts';
import { hackerDeclarations } from '../schema.ts';

export const declarationInputSchema = z
  .strictObject({ hours: z.record(z.uuid(), z.number().int().min(1).max(2_000)) })
  .meta({ id: 'HackerDeclaration' });

/**
 * A hacker says what they will do with their own share of the hacker slice: hours on hacker
 * items of the cycle. The share is checked when the plan is computed, where it is known.
 */
export async function declareHackerWork(
  ctx: CommandContext,
  cycleId: string,
  input: z.input<typeof declarationInputSchema>,
) {
  authorize(
    ctx.actor,
    governancePolicy.declareHackerWork,
    undefined,
    'Only hackers declare hacker-slice work.',
  );
  const parsed = parseInput(declarationInputSchema, input);
  const coopId = ctx.actor.coopId;
  const personId = ctx.actor.personId!;
  await ctx.db.transaction(async (tx) => {
    assertPhase(await loadCycle(tx, coopId, cycleId), ['proposing', 'voting'], 'declaring work');
    const ids = Object.keys(parsed.hours);
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
          hours: parsed.hours[workItemId]!,
        })),
      );
    await appendEvent(tx, {
      coopId,
      type: 'cycle.hacker-declared',
      actorId: personId,
      subjectType: 'cycle',
      subjectId: cycleId,
      data: { hours: parsed.hours },
    });
  });
}
