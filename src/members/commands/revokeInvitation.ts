import { and, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { defineCommand } from '../../platform/commands.ts';
import { gone } from '../../platform/errors.ts';
import { invitationRevoked } from '../events.ts';
import { membersPolicy } from '../policy.ts';
import { invitations } from '../schema.ts';

export const revokeInvitation = defineCommand({
  name: 'members.revokeInvitation',
  input: z.strictObject({ invitationId: z.uuid() }),
  policy: membersPolicy.invite,
  events: [invitationRevoked],
  async run(tx, { invitationId }, ctx) {
    const revoked = await tx
      .update(invitations)
      .set({ revokedAt: ctx.clock.now() })
      .where(
        and(
          eq(invitations.coopId, ctx.coopId),
          eq(invitations.id, invitationId),
          isNull(invitations.acceptedAt),
          isNull(invitations.revokedAt),
        ),
      )
      .returning({ id: invitations.id });
    if (revoked.length === 0)
      throw gone('No pending invitation with this id.').because('invitation.not-pending');
    await ctx.emit(invitationRevoked, invitationId, {});
  },
});
