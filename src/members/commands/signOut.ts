import type { CommandContext } from '../../platform/commands.ts';
import { appendEvent } from '../../platform/events.ts';
import { deleteSession } from '../sessions.ts';

export async function signOut(ctx: CommandContext, token: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    await deleteSession(tx, token);
    if (ctx.actor.personId) {
      await appendEvent(tx, {
        coopId: ctx.actor.coopId,
        type: 'session.ended',
        actorId: ctx.actor.personId,
        subjectType: 'person',
        subjectId: ctx.actor.personId,
      });
    }
  });
}
