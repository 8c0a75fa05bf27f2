import { z } from 'zod';
import { currencySchema } from '../platform/money/currency.ts';
import { schemaWords } from '../platform/http/validationMessages.ts';

/**
 * A journal entry, as the route takes it and as the web app's entry form checks it before
 * sending: one schema object, so the form's field errors are the server's, in the same words.
 * Whether the entry balances, and amounts fitting their currency, are the command's checks.
 * No database code here, as the web app bundles this module.
 */

const decimal = z
  .string()
  .regex(
    /^-?\d{1,15}(\.\d+)?$/,
    schemaWords('signedAmountLike', { example: '1234.50', negative: '-80' }),
  );

export const entryInputSchema = z
  .strictObject({
    effectiveOn: z.iso.date(),
    kind: z
      .string()
      .regex(/^[a-z][a-z-]*$/)
      .max(40)
      .default('manual'),
    description: z.string().trim().min(1).max(500),
    sourceType: z.string().max(40).optional(),
    sourceId: z.string().max(100).optional(),
    postings: z
      .array(
        z.strictObject({
          /** Code (`4100`) or path (`income:sponsorship`). */
          account: z.string().min(1).max(200),
          /** Debits positive, credits negative. */
          amount: decimal,
          currency: currencySchema.optional(),
          /** Required for a currency other than the co-op's: the amount in the co-op's currency. */
          coopAmount: decimal.optional(),
          rateOn: z.iso.date().optional(),
          rateSource: z.string().max(100).optional(),
          memo: z.string().max(500).default(''),
        }),
      )
      .min(2, schemaWords('twoPostings'))
      .max(1000),
  })
  .meta({ id: 'JournalEntry' });
export type EntryInput = z.input<typeof entryInputSchema>;
