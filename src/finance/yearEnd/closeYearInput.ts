import { z } from 'zod';

// What the route closing a fiscal year takes, for a dry run or the close itself. No database
// code here: the year-end wizard checks its input with this very object.

export const closeYearInputSchema = z
  .strictObject({
    fiscalYear: z.number().int().min(1900).max(3000),
    dryRun: z.boolean().default(false),
  })
  .meta({ id: 'YearEndClose' });
