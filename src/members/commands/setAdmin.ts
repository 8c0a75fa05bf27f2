import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { defineCommand } from '../../platform/commands.ts';
import { notFound } from '../../platform/errors.ts';
import { keepOneAdministrator } from '../administrators.ts';
import { adminGranted, adminRevoked } from '../events.ts';
import { aboutPerson, membersPolicy } from '../policy.ts';
import { people } from '../schema.ts';
import { adminGrantFields } from '../profileInput.ts';

export const setAdmin = defineCommand({
  name: 'members.setAdmin',
  input: z.strictObject({ personId: z.uuid(), ...adminGrantFields }),
  policy: aboutPerson(membersPolicy.grantAdmin),
  denied: 'Administrators cannot change their own rights.',
  events: [adminGranted, adminRevoked],
  async run(tx, { personId, isAdmin, reason }, ctx) {
    if (!isAdmin) await keepOneAdministrator(tx, ctx.coopId, personId);
    const updated = await tx
      .update(people)
      .set({ isAdmin })
      .where(and(eq(people.coopId, ctx.coopId), eq(people.id, personId)))
      .returning({ id: people.id });
    if (updated.length === 0) throw notFound('This member');
    await ctx.emit(isAdmin ? adminGranted : adminRevoked, personId, { reason });
  },
});
