import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { defineCommand } from '../../platform/commands.ts';
import { memberProfileUpdated } from '../events.ts';
import { aboutPerson, membersPolicy } from '../policy.ts';
import { people } from '../schema.ts';

const profile = { displayName: z.string().trim().min(1).max(200) };

export const profileInputSchema = z.strictObject(profile).meta({ id: 'ProfileUpdate' });

export const updateProfile = defineCommand({
  name: 'members.updateProfile',
  input: z.strictObject({ personId: z.uuid(), ...profile }),
  policy: aboutPerson(membersPolicy.updateOwnProfile),
  denied: 'You can edit only your own profile.',
  events: [memberProfileUpdated],
  async run(tx, { personId, displayName }, ctx) {
    await tx
      .update(people)
      .set({ displayName })
      .where(and(eq(people.coopId, ctx.coopId), eq(people.id, personId)));
    await ctx.emit(memberProfileUpdated, personId, { displayName });
  },
});
