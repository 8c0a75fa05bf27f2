import { z } from 'zod';
import { currencySchema } from '../platform/money/currency.ts';
import { decimalPattern } from './decimal.ts';
import { roundingRules } from './totals.ts';
import { vatCategories } from './vatCategories.ts';
import { schemaWords } from '../platform/http/validationMessages.ts';

const decimal = (example: string, other?: string) =>
  z
    .string()
    .trim()
    .regex(
      decimalPattern,
      other
        ? schemaWords('decimalLikeEither', { example, other })
        : schemaWords('decimalLike', { example }),
    );
const country = z.string().regex(/^[A-Z]{2}$/, schemaWords('countryCode'));

export const invoiceLineSchema = z
  .strictObject({
    description: z.string().trim().min(1).max(500),
    quantity: decimal('1', '2.5'),
    unitPrice: decimal('1500.00'),
    /** UN/ECE Recommendation 20: C62 (one), HUR (hour), MON (month), DAY. */
    unitCode: z
      .string()
      .regex(/^[A-Z0-9]{2,3}$/)
      .default('C62'),
    vatCategory: z.enum(vatCategories),
    vatRate: decimal('19', '7.7'),
  })
  .meta({ id: 'InvoiceLine' });

/** The buyer by id, or by its details: found by VAT id (or name), or added as a sponsor. */
export const buyerSchema = z.union([
  z.strictObject({ organizationId: z.uuid() }),
  z.strictObject({
    legalName: z.string().trim().min(2).max(300),
    vatId: z.string().trim().max(50).optional(),
    country,
    street: z.string().trim().max(300).default(''),
    city: z.string().trim().max(200).default(''),
    postcode: z.string().trim().max(30).default(''),
    email: z.email().optional(),
  }),
]);

const draftFields = {
  buyer: buyerSchema,
  currency: currencySchema.optional(),
  issueDate: z.iso.date().optional(),
  dueDate: z.iso.date().optional(),
  deliveryDate: z.iso.date().optional(),
  /** The invoicing period (EN 16931 BG-14): what a period's fee covers. */
  period: z
    .strictObject({ start: z.iso.date(), end: z.iso.date() })
    .refine((p) => p.start <= p.end, { ...schemaWords('periodEndsBeforeStart'), path: ['end'] })
    .optional(),
  buyerReference: z.string().trim().max(200).optional(),
  purchaseOrder: z.string().trim().max(200).optional(),
  agreementId: z.uuid().optional(),
  rounding: z.enum(roundingRules).optional(),
  note: z.string().trim().max(2000).optional(),
  exemptionReason: z.string().trim().max(500).optional(),
  lines: z.array(invoiceLineSchema).min(1, schemaWords('invoiceNeedsLine')).max(500),
};

export const exchangeRateSchema = z
  .strictObject({
    /** Units of the co-op's currency per unit of the invoice's (e.g. 0.92 EUR per USD). */
    rate: z
      .string()
      .regex(/^\d{1,6}(\.\d{1,10})?$/, schemaWords('rateLike', { example: '0.9215' })),
    on: z.iso.date().optional(),
    source: z.string().trim().max(100).default('entered'),
  })
  .meta({ id: 'ExchangeRate' });

export const invoiceDraftSchema = z.strictObject(draftFields).meta({ id: 'InvoiceDraft' });

export const newInvoiceSchema = z
  .strictObject({
    ...draftFields,
    /** The number of the invoice it corrects: makes this a credit note. */
    creditedInvoice: z.string().trim().min(1).max(60).optional(),
    /** Finalise at once: the number is taken and the entry posted in the same transaction. */
    finalize: z.boolean().default(false),
    exchangeRate: exchangeRateSchema.optional(),
  })
  .meta({ id: 'NewInvoice' });
export type NewInvoice = z.output<typeof newInvoiceSchema>;
