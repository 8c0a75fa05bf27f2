import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { CommandContext } from '../../platform/commands.ts';
import { notFound } from '../../platform/errors.ts';
import { appendEvent } from '../../platform/events.ts';
import { authorize } from '../../platform/policy.ts';
import { parseInput } from '../../platform/validation.ts';
import { membersPolicy } from '../policy.ts';
import { people } from '../schema.ts';

export const setAdminInputSchema = z
  .strictObject({ isAdmin: z.boolean() })
  .meta({ id: 'AdminGrant' });

export async function setAdmin(
  ctx: CommandContext,
  personId: string,
  input: z.input<typeof setAdminInputSchema>,
): Promise<void> {
  authorize(
    ctx.actor,
    membersPolicy.grantAdmin,
    personId,
    'Administrators cannot change their own rights.',
  );
  const { isAdmin } = parseInput(setAdminInputSchema, input);
  await ctx.db.transaction(async (tx) => {
    const updated = await tx
      .update(people)
      .set({ isAdmin })
      .where(and(eq(people.coopId, ctx.actor.coopId), eq(people.id, personId)))
      .returning({ id: people.id });
    if (updated.length === 0) throw notFound('This member');
    await appendEvent(tx, {
      coopId: ctx.actor.coopId,
      type: isAdmin ? 'admin.granted' : 'admin.revoked',
      actorId: ctx.actor.personId,
      subjectType: 'person',
      subjectId: personId,
    });
  });
}
