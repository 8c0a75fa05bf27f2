import { and, eq, gte, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { bylawsInForce } from '../../bylaws/repository.ts';
import { defineCommand } from '../../platform/commands.ts';
import type { Executor } from '../../platform/db/database.ts';
import { badRequest, conflict, notFound } from '../../platform/errors.ts';
import { officerAppointed } from '../events.ts';
import { membersPolicy } from '../policy.ts';
import { memberships, officerTerms } from '../schema.ts';
import { appointmentFields } from '../profileInput.ts';

export function addMonths(isoDay: string, months: number): string {
  const [y, m, d] = isoDay.split('-').map(Number) as [number, number, number];
  const end = new Date(Date.UTC(y, m - 1 + months, d));
  // A term that starts on 31 January and lasts a month ends on the last day of February.
  if (end.getUTCDate() !== d) end.setUTCDate(0);
  end.setUTCDate(end.getUTCDate() - 1);
  return end.toISOString().slice(0, 10);
}

/** The office a role names in the bylaws in force on a day, with that version's number. */
export async function officeOn(executor: Executor, coopId: string, role: string, day: string) {
  const bylaws = await bylawsInForce(executor, coopId, day);
  const office = bylaws.document.officers.find((o) => o.role === role);
  if (!office)
    throw badRequest(`The bylaws define no office ${role}.`, [
      {
        pointer: '/role',
        message: `one of ${bylaws.document.officers.map((o) => o.role).join(', ')}`,
      },
    ]).because('office.undefined', {
      role,
      roles: bylaws.document.officers.map((o) => o.role).join(', '),
    });
  return { office, bylawsVersion: bylaws.version };
}

/**
 * Records an officer's term, its length from the bylaws. An administrator records an
 * appointment made outside the app; elections start their terms with `startElectedTerms`.
 */
export const appointOfficer = defineCommand({
  name: 'members.appointOfficer',
  input: z.strictObject({ personId: z.uuid(), ...appointmentFields }),
  policy: membersPolicy.appointOfficer,
  events: [officerAppointed],
  async run(tx, { personId, role, startsOn: asked }, ctx) {
    const coopId = ctx.coopId;
    const today = ctx.clock.today();
    const { office, bylawsVersion } = await officeOn(tx, coopId, role, today);
    const [membership] = await tx
      .select({ status: memberships.status })
      .from(memberships)
      .where(and(eq(memberships.coopId, coopId), eq(memberships.personId, personId)));
    if (!membership) throw notFound('This member');
    if (membership.status !== 'active')
      throw conflict('Only an active member can hold office.').because('office.not-active');
    const startsOn = asked ?? today;
    const endsOn = addMonths(startsOn, office.termMonths);
    const [holder] = await tx
      .select({ id: officerTerms.id })
      .from(officerTerms)
      .where(
        and(
          eq(officerTerms.coopId, coopId),
          eq(officerTerms.role, role),
          gte(officerTerms.endsOn, startsOn),
          isNull(officerTerms.endedEarlyOn),
        ),
      );
    if (holder)
      throw conflict(`Someone holds ${office.title} on ${startsOn}; end that term first.`).because(
        'office.held',
        { office: office.title, startsOn },
      );
    const [term] = await tx
      .insert(officerTerms)
      .values({ coopId, personId, role, startsOn, endsOn })
      .returning({ id: officerTerms.id });
    await ctx.emit(officerAppointed, personId, { role, startsOn, endsOn, bylawsVersion });
    return { id: term!.id, role, startsOn, endsOn };
  },
});
