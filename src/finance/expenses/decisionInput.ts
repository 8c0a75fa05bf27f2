import { z } from 'zod';
import { schemaWords } from '../../platform/http/validationMessages.ts';
import { positiveDecimal } from './claimInput.ts';

// What the routes rejecting and paying an expense claim take. No database code here: the claim
// page's forms check their input with these very objects; who may decide, and whether the claim
// is still waiting, stay the commands' to check.

export const rejectionInputSchema = z
  .strictObject({
    reason: z
      .string()
      .trim()
      .min(5, schemaWords('sayWhyAtLeast', { n: 5 }))
      .max(1000),
  })
  .meta({ id: 'ExpenseRejection' });

export const paymentInputSchema = z
  .strictObject({
    /** The day the money left the bank; today when absent. */
    paidOn: z.iso.date().optional(),
    /** The bank account paid from: a code or a path. */
    bankAccount: z.string().trim().min(1).max(200).default('assets:bank:operating'),
    /** For a claim in another currency: what the payment cost in the co-op's currency. */
    coopAmount: positiveDecimal.optional(),
  })
  .meta({ id: 'ExpensePayment' });
