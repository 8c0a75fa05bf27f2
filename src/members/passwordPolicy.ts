import { z } from 'zod';
import { schemaWords } from '../platform/http/validationMessages.ts';

/** NIST SP 800-63B: length over composition rules; no maximum that would truncate passphrases. */
export const passwordSchema = z
  .string()
  .min(10, schemaWords('useAtLeast', { n: 10 }))
  // zod's own "at most 1000 characters" (validation.ts) says it, in each language.
  .max(1000);
