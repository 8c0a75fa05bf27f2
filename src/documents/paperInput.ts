import { z } from 'zod';
import { templateKeys } from './templateKeys.ts';

// What the routes rendering a paper and accepting it in one's own name take. No database code
// here: the documents page's forms check their input with these very objects; that a sponsor's
// paper names its sponsor, and the hash read is the version's, stay the commands' to check.

export const renderRequestSchema = z
  .strictObject({
    templateKey: z.enum(templateKeys).exclude(['quote']),
    /** The sponsor a retainer agreement is for. */
    organizationId: z.uuid().optional(),
    /** The member a membership agreement or employment summary is for. */
    personId: z.uuid().optional(),
  })
  .meta({ id: 'DocumentRenderRequest' });

export const memberAcceptanceSchema = z
  .strictObject({
    /** The SHA-256 printed on the document the member read. */
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    /** For a sponsor's representative signing for it: their title there. */
    role: z.string().trim().max(200).optional(),
  })
  .meta({ id: 'MemberAcceptance' });
