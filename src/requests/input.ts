import { z } from 'zod';
import { attachmentsField } from './attachmentInput.ts';
import { requestSeverities } from './severities.ts';

/**
 * A new request as the route takes it (the organization is the sponsor's own, added by the
 * route). No database code here: the web form checks its input with this very object.
 */
export const requestInputSchema = z.strictObject({
  subject: z.string().trim().min(3).max(200),
  /** Markdown. */
  details: z.string().trim().min(1).max(20_000),
  severity: z.enum(requestSeverities),
  attachments: attachmentsField.optional(),
});
