import { z } from 'zod';

/**
 * The hours a hacker gives a cycle, as the route takes them and as the web app's hours form
 * checks them before sending: one schema object, so the field errors read the same. No
 * database code here, as the web app bundles this module.
 */
export const availabilityInputSchema = z
  .strictObject({
    hours: z.number().int().min(0).max(2_000),
    note: z.string().max(500).default(''),
  })
  .meta({ id: 'HackerAvailability' });
