import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { CommandContext } from '../../platform/commands.ts';
import { memberships } from '../../members/schema.ts';
import { badRequest, conflict, notFound } from '../../platform/errors.ts';
import { appendEvent } from '../../platform/events.ts';
import { authorize } from '../../platform/policy.ts';
import { parseInput } from '../../platform/validation.ts';
import { governancePolicy } from '../policy.ts';
import { assertPhase, loadCycle } from '../repository.ts';
import { planAssignments, planItems } from '../schema.ts';

export const claimInputSchema = z
  .strictObject({
    hours: z.number().int().min(0).max(2_000),
    /** An officer assigns the hours to a hacker; without it, the caller takes them. */
    personId: z.uuid().optional(),
  })
  .meta({ id: 'PlanClaim' });

/**
 * A hacker takes hours of a planned item, or an officer assigns them to a hacker (0 releases);
 * what is taken never exceeds the plan.
 */
export async function claimPlanItem(
  ctx: CommandContext,
  cycleId: string,
  workItemId: string,
  input: z.input<typeof claimInputSchema>,
) {
  const { hours, personId: assignee } = parseInput(claimInputSchema, input);
  const assigning = assignee !== undefined && assignee !== ctx.actor.personId;
  if (assigning)
    authorize(ctx.actor, governancePolicy.manageCycles, undefined, 'Officers assign planned work.');
  else
    authorize(
      ctx.actor,
      governancePolicy.declareHackerWork,
      undefined,
      'Only hackers take planned work.',
    );
  const coopId = ctx.actor.coopId;
  const personId = assignee ?? ctx.actor.personId!;
  await ctx.db.transaction(async (tx) => {
    assertPhase(
      await loadCycle(tx, coopId, cycleId),
      ['planned', 'in-progress'],
      'taking planned work',
    );
    // Releasing (0 hours) also frees what a hacker who has since left still holds.
    if (assigning && hours > 0) {
      const [member] = await tx
        .select({ memberClass: memberships.memberClass, status: memberships.status })
        .from(memberships)
        .where(and(eq(memberships.coopId, coopId), eq(memberships.personId, personId)));
      if (member?.memberClass !== 'hacker' || member.status !== 'active')
        throw badRequest('Planned work goes to active hackers.', [
          { pointer: '/personId', message: 'not an active hacker' },
        ]);
    }
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
      throw conflict(`Only ${free} of the item’s ${item.hours} planned hours are free.`, [
        { pointer: '/hours', message: `only ${free} h of the item are free` },
      ]);
    const where = and(
      eq(planAssignments.coopId, coopId),
      eq(planAssignments.cycleId, cycleId),
      eq(planAssignments.workItemId, workItemId),
      eq(planAssignments.personId, personId),
    );
    const released = await tx
      .delete(planAssignments)
      .where(where)
      .returning({ hours: planAssignments.hours });
    // Releasing what nobody holds changes nothing, so nothing happened to log.
    if (hours === 0 && released.length === 0) return;
    if (hours > 0)
      await tx.insert(planAssignments).values({ coopId, cycleId, workItemId, personId, hours });
    await appendEvent(tx, {
      coopId,
      type: 'cycle.work-claimed',
      actorId: ctx.actor.personId,
      subjectType: 'work-item',
      subjectId: workItemId,
      data: { cycleId, hours, personId, assigned: assigning },
    });
  });
}
