import { z } from 'zod';

/** NIST SP 800-63B: length over composition rules; no maximum that would truncate passphrases. */
export const passwordSchema = z
  .string()
  .min(10, 'use at least 10 characters')
  .max(1000, 'at most 1000 characters');
