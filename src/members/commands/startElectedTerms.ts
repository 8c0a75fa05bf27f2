import { and, eq, gte, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { bylawsInForce } from '../../bylaws/repository.ts';
import { defineCommand } from '../../platform/commands.ts';
import { badRequest } from '../../platform/errors.ts';
import { officerAppointed, officerTermEnded } from '../events.ts';
import { membersPolicy } from '../policy.ts';
import { officerTerms } from '../schema.ts';
import { addMonths } from './appointOfficer.ts';

/**
 * The winners of an election take office: the terms of those holding the role end the day the
 * new ones begin, and each new term lasts what the bylaws in force that day say. Governance
 * runs this when it closes an election, in the close's transaction.
 */
export const startElectedTerms = defineCommand({
  name: 'members.startElectedTerms',
  input: z.strictObject({
    role: z.string().min(1).max(100),
    startsOn: z.iso.date(),
    personIds: z.array(z.uuid()).min(1).max(50),
    pollId: z.uuid(),
  }),
  policy: membersPolicy.appointOfficer,
  denied: 'Only administrators record officers’ terms.',
  events: [officerAppointed, officerTermEnded],
  async run(tx, { role, startsOn, personIds, pollId }, ctx) {
    const coopId = ctx.coopId;
    const bylaws = await bylawsInForce(tx, coopId, startsOn);
    const office = bylaws.document.officers.find((o) => o.role === role);
    if (!office)
      throw badRequest(`The bylaws define no office ${role}.`, [
        { pointer: '/role', message: 'not an office of the bylaws' },
      ]);
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
      .returning({ id: officerTerms.id, personId: officerTerms.personId });
    for (const term of ended)
      await ctx.emit(officerTermEnded, term.personId, {
        role,
        termId: term.id,
        endedOn: startsOn,
        reason: 'successor elected',
      });
    const endsOn = addMonths(startsOn, office.termMonths);
    const started: { personId: string; termId: string; startsOn: string; endsOn: string }[] = [];
    for (const personId of personIds) {
      const [term] = await tx
        .insert(officerTerms)
        .values({ coopId, personId, role, startsOn, endsOn })
        .returning({ id: officerTerms.id });
      await ctx.emit(officerAppointed, personId, {
        role,
        startsOn,
        endsOn,
        bylawsVersion: bylaws.version,
        pollId,
      });
      started.push({ personId, termId: term!.id, startsOn, endsOn });
    }
    return started;
  },
});
