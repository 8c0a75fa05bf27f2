import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { defineCommand } from '../../platform/commands.ts';
import { consumeEmailToken } from '../emailTokens.ts';
import { emailVerified } from '../events.ts';
import { membersPolicy } from '../policy.ts';
import { personEmails } from '../schema.ts';

/** The link in the mail proves the address; no sign-in is needed to open it. */
export const verifyEmail = defineCommand({
  name: 'members.verifyEmail',
  input: z.strictObject({ token: z.string().min(20).max(200) }),
  policy: membersPolicy.anyone,
  events: [emailVerified],
  async run(tx, { token }, ctx) {
    const coopId = ctx.coopId;
    const now = ctx.clock.now();
    const used = await consumeEmailToken(tx, coopId, 'verify-email', token, now);
    const [email] = await tx
      .update(personEmails)
      .set({ verifiedAt: now })
      .where(and(eq(personEmails.coopId, coopId), eq(personEmails.id, used.emailId!)))
      .returning({ email: personEmails.email });
    await ctx.emit(
      emailVerified,
      used.personId,
      { email: email?.email },
      { actorId: used.personId },
    );
    return { email: email?.email ?? null };
  },
});
