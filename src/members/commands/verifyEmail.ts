import { and, eq } from 'drizzle-orm';
import type { CommandContext } from '../../platform/commands.ts';
import { appendEvent } from '../../platform/events.ts';
import { consumeEmailToken } from '../emailTokens.ts';
import { personEmails } from '../schema.ts';

/** The link in the mail proves the address; no sign-in is needed to open it. */
export async function verifyEmail(ctx: CommandContext, token: string) {
  const coopId = ctx.actor.coopId;
  return ctx.db.transaction(async (tx) => {
    const used = await consumeEmailToken(tx, coopId, 'verify-email', token);
    const [email] = await tx
      .update(personEmails)
      .set({ verifiedAt: new Date() })
      .where(and(eq(personEmails.coopId, coopId), eq(personEmails.id, used.emailId!)))
      .returning({ email: personEmails.email });
    await appendEvent(tx, {
      coopId,
      type: 'account.email-verified',
      actorId: used.personId,
      subjectType: 'person',
      subjectId: used.personId,
      data: { email: email?.email },
    });
    return { email: email?.email ?? null };
  });
}
