import { z } from 'zod';

// What the route declining a proposed service credit takes. No database code here: the credit's
// decline dialog checks its reason with this very object; whether the credit is still proposed
// stays the command's to check.

export const declineCreditInputSchema = z.strictObject({
  /** Why the co-op declines it, which the sponsor reads. */
  reason: z.string().trim().min(3).max(2000),
});
