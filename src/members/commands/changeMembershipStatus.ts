import { and, eq, gte, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { defineCommand } from '../../platform/commands.ts';
import { badRequest, notFound } from '../../platform/errors.ts';
import { authorize } from '../../platform/policy.ts';
import { keepOneAdministrator, standingOf } from '../administrators.ts';
import { membershipStatusChanged } from '../events.ts';
import { aboutPerson, membersPolicy } from '../policy.ts';
import { memberships, membershipStatusChanges, officerTerms, sessions } from '../schema.ts';
import { statusChangeFields } from '../profileInput.ts';

export const changeMembershipStatus = defineCommand({
  name: 'members.changeMembershipStatus',
  input: z.strictObject({ personId: z.uuid(), ...statusChangeFields }),
  policy: aboutPerson(membersPolicy.changeStatus),
  denied: 'You cannot change your own status.',
  events: [membershipStatusChanged],
  async run(tx, { personId, status, reason }, ctx) {
    const coopId = ctx.coopId;
    const now = ctx.clock.now();
    const [membership] = await tx
      .select()
      .from(memberships)
      .where(and(eq(memberships.coopId, coopId), eq(memberships.personId, personId)))
      .for('update');
    if (!membership) throw notFound('This member');
    const standing = (await standingOf(tx, coopId, personId, ctx.clock.today()))!;
    authorize(
      ctx.actor,
      membersPolicy.changeStatusOf,
      standing,
      'Only an administrator changes the status of an officer or an administrator.',
    );
    if (standing.activeAdmin && status !== 'active')
      await keepOneAdministrator(tx, coopId, personId);
    if (membership.status === status)
      throw badRequest(`The membership is already ${status}.`, [
        { pointer: '/status', message: 'unchanged' },
      ]).because('membership.unchanged', { membershipStatus: status });
    await tx
      .update(memberships)
      .set({ status, updatedAt: now })
      .where(eq(memberships.id, membership.id));
    await tx.insert(membershipStatusChanges).values({
      coopId,
      membershipId: membership.id,
      fromStatus: membership.status,
      toStatus: status,
      reason,
      changedBy: ctx.actor.personId,
      changedAt: now,
    });
    // A suspended member is signed out everywhere at once.
    if (status === 'suspended')
      await tx
        .delete(sessions)
        .where(and(eq(sessions.coopId, coopId), eq(sessions.personId, personId)));
    // Suspension or leaving ends any office held: an office needs an active member.
    let endedOffices: string[] = [];
    if (status === 'suspended' || status === 'left') {
      const today = ctx.clock.today();
      const ended = await tx
        .update(officerTerms)
        .set({ endedEarlyOn: today })
        .where(
          and(
            eq(officerTerms.coopId, coopId),
            eq(officerTerms.personId, personId),
            isNull(officerTerms.endedEarlyOn),
            gte(officerTerms.endsOn, today),
          ),
        )
        .returning({ role: officerTerms.role });
      endedOffices = ended.map((e) => e.role);
    }
    await ctx.emit(membershipStatusChanged, personId, {
      from: membership.status,
      to: status,
      reason,
      endedOffices,
    });
  },
});
