import { z } from 'zod';

// What the route sending a quote takes. No database code here: the quote page's form checks
// its input with this very object.

export const sendQuoteSchema = z
  .strictObject({
    /** The buyer's address; the organization's billing e-mail when absent. */
    to: z.email().optional(),
  })
  .meta({ id: 'SendQuote' });
