import { z } from 'zod';
import { localeSchema } from '../platform/i18n/locales.ts';
import { memberClasses } from './memberClasses.ts';
import { schemaWords } from '../platform/http/validationMessages.ts';

/**
 * An invitation, as the route takes it and as the web app's invitation form checks it before
 * sending: one schema object, so the form's field errors are the server's, in the same words.
 * No database code here, as the web app bundles this module.
 */
export const inviteInputSchema = z
  .strictObject({
    email: z.email(),
    displayName: z.string().trim().min(1).max(200).optional(),
    memberClass: z.enum(memberClasses),
    organizationId: z.uuid().optional(),
    /** The invitation mail's language and the new member's; the inviter's own by default. */
    locale: localeSchema.optional(),
  })
  .refine((i) => i.memberClass !== 'sponsor' || i.organizationId, {
    ...schemaWords('sponsorNeedsOrganization'),
    path: ['organizationId'],
  })
  .meta({ id: 'Invitation' });
