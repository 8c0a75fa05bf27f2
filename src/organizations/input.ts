import { z } from 'zod';
import { memberClasses } from '../members/schema.ts';

const optionalText = (max: number) => z.string().trim().max(max).optional();

export const organizationInputSchema = z
  .strictObject({
    legalName: z.string().trim().min(2).max(300),
    displayName: z.string().trim().min(1).max(200).optional(),
    kind: z.enum(['company', 'government', 'ngo', 'foundation', 'other']).default('company'),
    memberClass: z.enum(memberClasses).default('sponsor'),
    taxId: optionalText(50),
    billingEmail: z.email().optional(),
    billingAddress: optionalText(1000),
    country: z
      .string()
      .regex(/^[A-Z]{2}$/, 'an ISO 3166-1 alpha-2 code such as DE or FI')
      .optional(),
    website: z.url({ protocol: /^https?$/ }).optional(),
  })
  .meta({ id: 'NewOrganization' });
export type OrganizationInput = z.input<typeof organizationInputSchema>;

export const organizationPatchSchema = organizationInputSchema
  .partial()
  .meta({ id: 'OrganizationPatch' });
