import { z } from 'zod';

/**
 * A sign-in, as the route takes it and as the web app's sign-in form checks it before sending:
 * one schema object, so the form's field errors are the server's, in the same words. No
 * database code here, as the web app bundles this module.
 */
export const signInInputSchema = z
  .union([
    z.strictObject({ email: z.email(), password: z.string().min(1).max(1000) }),
    z.strictObject({ email: z.email(), code: z.string().min(8).max(64) }),
  ])
  .meta({ id: 'SignIn', description: 'A password, or a one-time registration code.' });
