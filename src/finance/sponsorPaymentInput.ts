import { z } from 'zod';
import { currencySchema } from '../platform/money/currency.ts';
import { schemaWords } from '../platform/http/validationMessages.ts';

/**
 * A sponsor's payment, as the route takes it and as the web app's sponsor-payment form checks
 * it before sending: one schema object, so the field errors read the same. No database code
 * here, as the web app bundles this module.
 */
export const sponsorPaymentInputSchema = z
  .strictObject({
    organizationId: z.uuid(),
    receivedOn: z.iso.date(),
    amount: z
      .string()
      .regex(/^\d{1,15}(\.\d+)?$/, schemaWords('positiveAmountLike', { example: '15000.00' })),
    currency: currencySchema.optional(),
    coopAmount: z
      .string()
      .regex(/^\d{1,15}(\.\d+)?$/)
      .optional(),
    bankAccount: z.string().default('assets:bank:operating'),
    incomeAccount: z.string().default('income:sponsorship'),
    reference: z.string().max(200).default(''),
  })
  .meta({ id: 'SponsorPayment' });
