import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { CommandContext } from '../../platform/commands.ts';
import { conflict, notFound } from '../../platform/errors.ts';
import { appendEvent } from '../../platform/events.ts';
import { authorize } from '../../platform/policy.ts';
import { parseInput } from '../../platform/validation.ts';
import { governancePolicy } from '../policy.ts';
import { assertPhase, loadCycle } from '../repository.ts';
import { planAssignments, planItems } from '../schema.ts';

export const claimInputSchema = z
  .strictObject({ hours: z.number().int().min(0).max(2_000) })
  .meta({ id: 'PlanClaim' });

/** A hacker takes hours of a planned item (0 releases the claim); claims never exceed the plan. */
export async function claimPlanItem(
  ctx: CommandContext,
  cycleId: string,
  workItemId: string,
  input: z.input<typeof claimInputSchema>,
) {
  authorize(
    ctx.actor,
    governancePolicy.declareHackerWork,
    undefined,
    'Only hackers take planned work.',
  );
  const { hours } = parseInput(claimInputSchema, input);
  const coopId = ctx.actor.coopId;
  const personId = ctx.actor.personId!;
  await ctx.db.transaction(async (tx) => {
    assertPhase(
      await loadCycle(tx, coopId, cycleId),
      ['planned', 'in-progress'],
      'taking planned work',
    );
    const [item] = await tx
      .select()
      .from(planItems)
      .where(
        and(
          eq(planItems.coopId, coopId),
          eq(planItems.cycleId, cycleId),
          eq(planItems.workItemId, workItemId),
        ),
      )
      .for('update');
    if (!item || item.hours === 0) throw notFound('This item in the plan');
    const [others] = await tx
      .select({ n: sql<number>`coalesce(sum(${planAssignments.hours}), 0)::int` })
      .from(planAssignments)
      .where(
        and(
          eq(planAssignments.coopId, coopId),
          eq(planAssignments.cycleId, cycleId),
          eq(planAssignments.workItemId, workItemId),
          sql`${planAssignments.personId} <> ${personId}`,
        ),
      );
    const free = item.hours - others!.n;
    if (hours > free)
      throw conflict(`Only ${free} of the item’s ${item.hours} planned hours are free.`);
    const where = and(
      eq(planAssignments.coopId, coopId),
      eq(planAssignments.cycleId, cycleId),
      eq(planAssignments.workItemId, workItemId),
      eq(planAssignments.personId, personId),
    );
    await tx.delete(planAssignments).where(where);
    if (hours > 0)
      await tx.insert(planAssignments).values({ coopId, cycleId, workItemId, personId, hours });
    await appendEvent(tx, {
      coopId,
      type: 'cycle.work-claimed',
      actorId: personId,
      subjectType: 'work-item',
      subjectId: workItemId,
      data: { cycleId, hours },
    });
  });
}
