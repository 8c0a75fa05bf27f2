import { and, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { defineCommand } from '../../platform/commands.ts';
import { notFound } from '../../platform/errors.ts';
import { registrationCodeIssued } from '../events.ts';
import { membersPolicy } from '../policy.ts';
import { insertRegistrationCode, registrationCodeMail } from '../registrationCodes.ts';
import { personEmails, registrationCodes } from '../schema.ts';

/** A fresh code for one member (lost mail, expired code); earlier unused codes stop working. */
export const issueRegistrationCode = defineCommand({
  name: 'members.issueRegistrationCode',
  input: z.strictObject({ personId: z.uuid() }),
  policy: membersPolicy.issueRegistrationCode,
  events: [registrationCodeIssued],
  async run(tx, { personId }, ctx) {
    const coopId = ctx.coopId;
    const now = ctx.clock.now();
    const [email] = await tx
      .select({ email: personEmails.email })
      .from(personEmails)
      .where(
        and(
          eq(personEmails.coopId, coopId),
          eq(personEmails.personId, personId),
          eq(personEmails.isPrimary, true),
        ),
      );
    if (!email) throw notFound('This member');
    await tx
      .update(registrationCodes)
      .set({ expiresAt: now })
      .where(
        and(
          eq(registrationCodes.coopId, coopId),
          eq(registrationCodes.personId, personId),
          isNull(registrationCodes.usedAt),
        ),
      );
    const code = await insertRegistrationCode(tx, coopId, personId, now);
    await ctx.mail(registrationCodeMail(ctx.publicUrl, email.email, code));
    await ctx.emit(registrationCodeIssued, personId, {});
    return { mailedTo: email.email };
  },
});
