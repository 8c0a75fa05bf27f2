import { z } from 'zod';
import { schemaWords } from '../platform/http/validationMessages.ts';
import { exchangeRateSchema } from './input.ts';

// What the routes finalising an invoice and recording its payment take. No database code here:
// the invoice page's forms check their input with these very objects; whether the invoice may
// take the step, and a foreign invoice's amount in the co-op's currency (coopAmountRule.ts),
// stay the commands' to check.

const positive = z
  .string()
  .regex(/^\d{1,15}(\.\d+)?$/, schemaWords('positiveAmountLike', { example: '1190.00' }));

/** Finalising a draft; an invoice in another currency than the co-op's needs its rate. */
export const finalizeInputSchema = z.strictObject({ exchangeRate: exchangeRateSchema.optional() });

export const invoicePaymentSchema = z
  .strictObject({
    amount: positive,
    receivedOn: z.iso.date(),
    bankAccount: z.string().trim().min(1).max(200).default('assets:bank:operating'),
    /** For an invoice in another currency: what arrived, in the co-op's currency. */
    coopAmount: positive.optional(),
    reference: z.string().trim().max(200).default(''),
  })
  .meta({ id: 'InvoicePayment' });
