import { z } from 'zod';
import { currencySchema } from '../../platform/money/currency.ts';
import { schemaWords } from '../../platform/http/validationMessages.ts';

/**
 * A new expense claim, as the route takes it and as the web app's claim form checks it before
 * sending: one schema object, so the form's field errors are the server's, in the same words.
 * No database code here, as the web app bundles this module.
 */

/** A decimal string (`42.50`); whether its decimals fit the currency is the command's check. */
export const positiveDecimal = z
  .string()
  .trim()
  .regex(/^\d{1,15}(\.\d+)?$/, schemaWords('positiveAmountLike', { example: '42.50' }));

export const claimFields = {
  title: z.string().trim().min(1).max(200),
  /** Free text the co-op settles on (travel, hardware, conference...); suggested from past claims. */
  category: z.string().trim().min(1).max(60),
  /** The expense account to book it to: a code (`5400`) or a path (`expenses:travel`). */
  account: z.string().trim().min(1).max(200),
  incurredOn: z.iso.date(),
  /** A decimal string in the claim's currency, with no more decimals than it has. */
  amount: positiveDecimal,
  /** The co-op's currency when absent. */
  currency: currencySchema,
};

export const claimInputSchema = z
  .strictObject({
    ...claimFields,
    currency: claimFields.currency.optional(),
    receiptFileId: z.uuid().optional(),
  })
  .meta({ id: 'NewExpenseClaim' });
