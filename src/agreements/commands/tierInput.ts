import { z } from 'zod';
import { currencySchema } from '../../platform/money/currency.ts';
import { tierEntitlementsSchema } from '../lines.ts';
import { decimalAmount } from '../money.ts';
import { schemaWords } from '../../platform/http/validationMessages.ts';

/** What a tier version holds: a new version repeats all of it (a version is never patched). */
export const tierTermsSchema = z.strictObject({
  name: z.string().trim().min(1).max(100),
  summary: z.string().trim().max(2000).default(''),
  /** Per period, in the currency, as a decimal string. */
  price: decimalAmount,
  currency: currencySchema,
  periodMonths: z.union([z.literal(1), z.literal(3), z.literal(6), z.literal(12)]),
  entitlements: tierEntitlementsSchema,
  /** Hacker hours a month that serving one sponsor at this tier takes. */
  serviceHoursPerMonth: z.number().int().min(0).max(1000),
});

export const newTierSchema = tierTermsSchema
  .extend({
    slug: z
      .string()
      .regex(/^[a-z][a-z0-9-]{0,39}$/, schemaWords('slugDashes', { example: 'gold' })),
    published: z.boolean().default(true),
  })
  .meta({ id: 'NewTier' });

export const tierRevisionSchema = tierTermsSchema.meta({ id: 'TierRevision' });
