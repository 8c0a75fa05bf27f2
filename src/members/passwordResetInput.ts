import { z } from 'zod';
import { passwordSchema } from './passwordPolicy.ts';

/**
 * The two steps of a forgotten password (asking for a link, then setting a new password with
 * it), as the routes take them and as the web app's forms check them before sending. No
 * database code here, as the web app bundles this module.
 */
export const resetRequestInputSchema = z
  .strictObject({ email: z.email() })
  .meta({ id: 'PasswordResetRequest' });

export const resetInputSchema = z
  .strictObject({ token: z.string().min(20).max(200), newPassword: passwordSchema })
  .meta({ id: 'PasswordReset' });
