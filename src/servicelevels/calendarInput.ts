import { z } from 'zod';

/**
 * An organization's service calendar, as the route takes it and as the web app's calendar form
 * checks it before sending: one schema object, so the form's field errors are the server's, in
 * the same words. Whether the hours and the time zone make sense is the command's check. No
 * database code here, as the web app bundles this module.
 */
export const serviceCalendarInputSchema = z.strictObject({
  timeZone: z.string().trim().min(1).max(64),
  /** Working hours in the short form: "Mon-Fri 09:00-17:00", "Mon-Thu 08:00-16:00, Fri 08:00-12:00". */
  hours: z.string().trim().min(1).max(300),
  holidayCountry: z
    .string()
    .trim()
    .regex(/^[A-Za-z]{2}$/)
    .transform((s) => s.toUpperCase())
    .nullable()
    .optional(),
  holidayRegion: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9]{1,4}$/)
    .transform((s) => s.toUpperCase())
    .nullable()
    .optional(),
  closedDays: z.array(z.iso.date()).max(366).default([]),
});
