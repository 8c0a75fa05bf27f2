import { createHash } from 'node:crypto';

/** What a receipt may be: a phone's photo or a PDF invoice. */
export const receiptTypes = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'] as const;
export type ReceiptType = (typeof receiptTypes)[number];

export const maxReceiptBytes = 10 * 1024 * 1024;
/** Base64 of the largest receipt, plus room for a `data:...;base64,` prefix. */
export const maxReceiptBase64Length = Math.ceil(maxReceiptBytes / 3) * 4 + 100;

const typeNames: Record<ReceiptType, string> = {
  'image/jpeg': 'a JPEG image',
  'image/png': 'a PNG image',
  'image/webp': 'a WebP image',
  'application/pdf': 'a PDF document',
};
export const receiptTypeName = (type: ReceiptType): string => typeNames[type];

const startsWith = (bytes: Buffer, signature: number[], at = 0) =>
  bytes.length >= at + signature.length && signature.every((b, i) => bytes[at + i] === b);
const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

/** The type the file's first bytes say it is, whatever its name or declared type claim. */
export function sniffReceiptType(bytes: Buffer): ReceiptType | undefined {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return 'image/webp';
  if (startsWith(bytes, ascii('%PDF-'))) return 'application/pdf';
  return undefined;
}

/**
 * Decodes base64 (standard or URL-safe alphabet, with or without a `data:` URL prefix as a
 * phone's FileReader gives it); undefined when the text is not base64. Node's own decoder
 * skips characters it does not know, so the alphabet is checked first.
 */
export function decodeBase64(text: string): Buffer | undefined {
  const body = text.replace(/^data:[\w.+/-]+;base64,/, '').replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/_-]*={0,2}$/.test(body) || body.length % 4 === 1) return undefined;
  return Buffer.from(body, 'base64');
}

export const sha256Hex = (bytes: Buffer): string =>
  createHash('sha256').update(bytes).digest('hex');

/** A file name as given by a phone or a desktop, without its folders or control characters. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const clean = base.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return clean.slice(0, 200) || 'receipt';
}

/** `Content-Disposition` for a download that keeps a non-ASCII name (RFC 6266 / 5987). */
export function contentDisposition(name: string, disposition: 'inline' | 'attachment'): string {
  const fallback = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `${disposition}; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}
