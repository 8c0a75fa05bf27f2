import { z } from 'zod';
import { passwordSchema } from './passwordPolicy.ts';

/**
 * An invitation's acceptance, as the route takes it and as the web app's form checks it before
 * sending: one schema object, so the form's field errors are the server's, in the same words.
 * No database code here, as the web app bundles this module.
 */
export const acceptanceFields = {
  displayName: z.string().trim().min(1).max(200),
  password: passwordSchema,
};

export const acceptInvitationInputSchema = z
  .strictObject(acceptanceFields)
  .meta({ id: 'InvitationAcceptance' });
