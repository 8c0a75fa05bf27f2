import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { defineCommand } from '../../platform/commands.ts';
import { localeSchema } from '../../platform/i18n/locales.ts';
import { memberProfileUpdated } from '../events.ts';
import { aboutPerson, membersPolicy } from '../policy.ts';
import { people } from '../schema.ts';
import { profileFields } from '../profileInput.ts';

export const updateProfile = defineCommand({
  name: 'members.updateProfile',
  input: z.strictObject({ personId: z.uuid(), ...profileFields }),
  policy: aboutPerson(membersPolicy.updateOwnProfile),
  denied: 'You can edit only your own profile.',
  events: [memberProfileUpdated],
  async run(tx, { personId, displayName, locale }, ctx) {
    const [row] = await tx
      .update(people)
      .set({ ...(displayName === undefined ? {} : { displayName }), ...(locale ? { locale } : {}) })
      .where(and(eq(people.coopId, ctx.coopId), eq(people.id, personId)))
      .returning({ displayName: people.displayName, locale: people.locale });
    if (!row) return;
    await ctx.emit(memberProfileUpdated, personId, {
      displayName: row.displayName,
      locale: localeSchema.parse(row.locale),
    });
  },
});
