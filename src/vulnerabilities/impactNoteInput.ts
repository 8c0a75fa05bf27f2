import { z } from 'zod';

/**
 * A sponsor's impact note, as the route takes it and as the web app's impact-note form checks it
 * before sending: one schema object, so the field errors read the same. No database code here,
 * as the web app bundles this module.
 */
export const impactNoteInputSchema = z
  .strictObject({
    organizationId: z.uuid(),
    note: z.string().trim().min(10).max(20_000),
  })
  .meta({ id: 'ImpactNote' });
