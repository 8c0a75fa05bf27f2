import { z } from 'zod';

/**
 * Hours of a planned item taken or assigned, as the route takes them and as the web app's
 * assign-hours form checks them before sending: one schema object, so the field errors read the
 * same. No database code here, as the web app bundles this module.
 */
export const planClaimInputSchema = z
  .strictObject({
    hours: z.number().int().min(0).max(2_000),
    /** An officer assigns the hours to a hacker; without it, the caller takes them. */
    personId: z.uuid().optional(),
  })
  .meta({ id: 'PlanClaim' });
