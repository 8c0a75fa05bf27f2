import { and, eq, gte, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { currentBylaws } from '../../bylaws/repository.ts';
import type { CommandContext } from '../../platform/commands.ts';
import { badRequest, conflict, notFound } from '../../platform/errors.ts';
import { appendEvent } from '../../platform/events.ts';
import { authorize } from '../../platform/policy.ts';
import { parseInput } from '../../platform/validation.ts';
import { membersPolicy } from '../policy.ts';
import { memberships, officerTerms } from '../schema.ts';

const isoDate = z.iso.date();

export const appointOfficerInputSchema = z
  .strictObject({ role: z.string().min(1).max(100), startsOn: isoDate.optional() })
  .meta({ id: 'OfficerAppointment' });

export function addMonths(isoDay: string, months: number): string {
  const [y, m, d] = isoDay.split('-').map(Number) as [number, number, number];
  const end = new Date(Date.UTC(y, m - 1 + months, d));
  // A term that starts on 31 January and lasts a month ends on the last day of February.
  if (end.getUTCDate() !== d) end.setUTCDate(0);
  end.setUTCDate(end.getUTCDate() - 1);
  return end.toISOString().slice(0, 10);
}

/**
 * Records an officer's term, its length from the bylaws. Elections (governance) will call this
 * for their winners; until then an administrator records the result.
 */
export async function appointOfficer(
  ctx: CommandContext,
  personId: string,
  input: z.input<typeof appointOfficerInputSchema>,
) {
  authorize(ctx.actor, membersPolicy.appointOfficer, undefined);
  const parsed = parseInput(appointOfficerInputSchema, input);
  const coopId = ctx.actor.coopId;
  return ctx.db.transaction(async (tx) => {
    const bylaws = await currentBylaws(tx, coopId);
    const office = bylaws.document.officers.find((o) => o.role === parsed.role);
    if (!office)
      throw badRequest(`The bylaws define no office ${parsed.role}.`, [
        {
          pointer: '/role',
          message: `one of ${bylaws.document.officers.map((o) => o.role).join(', ')}`,
        },
      ]);
    const [membership] = await tx
      .select({ status: memberships.status })
      .from(memberships)
      .where(and(eq(memberships.coopId, coopId), eq(memberships.personId, personId)));
    if (!membership) throw notFound('This member');
    if (membership.status !== 'active') throw conflict('Only an active member can hold office.');
    const startsOn = parsed.startsOn ?? new Date().toISOString().slice(0, 10);
    const endsOn = addMonths(startsOn, office.termMonths);
    const [holder] = await tx
      .select({ id: officerTerms.id })
      .from(officerTerms)
      .where(
        and(
          eq(officerTerms.coopId, coopId),
          eq(officerTerms.role, parsed.role),
          gte(officerTerms.endsOn, startsOn),
          isNull(officerTerms.endedEarlyOn),
        ),
      );
    if (holder)
      throw conflict(`Someone holds ${office.title} on ${startsOn}; end that term first.`);
    const [term] = await tx
      .insert(officerTerms)
      .values({ coopId, personId, role: parsed.role, startsOn, endsOn })
      .returning({ id: officerTerms.id });
    await appendEvent(tx, {
      coopId,
      type: 'officer.appointed',
      actorId: ctx.actor.personId,
      subjectType: 'person',
      subjectId: personId,
      data: { role: parsed.role, startsOn, endsOn, bylawsVersion: bylaws.version },
    });
    return { id: term!.id, role: parsed.role, startsOn, endsOn };
  });
}
