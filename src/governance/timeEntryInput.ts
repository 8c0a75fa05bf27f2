import { z } from 'zod';
import { schemaWords } from '../platform/http/validationMessages.ts';

// What the route logging hours on a planned item takes. No database code here: the plan page's
// form checks its input with this very object; whether the item is planned and the day in the
// cycle stay the command's to check.

/** Hours in quarters of an hour, as a day holds them. */
export const quarterHours = z
  .number()
  .positive()
  .max(24)
  .refine(
    (h) => Number.isInteger(h * 4),
    schemaWords('quarterHours', undefined, 'time.quarter-hours'),
  );

export const timeEntryInputSchema = z
  .strictObject({
    workItemId: z.uuid(),
    workedOn: z.iso.date(),
    hours: quarterHours,
    note: z.string().max(1000).default(''),
  })
  .meta({ id: 'TimeEntry' });

/** The route's body: an officer may log the hours of another hacker. */
export const timeEntryBodySchema = timeEntryInputSchema.extend({ personId: z.uuid().optional() });
