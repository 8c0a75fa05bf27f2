import { and, eq, gt, isNull } from 'drizzle-orm';
import { z } from 'zod';
import type { CommandContext } from '../../platform/commands.ts';
import { conflict } from '../../platform/errors.ts';
import { appendEvent } from '../../platform/events.ts';
import { queueMail } from '../../platform/mail.ts';
import { authorize } from '../../platform/policy.ts';
import { newToken, sha256 } from '../../platform/tokens.ts';
import { parseInput } from '../../platform/validation.ts';
import { assertOrganizationExists } from '../../organizations/queries.ts';
import { membersPolicy } from '../policy.ts';
import { findPersonIdByEmail, normalizeEmail } from '../repository.ts';
import { invitations, memberClasses } from '../schema.ts';

export const invitationDays = 14;

export const inviteInputSchema = z
  .strictObject({
    email: z.email(),
    displayName: z.string().trim().min(1).max(200).optional(),
    memberClass: z.enum(memberClasses),
    organizationId: z.uuid().optional(),
  })
  .refine((i) => i.memberClass !== 'sponsor' || i.organizationId, {
    message: 'a sponsor representative needs an organization',
    path: ['organizationId'],
  })
  .meta({ id: 'Invitation' });

/** Mails a single-use link; the invitee picks a name and password when they accept. */
export async function inviteMember(ctx: CommandContext, input: z.input<typeof inviteInputSchema>) {
  authorize(ctx.actor, membersPolicy.invite, undefined, 'Only administrators and officers invite.');
  const parsed = parseInput(inviteInputSchema, input);
  const email = normalizeEmail(parsed.email);
  const coopId = ctx.actor.coopId;
  const token = newToken();
  const link = `${ctx.publicUrl}/invite/${token}`;
  const id = await ctx.db.transaction(async (tx) => {
    if (await findPersonIdByEmail(tx, coopId, email)) {
      throw conflict(`${email} is already a member.`, [
        { pointer: '/email', message: 'already a member' },
      ]);
    }
    if (parsed.organizationId) await assertOrganizationExists(tx, coopId, parsed.organizationId);
    const [pending] = await tx
      .select({ id: invitations.id })
      .from(invitations)
      .where(
        and(
          eq(invitations.coopId, coopId),
          eq(invitations.email, email),
          isNull(invitations.acceptedAt),
          isNull(invitations.revokedAt),
          gt(invitations.expiresAt, new Date()),
        ),
      );
    if (pending) {
      throw conflict(`${email} already has a pending invitation; revoke it to send a new one.`, [
        { pointer: '/email', message: 'already invited' },
      ]);
    }
    const [row] = await tx
      .insert(invitations)
      .values({
        coopId,
        email,
        displayName: parsed.displayName ?? null,
        memberClass: parsed.memberClass,
        organizationId: parsed.organizationId ?? null,
        tokenHash: sha256(token),
        invitedBy: ctx.actor.personId ?? '00000000-0000-0000-0000-000000000000',
        expiresAt: new Date(Date.now() + invitationDays * 24 * 3600 * 1000),
      })
      .returning({ id: invitations.id });
    await queueMail(tx, coopId, {
      to: email,
      kind: 'invitation',
      subject: 'You are invited to join the co-op',
      body: [
        `Hello${parsed.displayName ? ` ${parsed.displayName}` : ''},`,
        '',
        `${ctx.actor.displayName ?? 'The co-op'} invites you to join as a ${parsed.memberClass} member.`,
        `Accept within ${invitationDays} days by opening this link:`,
        '',
        link,
      ].join('\n'),
    });
    await appendEvent(tx, {
      coopId,
      type: 'invitation.sent',
      actorId: ctx.actor.personId,
      subjectType: 'invitation',
      subjectId: row!.id,
      data: {
        email,
        memberClass: parsed.memberClass,
        organizationId: parsed.organizationId ?? null,
      },
    });
    return row!.id;
  });
  return { id, link };
}
