import { and, eq, ne } from 'drizzle-orm';
import { z } from 'zod';
import type { CommandContext } from '../../platform/commands.ts';
import { AppError, unauthorized } from '../../platform/errors.ts';
import { appendEvent } from '../../platform/events.ts';
import { hashPassword, verifyPassword } from '../../platform/passwords.ts';
import { sha256 } from '../../platform/tokens.ts';
import { parseInput } from '../../platform/validation.ts';
import { passwordSchema } from '../passwordPolicy.ts';
import { people, sessions } from '../schema.ts';

export const setPasswordInputSchema = z
  .strictObject({
    currentPassword: z.string().max(1000).optional(),
    newPassword: passwordSchema,
  })
  .meta({ id: 'PasswordChange' });

/**
 * A member who signed in with a registration code has no password yet and sets one without
 * the current one; otherwise the current password is required. Other sessions are ended.
 */
export async function setPassword(
  ctx: CommandContext,
  currentSessionToken: string,
  input: z.input<typeof setPasswordInputSchema>,
): Promise<void> {
  const personId = ctx.actor.personId;
  if (!personId) throw unauthorized();
  const parsed = parseInput(setPasswordInputSchema, input);
  const coopId = ctx.actor.coopId;
  const [person] = await ctx.db
    .select({ passwordHash: people.passwordHash })
    .from(people)
    .where(and(eq(people.coopId, coopId), eq(people.id, personId)));
  if (person?.passwordHash) {
    const ok =
      parsed.currentPassword !== undefined &&
      (await verifyPassword(person.passwordHash, parsed.currentPassword));
    if (!ok)
      throw new AppError(400, 'validation', 'Invalid input', 'The current password is wrong.', [
        { pointer: '/currentPassword', message: 'wrong password' },
      ]);
  }
  const passwordHash = await hashPassword(parsed.newPassword);
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(people)
      .set({ passwordHash })
      .where(and(eq(people.coopId, coopId), eq(people.id, personId)));
    await tx
      .delete(sessions)
      .where(
        and(
          eq(sessions.coopId, coopId),
          eq(sessions.personId, personId),
          ne(sessions.tokenHash, sha256(currentSessionToken)),
        ),
      );
    await appendEvent(tx, {
      coopId,
      type: 'account.password-set',
      actorId: personId,
      subjectType: 'person',
      subjectId: personId,
    });
  });
}
