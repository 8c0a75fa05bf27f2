import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { memberships } from '../../members/schema.ts';
import type { Actor } from '../../platform/actor.ts';
import { defineCommand } from '../../platform/commands.ts';
import { badRequest, conflict, notFound } from '../../platform/errors.ts';
import { cycleWorkClaimed } from '../events.ts';
import { governancePolicy } from '../policy.ts';
import { assertPhase, loadCycle } from '../repository.ts';
import { planClaimInputSchema } from '../planClaimInput.ts';
import { planAssignments, planItems } from '../schema.ts';

const assigns = (actor: Actor, input: { personId?: string | undefined }) =>
  input.personId !== undefined && input.personId !== actor.personId;

/**
 * A hacker takes hours of a planned item, or an officer assigns them to a hacker (0 releases);
 * what is taken never exceeds the plan.
 */
export const claimPlanItem = defineCommand({
  name: 'governance.claimPlanItem',
  input: z.strictObject({ cycleId: z.uuid(), workItemId: z.uuid(), ...planClaimInputSchema.shape }),
  policy: (actor: Actor, input: { personId?: string | undefined }) =>
    assigns(actor, input)
      ? governancePolicy.manageCycles(actor, undefined)
      : governancePolicy.declareHackerWork(actor, undefined),
  denied: 'Hackers take planned work; officers assign it.',
  events: [cycleWorkClaimed],
  async run(tx, input, ctx) {
    const { cycleId, workItemId, hours } = input;
    const assigning = assigns(ctx.actor, input);
    const coopId = ctx.coopId;
    const personId = input.personId ?? ctx.actor.personId!;
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
        ]).because('plan-item.not-active-hacker');
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
      ]).because('plan-item.hours-not-free', { free, hours: item.hours });
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
    await ctx.emit(cycleWorkClaimed, workItemId, {
      cycleId,
      hours,
      personId,
      assigned: assigning,
    });
  },
});
