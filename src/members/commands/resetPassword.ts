import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { CommandContext } from '../../platform/commands.ts';
import { appendEvent } from '../../platform/events.ts';
import { queueMail } from '../../platform/mail.ts';
import { hashPassword } from '../../platform/passwords.ts';
import { parseInput } from '../../platform/validation.ts';
import { consumeEmailToken, insertEmailToken } from '../emailTokens.ts';
import { passwordSchema } from '../passwordPolicy.ts';
import { findPersonIdByEmail, normalizeEmail } from '../repository.ts';
import { people, sessions } from '../schema.ts';

export const resetRequestInputSchema = z
  .strictObject({ email: z.email() })
  .meta({ id: 'PasswordResetRequest' });
export const resetInputSchema = z
  .strictObject({ token: z.string().min(20).max(200), newPassword: passwordSchema })
  .meta({ id: 'PasswordReset' });

/** Always answers the same, so the form does not reveal who is a member. */
export async function requestPasswordReset(
  ctx: CommandContext,
  input: z.input<typeof resetRequestInputSchema>,
): Promise<void> {
  const email = normalizeEmail(parseInput(resetRequestInputSchema, input).email);
  const coopId = ctx.actor.coopId;
  await ctx.db.transaction(async (tx) => {
    const personId = await findPersonIdByEmail(tx, coopId, email);
    if (!personId) return;
    const token = await insertEmailToken(tx, coopId, 'reset-password', personId, null, 2);
    await queueMail(tx, coopId, {
      to: email,
      kind: 'password-reset',
      subject: 'Reset your password',
      body: `Someone asked to reset the password for ${email}. If it was you, open this link within 2 hours:\n\n${ctx.publicUrl}/reset-password/${token}\n\nIf it was not you, ignore this mail.`,
    });
    await appendEvent(tx, {
      coopId,
      type: 'account.password-reset-requested',
      actorId: null,
      subjectType: 'person',
      subjectId: personId,
    });
  });
}

export async function resetPassword(
  ctx: CommandContext,
  input: z.input<typeof resetInputSchema>,
): Promise<void> {
  const parsed = parseInput(resetInputSchema, input);
  const passwordHash = await hashPassword(parsed.newPassword);
  const coopId = ctx.actor.coopId;
  await ctx.db.transaction(async (tx) => {
    const used = await consumeEmailToken(tx, coopId, 'reset-password', parsed.token);
    await tx
      .update(people)
      .set({ passwordHash })
      .where(and(eq(people.coopId, coopId), eq(people.id, used.personId)));
    await tx
      .delete(sessions)
      .where(and(eq(sessions.coopId, coopId), eq(sessions.personId, used.personId)));
    await appendEvent(tx, {
      coopId,
      type: 'account.password-reset',
      actorId: used.personId,
      subjectType: 'person',
      subjectId: used.personId,
    });
  });
}
