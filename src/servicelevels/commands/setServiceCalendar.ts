import { z } from 'zod';
import { and, eq } from 'drizzle-orm';
import { defineCommand } from '../../platform/commands.ts';
import { badRequest, notFound } from '../../platform/errors.ts';
import { organizations } from '../../organizations/schema.ts';
import {
  BusinessHoursError,
  formatBusinessHours,
  parseBusinessHours,
} from '../calendar/businessHours.ts';
import { checkServiceCalendar } from '../calendar/serviceCalendar.ts';
import { serviceCalendarSet } from '../events.ts';
import { serviceLevelsPolicy } from '../policy.ts';
import { serviceCalendars } from '../schema.ts';
import { serviceCalendarInputSchema } from '../calendarInput.ts';

export const setServiceCalendar = defineCommand({
  name: 'servicelevels.setServiceCalendar',
  input: z.strictObject({ organizationId: z.uuid(), calendar: serviceCalendarInputSchema }),
  policy: serviceLevelsPolicy.manage,
  denied: 'Only officers set a sponsor’s service calendar.',
  events: [serviceCalendarSet],
  async run(tx, { organizationId, calendar }, ctx) {
    const [org] = await tx
      .select({ id: organizations.id })
      .from(organizations)
      .where(and(eq(organizations.coopId, ctx.coopId), eq(organizations.id, organizationId)));
    if (!org) throw notFound('This organization');
    const field = (pointer: string, error: unknown): never => {
      if (error instanceof BusinessHoursError)
        throw badRequest(error.message, [{ pointer, message: error.message }]).because(
          error.code,
          error.params,
        );
      throw error;
    };
    let hours;
    try {
      hours = parseBusinessHours(calendar.hours);
    } catch (error) {
      return field('/hours', error);
    }
    if (calendar.holidayRegion && !calendar.holidayCountry)
      throw badRequest('A region needs its country.', [
        { pointer: '/holidayCountry', message: 'required with a region' },
      ]).because('calendar.region-needs-country');
    const holidays = calendar.holidayCountry
      ? { country: calendar.holidayCountry, region: calendar.holidayRegion ?? undefined }
      : null;
    try {
      checkServiceCalendar({ timeZone: calendar.timeZone, hours, closedDays: [] });
    } catch (error) {
      return field('/timeZone', error);
    }
    try {
      checkServiceCalendar({ timeZone: calendar.timeZone, hours, holidays });
    } catch (error) {
      return field(
        calendar.holidayRegion && /region/.test(String(error))
          ? '/holidayRegion'
          : '/holidayCountry',
        error,
      );
    }
    const closedDays = [...new Set(calendar.closedDays)].sort();
    const row = {
      timeZone: calendar.timeZone,
      hours,
      holidayCountry: holidays?.country ?? null,
      holidayRegion: holidays?.region ?? null,
      closedDays,
      updatedAt: ctx.clock.now(),
      updatedBy: ctx.actor.personId,
    };
    await tx
      .insert(serviceCalendars)
      .values({ coopId: ctx.coopId, organizationId, ...row })
      .onConflictDoUpdate({
        target: [serviceCalendars.coopId, serviceCalendars.organizationId],
        set: row,
      });
    await ctx.emit(serviceCalendarSet, organizationId, {
      timeZone: row.timeZone,
      hours: formatBusinessHours(hours),
      holidays: holidays ? [holidays.country, holidays.region].filter(Boolean).join('-') : null,
      closedDays,
    });
  },
});
