import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { defineCommand } from '../../platform/commands.ts';
import { forbidden } from '../../platform/errors.ts';
import { consumeEmailToken, endEmailTokens, insertEmailToken } from '../emailTokens.ts';
import { sessionStarted, signInLinkRequested } from '../events.ts';
import { membersPolicy } from '../policy.ts';
import { findAddressOwner, localeOfPerson, normalizeEmail } from '../repository.ts';
import { memberships, personEmails } from '../schema.ts';
import { insertSession, mintSession } from '../sessions.ts';
import { membersMail } from '../mailMessages.ts';

export const signInLinkMinutes = 30;

export const signInLinkRequestInputSchema = z
  .strictObject({ email: z.email() })
  .meta({ id: 'SignInLinkRequest' });
export const signInLinkInputSchema = z
  .strictObject({ token: z.string().min(20).max(200) })
  .meta({ id: 'SignInLink' });

/**
 * The owner's way in while failed guesses from elsewhere lock the account: a one-time link to
 * the member's own address. Answers the same whether the address is known or not.
 */
export const requestSignInLink = defineCommand({
  name: 'members.requestSignInLink',
  input: signInLinkRequestInputSchema,
  policy: membersPolicy.anyone,
  events: [signInLinkRequested],
  async run(tx, input, ctx) {
    const email = normalizeEmail(input.email);
    const owner = await findAddressOwner(tx, ctx.coopId, email);
    if (!owner) return;
    const now = ctx.clock.now();
    const locale = await localeOfPerson(tx, ctx.coopId, owner.personId);
    await endEmailTokens(tx, ctx.coopId, owner.personId, ['sign-in-link'], now);
    const token = await insertEmailToken(tx, {
      coopId: ctx.coopId,
      purpose: 'sign-in-link',
      personId: owner.personId,
      emailId: owner.emailId,
      hours: signInLinkMinutes / 60,
      now,
    });
    await ctx.mail({
      to: email,
      kind: 'sign-in-link',
      subject: membersMail(locale, 'signInLink.subject'),
      body: membersMail(locale, 'signInLink.body', {
        email,
        minutes: signInLinkMinutes,
        link: `${ctx.publicUrl}/sign-in-link/${token}`,
      }),
    });
    await ctx.emit(signInLinkRequested, owner.personId, {});
  },
});

/** Opens a session for the link's holder; the address it went to is thereby verified. */
export const signInWithLink = defineCommand({
  name: 'members.signInWithLink',
  input: signInLinkInputSchema.extend({ userAgent: z.string().optional() }),
  policy: membersPolicy.anyone,
  events: [sessionStarted],
  prepare: async (_input, ctx) => mintSession(ctx.clock),
  async run(tx, input, ctx, session) {
    const coopId = ctx.coopId;
    const now = ctx.clock.now();
    const used = await consumeEmailToken(tx, coopId, 'sign-in-link', input.token, now);
    const [membership] = await tx
      .select({ status: memberships.status })
      .from(memberships)
      .where(and(eq(memberships.coopId, coopId), eq(memberships.personId, used.personId)));
    if (membership?.status === 'suspended')
      throw forbidden('Your membership is suspended. Contact the co-op’s administrators.').because(
        'membership.suspended',
      );
    if (used.emailId)
      await tx
        .update(personEmails)
        .set({
          verifiedAt: sql`coalesce(${personEmails.verifiedAt}, ${now.toISOString()}::timestamptz)`,
        })
        .where(
          and(
            eq(personEmails.coopId, coopId),
            eq(personEmails.id, used.emailId),
            eq(personEmails.personId, used.personId),
          ),
        );
    await insertSession(tx, coopId, used.personId, session, {
      ip: ctx.ip,
      userAgent: input.userAgent,
    });
    await ctx.emit(
      sessionStarted,
      used.personId,
      { method: 'sign-in-link' },
      { actorId: used.personId },
    );
    return { personId: used.personId, session };
  },
});
