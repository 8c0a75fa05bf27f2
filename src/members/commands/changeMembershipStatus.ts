import { and, eq, gte, isNull } from 'drizzle-orm';
import { z } from 'zod';
import type { CommandContext } from '../../platform/commands.ts';
import { badRequest, notFound } from '../../platform/errors.ts';
import { appendEvent } from '../../platform/events.ts';
import { authorize } from '../../platform/policy.ts';
import { parseInput } from '../../platform/validation.ts';
import { membersPolicy } from '../policy.ts';
import {
  memberships,
  membershipStatuses,
  membershipStatusChanges,
  officerTerms,
  sessions,
} from '../schema.ts';

export const statusChangeInputSchema = z
  .strictObject({
    status: z.enum(membershipStatuses),
    reason: z.string().trim().min(3, 'give a reason of at least 3 characters').max(1000),
  })
  .meta({ id: 'MembershipStatusChange' });

export async function changeMembershipStatus(
  ctx: CommandContext,
  personId: string,
  input: z.input<typeof statusChangeInputSchema>,
): Promise<void> {
  authorize(ctx.actor, membersPolicy.changeStatus, personId, 'You cannot change your own status.');
  const parsed = parseInput(statusChangeInputSchema, input);
  const coopId = ctx.actor.coopId;
  await ctx.db.transaction(async (tx) => {
    const [membership] = await tx
      .select()
      .from(memberships)
      .where(and(eq(memberships.coopId, coopId), eq(memberships.personId, personId)))
      .for('update');
    if (!membership) throw notFound('This member');
    if (membership.status === parsed.status)
      throw badRequest(`The membership is already ${parsed.status}.`, [
        { pointer: '/status', message: 'unchanged' },
      ]);
    await tx
      .update(memberships)
      .set({ status: parsed.status, updatedAt: new Date() })
      .where(eq(memberships.id, membership.id));
    await tx.insert(membershipStatusChanges).values({
      coopId,
      membershipId: membership.id,
      fromStatus: membership.status,
      toStatus: parsed.status,
      reason: parsed.reason,
      changedBy: ctx.actor.personId,
    });
    // A suspended member is signed out everywhere at once.
    if (parsed.status === 'suspended')
      await tx
        .delete(sessions)
        .where(and(eq(sessions.coopId, coopId), eq(sessions.personId, personId)));
    // Suspension or leaving ends any office held: an office needs an active member.
    let endedOffices: string[] = [];
    if (parsed.status === 'suspended' || parsed.status === 'left') {
      const today = new Date().toISOString().slice(0, 10);
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
    await appendEvent(tx, {
      coopId,
      type: 'membership.status-changed',
      actorId: ctx.actor.personId,
      subjectType: 'person',
      subjectId: personId,
      data: { from: membership.status, to: parsed.status, reason: parsed.reason, endedOffices },
    });
  });
}
