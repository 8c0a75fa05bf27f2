import { and, eq, ne } from 'drizzle-orm';
import { z } from 'zod';
import { defineCommand } from '../../platform/commands.ts';
import { AppError } from '../../platform/errors.ts';
import { hashPassword, verifyPassword } from '../../platform/passwords.ts';
import { sha256 } from '../../platform/tokens.ts';
import { endEmailTokens, passwordLinks } from '../emailTokens.ts';
import { passwordSet } from '../events.ts';
import { passwordChangeFields } from '../passwordInput.ts';
import { membersPolicy } from '../policy.ts';
import { people, sessions } from '../schema.ts';

/**
 * A member who signed in with a registration code has no password yet and sets one without
 * the current one; otherwise the current password is required. Sessions other than
 * `keepSession` (the one asking) are ended, and so is every unused reset link.
 */
export const setPassword = defineCommand({
  name: 'members.setPassword',
  input: z.strictObject({ ...passwordChangeFields, keepSession: z.string().min(1) }),
  policy: membersPolicy.ownAccount,
  events: [passwordSet],
  // Both argon2 computations happen here, before the transaction.
  async prepare(input, ctx) {
    const [person] = await ctx.db
      .select({ passwordHash: people.passwordHash })
      .from(people)
      .where(and(eq(people.coopId, ctx.actor.coopId), eq(people.id, ctx.actor.personId!)));
    if (person?.passwordHash) {
      const ok =
        input.currentPassword !== undefined &&
        (await verifyPassword(person.passwordHash, input.currentPassword));
      if (!ok)
        throw new AppError(400, 'validation', 'Invalid input', 'The current password is wrong.', [
          { pointer: '/currentPassword', message: 'wrong password' },
        ]).because('password.wrong-current');
    }
    return hashPassword(input.newPassword);
  },
  async run(tx, input, ctx, passwordHash) {
    const personId = ctx.actor.personId!;
    const coopId = ctx.coopId;
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
          ne(sessions.tokenHash, sha256(input.keepSession)),
        ),
      );
    await endEmailTokens(tx, coopId, personId, passwordLinks, ctx.clock.now());
    await ctx.emit(passwordSet, personId, {});
  },
});
