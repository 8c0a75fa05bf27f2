import { z } from 'zod';
import { signatorySchema } from '../documents/signatoryInput.ts';

// What the route accepting a quote by its link takes. No database code here: the buyer's page
// checks its input with this very object; whether the quote is still open stays the command's.

export const quoteAcceptanceSchema = z
  .strictObject({
    signatory: signatorySchema,
    /** The SHA-256 printed on the PDF the buyer read: a re-sent quote is not accepted blind. */
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
  })
  .meta({ id: 'QuoteAcceptance' });
