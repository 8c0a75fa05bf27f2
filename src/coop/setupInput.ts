import { z } from 'zod';
import { memberClasses } from '../members/memberClasses.ts';
import { passwordSchema } from '../members/passwordPolicy.ts';
import { localeSchema } from '../platform/i18n/locales.ts';
import { currencySchema } from '../platform/money/currency.ts';
import { slugPattern } from './slug.ts';
import { schemaWords } from '../platform/http/validationMessages.ts';

/**
 * The first run's co-op, as the route (and `coop init`) takes it and as the web app's set-up
 * wizard checks it before sending: one schema object, so the wizard's field errors are the
 * server's, in the same words. No database code here, as the web app bundles this module.
 */
const percent = z.number().int().min(0).max(100);

export const setupInputSchema = z
  .strictObject({
    name: z.string().trim().min(2).max(200),
    slug: z
      .string()
      .regex(slugPattern, schemaWords('slugSingleDashes', { example: 'acme-hackers' }))
      .max(60)
      .optional()
      .describe('How the CLI names the co-op (`--coop SLUG`); made from the name when absent'),
    hostName: z
      .string()
      .regex(
        /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/,
        schemaWords('hostName', { example: 'acme.coops.example' }),
      )
      .max(253)
      .optional()
      .describe('The host name its members reach it by, where one deployment hosts several co-ops'),
    currency: currencySchema.default('EUR'),
    fiscalYearStartMonth: z.number().int().min(1).max(12).default(1),
    pie: z
      .strictObject({ sponsors: percent, community: percent, hackers: percent })
      .refine((p) => p.sponsors + p.community + p.hackers === 100, schemaWords('pieSharesSum'))
      .optional(),
    admin: z.strictObject({
      displayName: z.string().trim().min(1).max(200),
      email: z.email(),
      password: passwordSchema,
      memberClass: z.enum(memberClasses).default('hacker'),
      locale: localeSchema
        .optional()
        .describe('The language the administrator reads the co-op in; English when absent'),
    }),
  })
  .meta({ id: 'CoopSetup' });
