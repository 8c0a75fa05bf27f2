import { z } from 'zod';
import { schemaWords } from '../platform/http/validationMessages.ts';
import { roundingRules } from './totals.ts';

const prefixWords = schemaWords('numberPrefix', { n: 12 });

const text = (max: number) => z.string().trim().max(max);

/**
 * The seller's details, numbering, terms and reminder stages, as the route takes a change of them
 * and as the web app's settings form checks one before sending: one schema object, so the field
 * errors read the same. No database code here, as the web app bundles this module.
 */
export const invoicingSettingsSchema = z
  .strictObject({
    legalName: text(300).min(2),
    vatId: text(50).nullable(),
    registrationId: text(100).nullable(),
    street: text(300),
    city: text(200),
    postcode: text(30),
    country: z.string().regex(/^[A-Z]{2}$/, schemaWords('countryCode')),
    email: z.union([z.email(), z.literal('')]),
    phone: text(50),
    iban: z
      .string()
      .transform((v) => v.replace(/\s+/g, '').toUpperCase())
      .refine(
        (v) => /^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(v),
        schemaWords('iban', { example: 'DE89370400440532013000' }),
      )
      .nullable(),
    bic: z
      .string()
      .regex(/^[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?$/, schemaWords('bic', { example: 'COBADEFFXXX' }))
      .nullable(),
    invoicePrefix: z.string().regex(/^[A-Za-z0-9/_-]{0,12}$/, prefixWords),
    creditNotePrefix: z.string().regex(/^[A-Za-z0-9/_-]{0,12}$/, prefixWords),
    paymentTermsDays: z.number().int().min(0).max(365),
    rounding: z.enum(roundingRules),
    incomeAccount: text(200).min(1),
    receivableAccount: text(200).min(1),
    vatAccount: text(200).min(1),
    dunningStages: z
      .array(
        z.strictObject({ afterDays: z.number().int().min(1).max(365), label: text(100).min(1) }),
      )
      .max(10)
      .refine(
        (stages) => stages.every((s, i) => i === 0 || s.afterDays > stages[i - 1]!.afterDays),
        schemaWords('stagesInOrder'),
      ),
    lateFee: z
      .string()
      .regex(/^\d{1,9}(\.\d{1,2})?$/)
      .nullable(),
    standardVatRate: z
      .string()
      .regex(/^\d{1,2}(\.\d{1,2})?$/, schemaWords('percentageLike'))
      .refine((v) => /[1-9]/.test(v), schemaWords('aboveZero')),
  })
  .partial()
  .meta({ id: 'InvoicingSettingsPatch' });
