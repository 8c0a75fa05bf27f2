import { and, eq, gt, isNull } from 'drizzle-orm';
import { assertOrganizationExists } from '../../organizations/queries.ts';
import { defineCommand } from '../../platform/commands.ts';
import { conflict } from '../../platform/errors.ts';
import { newToken, sha256 } from '../../platform/tokens.ts';
import { inviteInputSchema } from '../invitationInput.ts';
import { invitationSent } from '../events.ts';
import { membersPolicy } from '../policy.ts';
import { membersMail } from '../mailMessages.ts';
import { findPersonIdByEmail, localeOfPerson, normalizeEmail } from '../repository.ts';
import { invitations } from '../schema.ts';

export const invitationDays = 14;

/** Mails a single-use link; the invitee picks a name and password when they accept. */
export const inviteMember = defineCommand({
  name: 'members.inviteMember',
  input: inviteInputSchema,
  policy: membersPolicy.invite,
  denied: 'Only administrators and officers invite.',
  events: [invitationSent],
  async run(tx, input, ctx) {
    const email = normalizeEmail(input.email);
    const coopId = ctx.coopId;
    const now = ctx.clock.now();
    const token = newToken();
    const link = `${ctx.publicUrl}/invite/${token}`;
    // Another member's unverified claim does not make the address theirs; it gives way when
    // the invitation is accepted.
    if (await findPersonIdByEmail(tx, coopId, email)) {
      throw conflict(`${email} is already a member.`, [
        { pointer: '/email', message: 'already a member' },
      ]).because('member.exists', { email });
    }
    if (input.organizationId) await assertOrganizationExists(tx, coopId, input.organizationId);
    const [pending] = await tx
      .select({ id: invitations.id })
      .from(invitations)
      .where(
        and(
          eq(invitations.coopId, coopId),
          eq(invitations.email, email),
          isNull(invitations.acceptedAt),
          isNull(invitations.revokedAt),
          gt(invitations.expiresAt, now),
        ),
      );
    if (pending) {
      throw conflict(`${email} already has a pending invitation; revoke it to send a new one.`, [
        { pointer: '/email', message: 'already invited' },
      ]).because('invitation.pending', { email });
    }
    const locale =
      input.locale ??
      (ctx.actor.personId ? await localeOfPerson(tx, coopId, ctx.actor.personId) : 'en');
    const [row] = await tx
      .insert(invitations)
      .values({
        coopId,
        email,
        displayName: input.displayName ?? null,
        memberClass: input.memberClass,
        organizationId: input.organizationId ?? null,
        locale,
        tokenHash: sha256(token),
        invitedBy: ctx.actor.personId ?? '00000000-0000-0000-0000-000000000000',
        expiresAt: new Date(now.getTime() + invitationDays * 24 * 3600 * 1000),
      })
      .returning({ id: invitations.id });
    await ctx.mail({
      to: email,
      kind: 'invitation',
      subject: membersMail(locale, 'invitation.subject'),
      body: [
        input.displayName
          ? membersMail(locale, 'invitation.greetingNamed', { name: input.displayName })
          : membersMail(locale, 'invitation.greeting'),
        '',
        membersMail(locale, 'invitation.invites', {
          inviter: ctx.actor.displayName ?? membersMail(locale, 'invitation.theCoop'),
          memberClass: membersMail(locale, `memberClass.${input.memberClass}`),
        }),
        membersMail(locale, 'invitation.accept', { days: invitationDays }),
        '',
        link,
      ].join('\n'),
    });
    await ctx.emit(invitationSent, row!.id, {
      email,
      memberClass: input.memberClass,
      organizationId: input.organizationId ?? null,
    });
    return { id: row!.id, link };
  },
});
