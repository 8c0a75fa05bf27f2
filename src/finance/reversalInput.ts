import { z } from 'zod';

// What the route reversing an entry takes. No database code here: the entries page's reversal
// form checks its input with this very object; whether the entry may still be reversed stays
// the command's to check.

export const reversalInputSchema = z
  .strictObject({ reason: z.string().trim().min(3).max(500), effectiveOn: z.iso.date().optional() })
  .meta({ id: 'Reversal' });
