import { z } from 'zod';

// What the route editing a digest's note takes. No database code here: the digest page's note
// form checks its input with this very object.

export const digestNoteSchema = z
  .strictObject({ note: z.string().trim().max(4000) })
  .meta({ id: 'SponsorDigestNote' });
