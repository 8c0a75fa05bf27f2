import { and, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { defineCommand } from '../../platform/commands.ts';
import { notFound } from '../../platform/errors.ts';
import { officerTermEnded } from '../events.ts';
import { membersPolicy } from '../policy.ts';
import { officerTerms } from '../schema.ts';

/** Ends an open term today (a resignation, a removal). */
export const endOfficerTerm = defineCommand({
  name: 'members.endOfficerTerm',
  input: z.strictObject({ termId: z.uuid() }),
  policy: membersPolicy.appointOfficer,
  events: [officerTermEnded],
  async run(tx, { termId }, ctx) {
    const today = ctx.clock.today();
    const [term] = await tx
      .update(officerTerms)
      .set({ endedEarlyOn: today })
      .where(
        and(
          eq(officerTerms.coopId, ctx.coopId),
          eq(officerTerms.id, termId),
          isNull(officerTerms.endedEarlyOn),
        ),
      )
      .returning();
    if (!term) throw notFound('This open officer term');
    await ctx.emit(officerTermEnded, term.personId, {
      role: term.role,
      termId: term.id,
      endedOn: today,
    });
  },
});
