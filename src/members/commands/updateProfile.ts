import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { CommandContext } from '../../platform/commands.ts';
import { appendEvent } from '../../platform/events.ts';
import { authorize } from '../../platform/policy.ts';
import { parseInput } from '../../platform/validation.ts';
import { membersPolicy } from '../policy.ts';
import { people } from '../schema.ts';

export const profileInputSchema = z
  .strictObject({ displayName: z.string().trim().min(1).max(200) })
  .meta({ id: 'ProfileUpdate' });

export async function updateProfile(
  ctx: CommandContext,
  personId: string,
  input: z.input<typeof profileInputSchema>,
): Promise<void> {
  authorize(
    ctx.actor,
    membersPolicy.updateOwnProfile,
    personId,
    'You can edit only your own profile.',
  );
  const parsed = parseInput(profileInputSchema, input);
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(people)
      .set({ displayName: parsed.displayName })
      .where(and(eq(people.coopId, ctx.actor.coopId), eq(people.id, personId)));
    await appendEvent(tx, {
      coopId: ctx.actor.coopId,
      type: 'member.profile-updated',
      actorId: ctx.actor.personId,
      subjectType: 'person',
      subjectId: personId,
      data: { displayName: parsed.displayName },
    });
  });
}
