import { z } from 'zod';

// Who accepts a document for an organization. No database code here: the quote's acceptance
// page checks the signatory with this very object.

export const signatorySchema = z
  .strictObject({
    name: z.string().trim().min(2).max(200),
    email: z.email(),
    /** Their title at the organization: "Head of Procurement". */
    role: z.string().trim().max(200).optional(),
  })
  .meta({ id: 'Signatory' });
