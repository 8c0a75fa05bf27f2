import { and, eq, isNull } from 'drizzle-orm';
import type { CommandContext } from '../../platform/commands.ts';
import { notFound } from '../../platform/errors.ts';
import { appendEvent } from '../../platform/events.ts';
import { authorize } from '../../platform/policy.ts';
import { membersPolicy } from '../policy.ts';
import { officerTerms } from '../schema.ts';

export async function endOfficerTerm(ctx: CommandContext, termId: string): Promise<void> {
  authorize(ctx.actor, membersPolicy.appointOfficer, undefined);
  const today = new Date().toISOString().slice(0, 10);
  await ctx.db.transaction(async (tx) => {
    const [term] = await tx
      .update(officerTerms)
      .set({ endedEarlyOn: today })
      .where(
        and(
          eq(officerTerms.coopId, ctx.actor.coopId),
          eq(officerTerms.id, termId),
          isNull(officerTerms.endedEarlyOn),
        ),
      )
      .returning();
    if (!term) throw notFound('This open officer term');
    await appendEvent(tx, {
      coopId: ctx.actor.coopId,
      type: 'officer.term-ended',
      actorId: ctx.actor.personId,
      subjectType: 'person',
      subjectId: term.personId,
      data: { role: term.role, endedOn: today },
    });
  });
}
