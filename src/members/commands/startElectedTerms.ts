import { and, eq, gte, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { defineCommand } from '../../platform/commands.ts';
import { officerAppointed, officerTermEnded } from '../events.ts';
import { membersPolicy } from '../policy.ts';
import { officerTerms } from '../schema.ts';
import { addMonths, officeOn } from './appointOfficer.ts';

/**
 * An election's winners take office: the terms of whoever holds the role end the day the new
 * ones begin, and each winner serves the term the bylaws in force that day set. Governance
 * runs it as the poll closes; no winner changes nothing.
 */
export const startElectedTerms = defineCommand({
  name: 'members.startElectedTerms',
  input: z.strictObject({
    role: z.string().min(1).max(100),
    startsOn: z.iso.date(),
    personIds: z.array(z.uuid()),
    pollId: z.uuid(),
  }),
  policy: membersPolicy.appointOfficer,
  events: [officerTermEnded, officerAppointed],
  async run(tx, { role, startsOn, personIds, pollId }, ctx) {
    if (personIds.length === 0) return [];
    const coopId = ctx.coopId;
    const { office, bylawsVersion } = await officeOn(tx, coopId, role, startsOn);
    const ended = await tx
      .update(officerTerms)
      .set({ endedEarlyOn: startsOn })
      .where(
        and(
          eq(officerTerms.coopId, coopId),
          eq(officerTerms.role, role),
          isNull(officerTerms.endedEarlyOn),
          gte(officerTerms.endsOn, startsOn),
        ),
      )
      .returning({ personId: officerTerms.personId, termId: officerTerms.id });
    for (const term of ended)
      await ctx.emit(officerTermEnded, term.personId, {
        role,
        termId: term.termId,
        endedOn: startsOn,
        pollId,
      });
    const endsOn = addMonths(startsOn, office.termMonths);
    const started: { personId: string; termId: string; startsOn: string; endsOn: string }[] = [];
    for (const personId of personIds) {
      const [term] = await tx
        .insert(officerTerms)
        .values({ coopId, personId, role, startsOn, endsOn })
        .returning({ id: officerTerms.id });
      await ctx.emit(officerAppointed, personId, { role, startsOn, endsOn, bylawsVersion, pollId });
      started.push({ personId, termId: term!.id, startsOn, endsOn });
    }
    return started;
  },
});
