import { badRequest } from '../platform/errors.ts';
import { cleanFileName, decodeBase64, sha256Hex } from '../finance/expenses/receipts.ts';
import {
  maxAttachmentBytes,
  type AttachmentType,
  type AttachmentUpload,
} from './attachmentInput.ts';

export {
  attachmentsBodyLimit,
  attachmentsField,
  attachmentTypes,
  attachmentUploadSchema,
  maxAttachmentBytes,
  maxAttachmentsPerEntry,
  type AttachmentType,
  type AttachmentUpload,
} from './attachmentInput.ts';

export interface CheckedAttachment {
  name: string;
  contentType: AttachmentType;
  bytes: Buffer;
  sha256: string;
}

const startsWith = (bytes: Buffer, signature: number[]) =>
  bytes.length >= signature.length && signature.every((b, i) => bytes[i] === b);

/** Whether the bytes are what their declared type says: a file's name or label can lie. */
function contentMatches(bytes: Buffer, type: AttachmentType): boolean {
  switch (type) {
    case 'image/png':
      return startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    case 'image/jpeg':
      return startsWith(bytes, [0xff, 0xd8, 0xff]);
    case 'application/pdf':
      return startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d]);
    case 'text/plain':
      // Text is UTF-8 without NUL bytes: a binary renamed to .txt is refused.
      if (bytes.includes(0)) return false;
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(bytes);
        return true;
      } catch {
        return false;
      }
  }
}

/** Decodes and checks every attachment before the transaction opens (PGlite serialises). */
export function checkAttachments(uploads: AttachmentUpload[] | undefined): CheckedAttachment[] {
  return (uploads ?? []).map((upload, i) => {
    const pointer = `/attachments/${i}/base64`;
    // Each caller names its refusal (checked by problemCodesMoney.test.ts).
    const refuse = (message: string) =>
      badRequest(`${pointer}: ${message}`, [{ pointer, message }]);
    const name = upload.name;
    const bytes = decodeBase64(upload.base64);
    if (!bytes) throw refuse('not base64').because('attachment.not-base64', { name });
    if (bytes.length === 0) throw refuse('the file is empty').because('attachment.empty', { name });
    if (bytes.length > maxAttachmentBytes)
      throw refuse(`an attachment is at most 2 MB; this file is ${bytes.length} bytes`).because(
        'attachment.too-large',
        { name, bytes: bytes.length, maxBytes: maxAttachmentBytes },
      );
    if (!contentMatches(bytes, upload.contentType))
      throw refuse(`the file’s content is not ${upload.contentType}`).because(
        'attachment.wrong-type',
        { name, contentType: upload.contentType },
      );
    return {
      name: cleanFileName(upload.name),
      contentType: upload.contentType,
      bytes,
      sha256: sha256Hex(bytes),
    };
  });
}
