import { and, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { asLocale } from '../../platform/i18n/locales.ts';
import { defineCommand } from '../../platform/commands.ts';
import type { Executor } from '../../platform/db/database.ts';
import { conflict, gone, notFound } from '../../platform/errors.ts';
import { hashPassword } from '../../platform/passwords.ts';
import { sha256 } from '../../platform/tokens.ts';
import { emailReleased, invitationAccepted, memberJoined } from '../events.ts';
import { acceptanceFields } from '../acceptInvitationInput.ts';
import { membersPolicy } from '../policy.ts';
import { findPersonIdByEmail, insertMember, releaseAddressClaim } from '../repository.ts';
import { invitations } from '../schema.ts';
import { insertSession, mintSession } from '../sessions.ts';

const alreadyAccepted = () =>
  gone('This invitation was already accepted. Sign in instead.').because('invitation.accepted');

/** The invitation a link names, if it can still be accepted. */
export async function findInvitation(executor: Executor, coopId: string, token: string, now: Date) {
  const [invitation] = await executor
    .select()
    .from(invitations)
    .where(and(eq(invitations.coopId, coopId), eq(invitations.tokenHash, sha256(token))));
  if (!invitation) throw notFound('This invitation');
  if (invitation.revokedAt)
    throw gone('This invitation was revoked.').because('invitation.revoked');
  if (invitation.acceptedAt) throw alreadyAccepted();
  if (invitation.expiresAt <= now)
    throw gone('This invitation has expired. Ask for a new one.').because('invitation.expired');
  return invitation;
}

/** Creates the account and membership, and signs the new member in. */
export const acceptInvitation = defineCommand({
  name: 'members.acceptInvitation',
  input: z.strictObject({
    ...acceptanceFields,
    token: z.string().min(20).max(200),
    userAgent: z.string().optional(),
  }),
  policy: membersPolicy.anyone,
  events: [memberJoined, invitationAccepted, emailReleased],
  async prepare(input, ctx) {
    // Refuse a dead link before spending a password hash on it.
    await findInvitation(ctx.db, ctx.actor.coopId, input.token, ctx.clock.now());
    return { passwordHash: await hashPassword(input.password), session: mintSession(ctx.clock) };
  },
  async run(tx, input, ctx, { passwordHash, session }) {
    const coopId = ctx.coopId;
    const invitation = await findInvitation(tx, coopId, input.token, ctx.clock.now());
    // Claim the invitation first: of two concurrent acceptances, one updates the row.
    const claimed = await tx
      .update(invitations)
      .set({ acceptedAt: ctx.clock.now() })
      .where(and(eq(invitations.id, invitation.id), isNull(invitations.acceptedAt)))
      .returning({ id: invitations.id });
    if (claimed.length === 0) throw alreadyAccepted();
    if (await findPersonIdByEmail(tx, coopId, invitation.email))
      throw conflict(`${invitation.email} is already a member. Sign in instead.`).because(
        'member.exists',
        { email: invitation.email },
      );
    // The link proves the address: another member's unverified claim on it gives way.
    await releaseAddressClaim(tx, ctx, invitation.email);
    const personId = await insertMember(tx, ctx, {
      displayName: input.displayName,
      email: invitation.email,
      emailVerified: true,
      passwordHash,
      memberClass: invitation.memberClass,
      status: 'active',
      organizationId: invitation.organizationId,
      locale: asLocale(invitation.locale),
      via: 'invitation',
    });
    await tx
      .update(invitations)
      .set({ acceptedPersonId: personId })
      .where(eq(invitations.id, invitation.id));
    await ctx.emit(invitationAccepted, invitation.id, { personId }, { actorId: personId });
    await insertSession(tx, coopId, personId, session, { ip: ctx.ip, userAgent: input.userAgent });
    return { personId, session };
  },
});
