import { z } from 'zod';
import { defineCommand } from '../../platform/commands.ts';
import { sessionEnded } from '../events.ts';
import { membersPolicy } from '../policy.ts';
import { deleteSession } from '../sessions.ts';

export const signOut = defineCommand({
  name: 'members.signOut',
  input: z.strictObject({ sessionToken: z.string().min(1) }),
  policy: membersPolicy.anyone,
  events: [sessionEnded],
  async run(tx, { sessionToken }, ctx) {
    await deleteSession(tx, sessionToken);
    const personId = ctx.actor.personId;
    if (personId) await ctx.emit(sessionEnded, personId, {});
  },
});
