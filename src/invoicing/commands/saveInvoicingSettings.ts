import { z } from 'zod';
import { defineCommand } from '../../platform/commands.ts';
import { parseAmount } from '../../platform/money/amount.ts';
import { invoicingSettingsChanged } from '../events.ts';
import { invoicingPolicy } from '../policy.ts';
import { invoicingSettingsOf } from '../repository.ts';
import { invoicingSettings } from '../schema.ts';
import { roundingRules } from '../totals.ts';
import { schemaWords } from '../../platform/http/validationMessages.ts';

const prefixWords = schemaWords('numberPrefix', { n: 12 });

const text = (max: number) => z.string().trim().max(max);

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

/** Seller details (the late fee in cents of the invoice's currency, read as two decimals), numbering prefixes, payment terms, rounding rule and dunning stages. */
export const saveInvoicingSettings = defineCommand({
  name: 'invoicing.saveSettings',
  input: invoicingSettingsSchema,
  policy: invoicingPolicy.configure,
  denied: 'The chief economist sets up invoicing.',
  events: [invoicingSettingsChanged],
  async run(tx, input, ctx) {
    const current = await invoicingSettingsOf(tx, ctx.coopId);
    const { lateFee, ...fields } = input;
    const next = {
      ...current,
      ...fields,
      ...(lateFee !== undefined
        ? { lateFeeMinor: lateFee === null ? null : parseAmount(lateFee, 'EUR') }
        : {}),
      coopId: ctx.coopId,
      updatedAt: ctx.clock.now(),
    };
    await tx
      .insert(invoicingSettings)
      .values(next)
      .onConflictDoUpdate({ target: invoicingSettings.coopId, set: next });
    await ctx.emit(invoicingSettingsChanged, ctx.coopId, { fields: Object.keys(input) });
    return next;
  },
});
