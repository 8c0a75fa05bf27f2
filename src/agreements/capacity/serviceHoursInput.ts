import { z } from 'zod';

// What the route setting the hours a hacker gives sponsor service takes. No database code here:
// the capacity page's form checks its input with this very object.

export const serviceHoursInputSchema = z.strictObject({
  /** Hours a month; null for the bylaws' default. */
  hoursPerMonth: z.number().int().min(0).max(300).nullable(),
});
