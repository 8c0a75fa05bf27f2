import type { Schemas } from '../api/client.ts';
import type { Claim, ClaimStatus } from '../api/types.ts';
import { formatNumber } from './books.ts';
import { t } from './messages.ts';

export const claimStatuses: readonly ClaimStatus[] = [
  'draft',
  'submitted',
  'approved',
  'rejected',
  'paid',
];

export function claimStatusLabel(status: ClaimStatus): string {
  return t(`claimStatus.${status}`);
}

/** What the receipt upload accepts, as the server checks it. */
export const receiptTypes: readonly Schemas['ReceiptUploadInput']['contentType'][] = [
  'image/jpeg',
  'image/png',
  'image/webp',
  'application/pdf',
];

/** The receipt's type if the server takes it (it still checks the file's first bytes). */
export const receiptTypeOf = (file: File) => receiptTypes.find((type) => type === file.type);
export const maxReceiptBytes = 10 * 1024 * 1024;

export function fileSize(bytes: number): string {
  if (bytes < 1024) return t('fileSize.bytes', { count: bytes, size: formatNumber(bytes) });
  if (bytes < 1024 * 1024)
    return t('fileSize.kb', { size: formatNumber(Math.round(bytes / 102.4) / 10, 1) });
  return t('fileSize.mb', { size: formatNumber(Math.round(bytes / 104857.6) / 10, 1) });
}

/** Reads a chosen file as the data: URL the receipt upload accepts. */
export function readAsDataUrl(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error(t('fileSize.unreadable')));
    reader.readAsDataURL(file);
  });
}

/** Whether this person may still add their approval to the claim. */
export function awaitsApprovalFrom(claim: Claim, personId: string): boolean {
  return (
    claim.status === 'submitted' &&
    claim.submittedBy.id !== personId &&
    !claim.approvals.some((a) => a.approverId === personId)
  );
}
