import { z } from 'zod';

/**
 * A nomination for an election, as the route takes it and as the web app's nominate form checks
 * it before sending: one schema object, so the field errors read the same. No database code
 * here, as the web app bundles this module.
 */
export const nominationInputSchema = z
  .strictObject({ personId: z.uuid(), statement: z.string().max(5_000).default('') })
  .meta({ id: 'Nomination' });
