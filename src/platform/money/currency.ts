import { z } from 'zod';
import { schemaWords } from '../http/validationMessages.ts';

const known = new Set(Intl.supportedValuesOf('currency'));

export const currencySchema = z
  .string()
  .length(3)
  .transform((c) => c.toUpperCase())
  .refine((c) => known.has(c), schemaWords('notCurrency'));

/** Minor units per currency (EUR 2, JPY 0, BHD 3), from the platform's own ISO data. */
export function minorDigits(currency: string): number {
  return (
    new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
      .maximumFractionDigits ?? 2
  );
}
