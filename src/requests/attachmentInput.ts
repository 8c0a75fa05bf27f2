import { z } from 'zod';
import { schemaWords } from '../platform/http/validationMessages.ts';

// What an upload may be, apart from the decoding and content checks (attachments.ts, which
// needs node:crypto): the web form's schema (input.ts) reads this in the browser.

/** What may be attached: screenshots, PDFs and plain text (logs, stack traces, configs). */
export const attachmentTypes = [
  'image/png',
  'image/jpeg',
  'application/pdf',
  'text/plain',
] as const;
export type AttachmentType = (typeof attachmentTypes)[number];

/** Small files only: a request is a conversation, not a file store. */
export const maxAttachmentBytes = 2 * 1024 * 1024;
export const maxAttachmentsPerEntry = 5;
const maxBase64Length = Math.ceil(maxAttachmentBytes / 3) * 4 + 100;
/** The largest body a route carrying attachments accepts. */
export const attachmentsBodyLimit = maxAttachmentsPerEntry * maxBase64Length + 256 * 1024;

export const attachmentUploadSchema = z
  .strictObject({
    name: z.string().trim().min(1).max(500),
    contentType: z.enum(attachmentTypes),
    /** The bytes in base64; a `data:` URL as a browser's FileReader gives it is accepted. */
    base64: z
      .string()
      .min(1)
      .max(maxBase64Length, schemaWords('attachmentSize', { megabytes: 2 })),
  })
  .meta({ id: 'RequestAttachmentUpload' });
export type AttachmentUpload = z.infer<typeof attachmentUploadSchema>;

export const attachmentsField = z.array(attachmentUploadSchema).max(maxAttachmentsPerEntry);
