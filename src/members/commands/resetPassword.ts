import { and, eq, sql } from 'drizzle-orm';
import { defineCommand } from '../../platform/commands.ts';
import { hashPassword } from '../../platform/passwords.ts';
import {
  consumeEmailToken,
  endEmailTokens,
  insertEmailToken,
  passwordLinks,
} from '../emailTokens.ts';
import { passwordReset, passwordResetRequested } from '../events.ts';
import { resetInputSchema, resetRequestInputSchema } from '../passwordResetInput.ts';
import { membersPolicy } from '../policy.ts';
import { membersMail } from '../mailMessages.ts';
import { findAddressOwner, localeOfPerson, normalizeEmail } from '../repository.ts';
import { people, personEmails, sessions } from '../schema.ts';

/** Always answers the same, so the form does not reveal who is a member. */
export const requestPasswordReset = defineCommand({
  name: 'members.requestPasswordReset',
  input: resetRequestInputSchema,
  policy: membersPolicy.anyone,
  events: [passwordResetRequested],
  async run(tx, input, ctx) {
    const email = normalizeEmail(input.email);
    // Never to an address merely added to a profile: it is not yet the member's.
    const owner = await findAddressOwner(tx, ctx.coopId, email);
    if (!owner) return;
    const personId = owner.personId;
    const locale = await localeOfPerson(tx, ctx.coopId, personId);
    // Only the newest link works: an older one, perhaps in a mailbox read by others, ends here.
    await endEmailTokens(tx, ctx.coopId, personId, ['reset-password'], ctx.clock.now());
    const token = await insertEmailToken(tx, {
      coopId: ctx.coopId,
      purpose: 'reset-password',
      personId,
      emailId: owner.emailId,
      hours: 2,
      now: ctx.clock.now(),
    });
    await ctx.mail({
      to: email,
      kind: 'password-reset',
      subject: membersMail(locale, 'passwordReset.subject'),
      body: membersMail(locale, 'passwordReset.body', {
        email,
        link: `${ctx.publicUrl}/reset-password/${token}`,
      }),
    });
    await ctx.emit(passwordResetRequested, personId, {});
  },
});

/** The link's holder sets a new password; every session and every other reset link ends. */
export const resetPassword = defineCommand({
  name: 'members.resetPassword',
  input: resetInputSchema,
  policy: membersPolicy.anyone,
  events: [passwordReset],
  prepare: async (input) => hashPassword(input.newPassword),
  async run(tx, input, ctx, passwordHash) {
    const coopId = ctx.coopId;
    const used = await consumeEmailToken(
      tx,
      coopId,
      'reset-password',
      input.token,
      ctx.clock.now(),
    );
    await tx
      .update(people)
      .set({ passwordHash })
      .where(and(eq(people.coopId, coopId), eq(people.id, used.personId)));
    await tx
      .delete(sessions)
      .where(and(eq(sessions.coopId, coopId), eq(sessions.personId, used.personId)));
    await endEmailTokens(tx, coopId, used.personId, passwordLinks, ctx.clock.now());
    // The link reached the address, which proves it (an imported member's first way in).
    if (used.emailId)
      await tx
        .update(personEmails)
        .set({
          verifiedAt: sql`coalesce(${personEmails.verifiedAt}, ${ctx.clock.now().toISOString()}::timestamptz)`,
        })
        .where(
          and(
            eq(personEmails.coopId, coopId),
            eq(personEmails.id, used.emailId),
            eq(personEmails.personId, used.personId),
          ),
        );
    await ctx.emit(passwordReset, used.personId, {}, { actorId: used.personId });
  },
});
