import { z } from 'zod';
import { localeSchema } from '../platform/i18n/locales.ts';
import { schemaWords } from '../platform/http/validationMessages.ts';
import { membershipStatuses } from './membershipStatuses.ts';

/**
 * What the profile page's forms send (one's own name, another address; an officer's status
 * change, appointment and administrator grant), as the routes take it and as the forms check it
 * before sending: one schema object each, so the form's field errors are the server's, in the
 * same words. No database code here, as the web app bundles this module.
 */

export const profileFields = {
  displayName: z.string().trim().min(1).max(200).optional(),
  locale: localeSchema.optional(),
};

export const profileInputSchema = z
  .strictObject(profileFields)
  .refine((p) => p.displayName !== undefined || p.locale !== undefined, {
    ...schemaWords('nameOrLanguage'),
    path: ['displayName'],
  })
  .meta({ id: 'ProfileUpdate' });

export const addEmailInputSchema = z
  .strictObject({ email: z.email() })
  .meta({ id: 'EmailAddition' });

// A function, not one object: each schema keeps its own copy, as before the move.
const reason = () =>
  z
    .string()
    .trim()
    .min(3, schemaWords('reasonAtLeast', { n: 3 }))
    .max(1000);

export const statusChangeFields = { status: z.enum(membershipStatuses), reason: reason() };

export const statusChangeInputSchema = z
  .strictObject(statusChangeFields)
  .meta({ id: 'MembershipStatusChange' });

export const appointmentFields = {
  role: z.string().min(1).max(100),
  startsOn: z.iso.date().optional(),
};

export const appointOfficerInputSchema = z
  .strictObject(appointmentFields)
  .meta({ id: 'OfficerAppointment' });

export const adminGrantFields = { isAdmin: z.boolean(), reason: reason() };

export const setAdminInputSchema = z.strictObject(adminGrantFields).meta({ id: 'AdminGrant' });
