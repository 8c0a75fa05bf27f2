import { z } from 'zod';
import { currencySchema } from '../platform/money/currency.ts';
import { billingContactSchema } from './lines.ts';
import { decimalAmount } from './money.ts';

// The bodies the quote and agreement routes take, with no database code: the web forms check
// their input with these very objects (formsShareSchemas.sponsors.test.ts holds them together).

export const periodMonthsSchema = z.union([
  z.literal(1),
  z.literal(3),
  z.literal(6),
  z.literal(12),
]);

export const lineInputSchema = z
  .strictObject({
    /** A tier line: its price and period come from the tier's current version, which it pins. */
    tierId: z.uuid().optional(),
    /** A custom line: a description and a unit price. */
    description: z.string().trim().min(1).max(300).optional(),
    unitPrice: decimalAmount.optional(),
    quantity: z.number().int().min(1).max(1000).default(1),
    /** Custom lines only: every billing period (true) or once (false, the default). */
    recurring: z.boolean().optional(),
  })
  .meta({ id: 'NewAgreementLine' });

const isoDay = z.iso.date();

export const quoteTermsSchema = z
  .strictObject({
    organizationId: z.uuid(),
    title: z.string().trim().min(1).max(200),
    /** The tiers' currency, or the co-op's when there are only custom lines. */
    currency: currencySchema.optional(),
    validUntil: isoDay,
    startsOn: isoDay,
    termMonths: z.number().int().min(1).max(60),
    /** The tiers' period when absent (12 months with only custom lines). */
    billingPeriodMonths: periodMonthsSchema.optional(),
    autoRenew: z.boolean().default(true),
    noticeDays: z.number().int().min(0).max(365).default(30),
    notes: z.string().trim().max(4000).default(''),
    lines: z.array(lineInputSchema).min(1).max(50),
  })
  .meta({ id: 'QuoteTerms' });
export type QuoteTerms = z.output<typeof quoteTermsSchema>;

export const agreementAdminFields = {
  buyerReference: z.string().trim().min(1).max(200).nullable().optional(),
  billingContacts: z.array(billingContactSchema).max(10).optional(),
  purchaseOrderRequired: z.boolean().optional(),
  servingHackerIds: z.array(z.uuid()).max(50).optional(),
  /** Days before a term's end at which renewal is announced, e.g. [60, 30]. */
  renewalNoticeDays: z.array(z.number().int().min(1).max(365)).max(5).optional(),
};

export const newAgreementSchema = quoteTermsSchema
  .omit({ validUntil: true, notes: true })
  .extend(agreementAdminFields)
  .meta({ id: 'NewAgreement' });
