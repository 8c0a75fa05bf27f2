import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { defineCommand } from '../../../platform/commands.ts';
import { badRequest } from '../../../platform/errors.ts';
import { files } from '../../schema.ts';
import { receiptUploaded } from '../events.ts';
import { expensePolicy } from '../policy.ts';
import {
  cleanFileName,
  decodeBase64,
  maxReceiptBase64Length,
  maxReceiptBytes,
  receiptTypeName,
  receiptTypes,
  sha256Hex,
  sniffReceiptType,
} from '../receipts.ts';
import { schemaWords } from '../../../platform/http/validationMessages.ts';

export const receiptUploadSchema = z
  .strictObject({
    name: z.string().trim().min(1).max(500),
    contentType: z.enum(receiptTypes),
    /** The file's bytes in base64; a `data:` URL as a browser's FileReader gives it is accepted. */
    base64: z
      .string()
      .min(1)
      .max(maxReceiptBase64Length, schemaWords('receiptSize', { megabytes: 10 })),
  })
  .meta({ id: 'ReceiptUpload' });

export interface StoredReceipt {
  id: string;
  name: string;
  contentType: string;
  size: number;
  sha256: string;
}

const megabytes = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

/**
 * Stores a receipt (photo or PDF) in the database, so that backups hold it. The declared type
 * must be what the file's first bytes say. The same person sending the same bytes again (a
 * phone retrying on a poor connection) gets the file stored the first time.
 */
export const uploadReceipt = defineCommand({
  name: 'finance.uploadReceipt',
  input: receiptUploadSchema,
  policy: expensePolicy.claim,
  denied: 'Only active members claim expenses.',
  events: [receiptUploaded],
  prepare: async (upload) => checkReceipt(upload),
  async run(tx, upload, ctx, { bytes, sha256, name }): Promise<StoredReceipt> {
    const coopId = ctx.coopId;
    const personId = ctx.actor.personId!;
    const [earlier] = await tx
      .select(described)
      .from(files)
      .where(
        and(
          eq(files.coopId, coopId),
          eq(files.sha256, sha256),
          eq(files.uploadedBy, personId),
          eq(files.contentType, upload.contentType),
        ),
      )
      .limit(1);
    if (earlier) return earlier;
    const [file] = await tx
      .insert(files)
      .values({
        coopId,
        name,
        contentType: upload.contentType,
        size: bytes.length,
        sha256,
        content: bytes,
        uploadedBy: personId,
      })
      .returning(described);
    await ctx.emit(receiptUploaded, file!.id, {
      name,
      contentType: upload.contentType,
      size: bytes.length,
      sha256,
    });
    return file!;
  },
});

const described = {
  id: files.id,
  name: files.name,
  contentType: files.contentType,
  size: files.size,
  sha256: files.sha256,
};

/** The bytes, checked against their declared type, and their hash: before the transaction. */
function checkReceipt(upload: z.output<typeof receiptUploadSchema>) {
  const bytes = decodeBase64(upload.base64);
  const name = upload.name;
  // Each caller names its refusal (checked by problemCodesMoney.test.ts).
  const refuse = (message: string) =>
    badRequest(`/base64: ${message}`, [{ pointer: '/base64', message }]);
  if (!bytes) throw refuse('not base64').because('attachment.not-base64', { name });
  if (bytes.length === 0) throw refuse('the file is empty').because('attachment.empty', { name });
  if (bytes.length > maxReceiptBytes)
    throw refuse(`a receipt is at most 10 MB; this file is ${megabytes(bytes.length)}`).because(
      'attachment.too-large',
      { name, bytes: bytes.length, maxBytes: maxReceiptBytes },
    );
  const sniffed = sniffReceiptType(bytes);
  if (sniffed !== upload.contentType)
    throw refuse(
      `the file is not ${receiptTypeName(upload.contentType)}: ${
        sniffed
          ? `its content is ${receiptTypeName(sniffed)}`
          : 'its content is not a JPEG, PNG or WebP image nor a PDF document'
      }`,
    ).because('attachment.wrong-type', { name, contentType: upload.contentType });
  // Hashing happens before the transaction opens (PGlite serialises behind an open one).
  const sha256 = sha256Hex(bytes);
  return { bytes, sha256, name: cleanFileName(name) };
}
