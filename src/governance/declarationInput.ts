import { z } from 'zod';

// What the route taking a hacker's declarations takes. No database code here: the cycle's
// declaration form checks its input with this very object.

export const declarationInputSchema = z
  .strictObject({ hours: z.record(z.uuid(), z.number().int().min(1).max(2_000)) })
  .meta({ id: 'HackerDeclaration' });
