import { z } from 'zod';
import { digestFrequencies } from './frequencies.ts';

// What the route preparing a sponsor's digest takes. No database code here: the digests page's
// prepare form checks its input with this very object.

export const prepareDigestInputSchema = z
  .strictObject({
    organizationId: z.uuid(),
    /** Weekly, monthly or quarterly; by default what the agreement's tier promises. */
    frequency: z.enum(digestFrequencies).optional(),
    /** A day in the period; by default the latest period that has ended. */
    day: z.iso.date().optional(),
  })
  .meta({ id: 'PrepareSponsorDigest' });
