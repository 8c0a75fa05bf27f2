import { and, eq, isNull } from 'drizzle-orm';
import type { CommandContext } from '../../platform/commands.ts';
import { gone } from '../../platform/errors.ts';
import { appendEvent } from '../../platform/events.ts';
import { authorize } from '../../platform/policy.ts';
import { membersPolicy } from '../policy.ts';
import { invitations } from '../schema.ts';

export async function revokeInvitation(ctx: CommandContext, invitationId: string): Promise<void> {
  authorize(ctx.actor, membersPolicy.invite, undefined);
  await ctx.db.transaction(async (tx) => {
    const revoked = await tx
      .update(invitations)
      .set({ revokedAt: new Date() })
      .where(
        and(
          eq(invitations.coopId, ctx.actor.coopId),
          eq(invitations.id, invitationId),
          isNull(invitations.acceptedAt),
          isNull(invitations.revokedAt),
        ),
      )
      .returning({ id: invitations.id });
    if (revoked.length === 0) throw gone('No pending invitation with this id.');
    await appendEvent(tx, {
      coopId: ctx.actor.coopId,
      type: 'invitation.revoked',
      actorId: ctx.actor.personId,
      subjectType: 'invitation',
      subjectId: invitationId,
    });
  });
}
