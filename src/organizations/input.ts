import { z } from 'zod';
import { memberClasses } from '../members/memberClasses.ts';
import { localeSchema } from '../platform/i18n/locales.ts';
import { schemaWords } from '../platform/http/validationMessages.ts';

const optionalText = (max: number) => z.string().trim().max(max).optional();

const organizationFields = z.strictObject({
  legalName: z.string().trim().min(2).max(300),
  displayName: z.string().trim().min(1).max(200).optional(),
  kind: z.enum(['company', 'government', 'ngo', 'foundation', 'other']),
  memberClass: z.enum(memberClasses),
  taxId: optionalText(50),
  billingEmail: z.email().optional(),
  billingAddress: optionalText(1000),
  country: z
    .string()
    .regex(/^[A-Z]{2}$/, schemaWords('countryCode'))
    .optional(),
  website: z.url({ protocol: /^https?$/ }).optional(),
  /** The language of its quotes, invoices and business mails. */
  locale: localeSchema,
});

export const organizationInputSchema = organizationFields
  .extend({
    kind: organizationFields.shape.kind.default('company'),
    memberClass: organizationFields.shape.memberClass.default('sponsor'),
    locale: organizationFields.shape.locale.default('en'),
  })
  .meta({ id: 'NewOrganization' });
export type OrganizationInput = z.input<typeof organizationInputSchema>;

// Built from the fields without defaults: a patch must not reset what it does not name. An
// optional field sent as null is cleared.
export const organizationPatchSchema = organizationFields
  .extend({
    taxId: organizationFields.shape.taxId.unwrap().nullable(),
    billingEmail: organizationFields.shape.billingEmail.unwrap().nullable(),
    billingAddress: organizationFields.shape.billingAddress.unwrap().nullable(),
    country: organizationFields.shape.country.unwrap().nullable(),
    website: organizationFields.shape.website.unwrap().nullable(),
  })
  .partial()
  .meta({ id: 'OrganizationPatch' });
