import { z } from 'zod';
import { passwordSchema } from './passwordPolicy.ts';

/**
 * A password change, as the route takes it and as the web app's password form checks it before
 * sending: one schema object, so the form's field errors are the server's, in the same words.
 * No database code here, as the web app bundles this module.
 */
export const passwordChangeFields = {
  currentPassword: z.string().max(1000).optional(),
  newPassword: passwordSchema,
};

export const setPasswordInputSchema = z
  .strictObject(passwordChangeFields)
  .meta({ id: 'PasswordChange' });
