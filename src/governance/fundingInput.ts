import { z } from 'zod';
import { currencySchema } from '../platform/money/currency.ts';
import { schemaWords } from '../platform/http/validationMessages.ts';

// Minor units arrive as a string of digits (JSON numbers lose precision past 2^53) or as the
// BigInt an earlier parse produced.
const minor = z
  .union([z.string().regex(/^\d{1,15}$/, schemaWords('minorUnitsWhole')), z.bigint().nonnegative()])
  .transform((v) => BigInt(v));

/**
 * Money or labour received from a sponsor, as the route takes it and as the web app's funding
 * form checks it before sending: one schema object, so the field errors read the same. No
 * database code here, as the web app bundles this module.
 */
export const fundingInputSchema = z
  .strictObject({
    organizationId: z.uuid(),
    receivedOn: z.iso.date(),
    amountMinor: minor.default(0n),
    currency: currencySchema.optional(),
    /** Required when the currency is not the co-op's: the amount at the rate of the day. */
    coopAmountMinor: minor.optional(),
    labourHours: z.number().int().min(0).max(100_000).default(0),
    note: z.string().max(500).default(''),
  })
  .meta({ id: 'FundingReceived' });
