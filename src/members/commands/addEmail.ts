import { and, eq } from 'drizzle-orm';
import { defineCommand } from '../../platform/commands.ts';
import { isUniqueViolation } from '../../platform/db/errors.ts';
import { conflict } from '../../platform/errors.ts';
import { insertEmailToken } from '../emailTokens.ts';
import { emailAdded, emailReleased } from '../events.ts';
import { membersPolicy } from '../policy.ts';
import { membersMail } from '../mailMessages.ts';
import { localeOfPerson, normalizeEmail, releaseAddressClaim } from '../repository.ts';
import { personEmails } from '../schema.ts';
import { addEmailInputSchema } from '../profileInput.ts';

const inUse = (email: string) =>
  conflict(`${email} is already in use.`, [{ pointer: '/email', message: 'in use' }]).because(
    'email.in-use',
    { email },
  );

/** Adds an unverified address and mails it a verification link; it is theirs once opened. */
export const addEmail = defineCommand({
  name: 'members.addEmail',
  input: addEmailInputSchema,
  policy: membersPolicy.ownAccount,
  events: [emailAdded, emailReleased],
  async run(tx, input, ctx) {
    const personId = ctx.actor.personId!;
    const coopId = ctx.coopId;
    const email = normalizeEmail(input.email);
    const [taken] = await tx
      .select({
        personId: personEmails.personId,
        verifiedAt: personEmails.verifiedAt,
        isPrimary: personEmails.isPrimary,
      })
      .from(personEmails)
      .where(and(eq(personEmails.coopId, coopId), eq(personEmails.email, email)));
    if (taken && (taken.personId === personId || taken.verifiedAt || taken.isPrimary))
      throw inUse(email);
    // Someone else's unverified claim holds nothing: the newer claim replaces it, and whoever
    // opens the verification link sent to the address keeps it.
    if (taken) await releaseAddressClaim(tx, ctx, email, personId);
    const [row] = await tx
      .insert(personEmails)
      .values({ coopId, personId, email, isPrimary: false })
      .returning({ id: personEmails.id });
    const token = await insertEmailToken(tx, {
      coopId,
      purpose: 'verify-email',
      personId,
      emailId: row!.id,
      hours: 48,
      now: ctx.clock.now(),
    });
    const locale = await localeOfPerson(tx, coopId, personId);
    await ctx.mail({
      to: email,
      kind: 'verify-email',
      subject: membersMail(locale, 'verifyEmail.subject'),
      body: membersMail(locale, 'verifyEmail.body', {
        email,
        link: `${ctx.publicUrl}/verify-email/${token}`,
      }),
    });
    await ctx.emit(emailAdded, personId, { email });
    return { id: row!.id };
  },
  // Two requests for one address at once: the second's insert meets the unique index.
  mapError: (error) => (isUniqueViolation(error) ? inUse('This address') : error),
});
