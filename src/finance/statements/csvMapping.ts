import { z } from 'zod';
import { currencySchema } from '../../platform/money/currency.ts';
import { schemaWords } from '../../platform/http/validationMessages.ts';

export const csvDateFormats = [
  'YYYY-MM-DD',
  'DD.MM.YYYY',
  'DD/MM/YYYY',
  'DD-MM-YYYY',
  'MM/DD/YYYY',
  'YYYYMMDD',
  'DD.MM.YY',
  'MM/DD/YY',
] as const;
export type CsvDateFormat = (typeof csvDateFormats)[number];

/** A column, named as in the file's header (compared without case). */
const column = z.string().trim().min(1).max(100);

/**
 * How a bank's CSV export reads: which column holds what, and how its dates and amounts are
 * written. Saved per bank account by name, so the next export of that bank imports as is.
 */
export const csvMappingSchema = z
  .strictObject({
    delimiter: z.enum([',', ';', '\t', '|']).default(','),
    /** Lines before the header (a bank's preamble). */
    skipLines: z.number().int().min(0).max(50).default(0),
    dateColumn: column,
    dateFormat: z.enum(csvDateFormats),
    valueDateColumn: column.optional(),
    /** One signed amount column... */
    amountColumn: column.optional(),
    /** ...or money out and money in in two columns (either sign accepted). */
    debitColumn: column.optional(),
    creditColumn: column.optional(),
    descriptionColumn: column,
    referenceColumn: column.optional(),
    counterpartyColumn: column.optional(),
    counterpartyAccountColumn: column.optional(),
    /** A running balance after each line: gives the opening and closing, and checks each step. */
    balanceColumn: column.optional(),
    /** Rows whose status is not one of `bookedStatuses` (e.g. Pending) are left out. */
    statusColumn: column.optional(),
    bookedStatuses: z.array(z.string().trim().min(1).max(50)).max(20).optional(),
    currency: currencySchema,
    decimalSeparator: z.enum(['.', ',']).default('.'),
    thousandsSeparator: z.enum(['', ',', '.', ' ', "'"]).default(''),
  })
  .superRefine((m, ctx) => {
    if (m.amountColumn && (m.debitColumn || m.creditColumn))
      ctx.addIssue({
        code: 'custom',
        path: ['amountColumn'],
        ...schemaWords('amountOrDebitCredit'),
      });
    if (!m.amountColumn && !(m.debitColumn && m.creditColumn))
      ctx.addIssue({
        code: 'custom',
        path: ['amountColumn'],
        ...schemaWords('amountColumnNeeded'),
      });
    if (m.thousandsSeparator === m.decimalSeparator)
      ctx.addIssue({
        code: 'custom',
        path: ['thousandsSeparator'],
        ...schemaWords('separatorsDiffer'),
      });
    if (m.statusColumn && !m.bookedStatuses?.length)
      ctx.addIssue({
        code: 'custom',
        path: ['bookedStatuses'],
        ...schemaWords('bookedStatusesNeeded'),
      });
  })
  .meta({ id: 'CsvMapping' });

export type CsvMapping = z.infer<typeof csvMappingSchema>;
export type CsvMappingInput = z.input<typeof csvMappingSchema>;
