import { z } from 'zod';
import { attachmentsField } from './attachmentInput.ts';

// What the thread's routes take. No database code here: the request page's forms check their
// input with these very objects.

export const replyInputSchema = z.strictObject({
  /** Markdown. */
  body: z.string().trim().min(1).max(20_000),
  /** The co-op's time on this reply (research, testing, writing), against the month's hours. */
  minutesSpent: z
    .number()
    .int()
    .min(0)
    .max(24 * 60)
    .optional(),
  attachments: attachmentsField.optional(),
});

export const waitingInputSchema = z.strictObject({ reason: z.string().trim().min(3).max(2000) });
export const statusNoteSchema = z.strictObject({ note: z.string().trim().max(2000).optional() });
