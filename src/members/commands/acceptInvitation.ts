import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { CommandContext } from '../../platform/commands.ts';
import { conflict, gone, notFound } from '../../platform/errors.ts';
import { appendEvent } from '../../platform/events.ts';
import { hashPassword } from '../../platform/passwords.ts';
import { sha256 } from '../../platform/tokens.ts';
import { parseInput } from '../../platform/validation.ts';
import { passwordSchema } from '../passwordPolicy.ts';
import { findPersonIdByEmail, insertMember } from '../repository.ts';
import { invitations } from '../schema.ts';
import { insertSession, mintSession } from '../sessions.ts';

export const acceptInvitationInputSchema = z
  .strictObject({
    displayName: z.string().trim().min(1).max(200),
    password: passwordSchema,
  })
  .meta({ id: 'InvitationAcceptance' });

export async function findInvitation(ctx: CommandContext, token: string) {
  const [invitation] = await ctx.db
    .select()
    .from(invitations)
    .where(and(eq(invitations.coopId, ctx.actor.coopId), eq(invitations.tokenHash, sha256(token))));
  if (!invitation) throw notFound('This invitation');
  if (invitation.revokedAt) throw gone('This invitation was revoked.');
  if (invitation.acceptedAt) throw gone('This invitation was already accepted. Sign in instead.');
  if (invitation.expiresAt <= new Date())
    throw gone('This invitation has expired. Ask for a new one.');
  return invitation;
}

/** Creates the account and membership, and signs the new member in. */
export async function acceptInvitation(
  ctx: CommandContext,
  token: string,
  input: z.input<typeof acceptInvitationInputSchema>,
  userAgent?: string,
) {
  const parsed = parseInput(acceptInvitationInputSchema, input);
  const invitation = await findInvitation(ctx, token);
  const passwordHash = await hashPassword(parsed.password);
  const session = mintSession();
  const coopId = ctx.actor.coopId;
  const personId = await ctx.db.transaction(async (tx) => {
    // Claim the invitation first: of two concurrent acceptances, one updates the row.
    const claimed = await tx
      .update(invitations)
      .set({ acceptedAt: sql`now()` })
      .where(and(eq(invitations.id, invitation.id), sql`${invitations.acceptedAt} is null`))
      .returning({ id: invitations.id });
    if (claimed.length === 0) throw gone('This invitation was already accepted. Sign in instead.');
    if (await findPersonIdByEmail(tx, coopId, invitation.email))
      throw conflict(`${invitation.email} is already a member. Sign in instead.`);
    const id = await insertMember(tx, {
      coopId,
      displayName: parsed.displayName,
      email: invitation.email,
      emailVerified: true,
      passwordHash,
      memberClass: invitation.memberClass,
      status: 'active',
      organizationId: invitation.organizationId,
      actorId: null,
      via: 'invitation',
    });
    await tx
      .update(invitations)
      .set({ acceptedPersonId: id })
      .where(eq(invitations.id, invitation.id));
    await appendEvent(tx, {
      coopId,
      type: 'invitation.accepted',
      actorId: id,
      subjectType: 'invitation',
      subjectId: invitation.id,
      data: { personId: id },
    });
    await insertSession(tx, coopId, id, session, { ip: ctx.ip, userAgent });
    return id;
  });
  return { personId, session };
}
