import { and, eq, isNull } from 'drizzle-orm';
import type { CommandContext } from '../../platform/commands.ts';
import { notFound } from '../../platform/errors.ts';
import { appendEvent } from '../../platform/events.ts';
import { queueMail } from '../../platform/mail.ts';
import { authorize } from '../../platform/policy.ts';
import { membersPolicy } from '../policy.ts';
import { insertRegistrationCode, registrationCodeMail } from '../registrationCodes.ts';
import { personEmails, registrationCodes } from '../schema.ts';

/** A fresh code for one member (lost mail, expired code); earlier unused codes stop working. */
export async function issueRegistrationCode(ctx: CommandContext, personId: string) {
  authorize(ctx.actor, membersPolicy.issueRegistrationCode, undefined);
  const coopId = ctx.actor.coopId;
  return ctx.db.transaction(async (tx) => {
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
      .set({ expiresAt: new Date() })
      .where(
        and(
          eq(registrationCodes.coopId, coopId),
          eq(registrationCodes.personId, personId),
          isNull(registrationCodes.usedAt),
        ),
      );
    const code = await insertRegistrationCode(tx, coopId, personId);
    await queueMail(tx, coopId, registrationCodeMail(ctx.publicUrl, email.email, code));
    await appendEvent(tx, {
      coopId,
      type: 'registration-code.issued',
      actorId: ctx.actor.personId,
      subjectType: 'person',
      subjectId: personId,
    });
    return { mailedTo: email.email };
  });
}
