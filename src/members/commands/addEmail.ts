import { z } from 'zod';
import type { CommandContext } from '../../platform/commands.ts';
import { isUniqueViolation } from '../../platform/db/errors.ts';
import { conflict, unauthorized } from '../../platform/errors.ts';
import { appendEvent } from '../../platform/events.ts';
import { queueMail } from '../../platform/mail.ts';
import { parseInput } from '../../platform/validation.ts';
import { insertEmailToken } from '../emailTokens.ts';
import { normalizeEmail } from '../repository.ts';
import { personEmails } from '../schema.ts';

export const addEmailInputSchema = z
  .strictObject({ email: z.email() })
  .meta({ id: 'EmailAddition' });

/** Adds an unverified address and mails it a verification link. */
export async function addEmail(ctx: CommandContext, input: z.input<typeof addEmailInputSchema>) {
  const personId = ctx.actor.personId;
  if (!personId) throw unauthorized();
  const email = normalizeEmail(parseInput(addEmailInputSchema, input).email);
  const coopId = ctx.actor.coopId;
  try {
    return await ctx.db.transaction(async (tx) => {
      const [row] = await tx
        .insert(personEmails)
        .values({ coopId, personId, email, isPrimary: false })
        .returning({ id: personEmails.id });
      const token = await insertEmailToken(tx, coopId, 'verify-email', personId, row!.id, 48);
      await queueMail(tx, coopId, {
        to: email,
        kind: 'verify-email',
        subject: 'Confirm your email address',
        body: `Open this link within 48 hours to confirm ${email}:\n\n${ctx.publicUrl}/verify-email/${token}`,
      });
      await appendEvent(tx, {
        coopId,
        type: 'account.email-added',
        actorId: personId,
        subjectType: 'person',
        subjectId: personId,
        data: { email },
      });
      return { id: row!.id };
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw conflict(`${email} is already in use.`, [{ pointer: '/email', message: 'in use' }]);
    throw error;
  }
}
