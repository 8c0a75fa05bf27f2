import type { Schemas } from '../api/client.ts';
import { formatMinutes } from '../app/format.ts';
import { intlTag } from '../app/i18n.ts';
import { t } from './messages.ts';
import { attachmentTypes, type AttachmentType } from '../../../src/requests/attachmentInput.ts';

export type RequestStatus = Schemas['SponsorRequest']['status'];
export type RequestSeverity = Schemas['SponsorRequest']['severity'];
export type ExpertHours = Schemas['ExpertHours'];
export { formatMinutes };

export const requestStatuses: readonly RequestStatus[] = ['open', 'waiting-on-sponsor', 'resolved'];
export const requestSeverities: readonly RequestSeverity[] = ['critical', 'high', 'normal', 'low'];

// What the server accepts as an attachment (it still checks the file's first bytes).
export {
  attachmentTypes,
  maxAttachmentBytes,
  maxAttachmentsPerEntry as maxAttachments,
  type AttachmentType,
} from '../../../src/requests/attachmentInput.ts';

/** A chosen file's type as the server names it; a log without a type counts as text. */
export function attachmentTypeOf(file: File): AttachmentType | undefined {
  const declared = attachmentTypes.find((type) => type === file.type);
  if (declared) return declared;
  if (!file.type && /\.(log|txt|out|conf|ya?ml|json|ini)$/i.test(file.name)) return 'text/plain';
  return undefined;
}

export const statusLabel = (status: RequestStatus) => t(`status.${status}`);
export const severityLabel = (severity: RequestSeverity) => t(`severity.${severity}`);

/** "3 h 20 min of 10 h"; without an agreement in force, the time used and why nothing is included. */
export function hoursUsed(hours: ExpertHours): string {
  const used = formatMinutes(hours.usedMinutes);
  if (hours.entitledMinutes === null) return t('hours.usedNoAgreement', { used });
  return t('hours.usedOf', { used, entitled: formatMinutes(hours.entitledMinutes) });
}

/** "6 h 40 min left this month", or how far over the included hours. */
export function hoursLeft(hours: ExpertHours): string | null {
  if (hours.entitledMinutes === null) return null;
  const left = hours.entitledMinutes - hours.usedMinutes;
  return left >= 0
    ? t('hours.left', { left: formatMinutes(left) })
    : t('hours.over', { over: formatMinutes(-left) });
}

/** "2027-03" as "March 2027" in the member's language. */
export function monthLabel(month: string): string {
  const [year, number] = month.split('-').map(Number);
  if (!year || !number) return month;
  return new Intl.DateTimeFormat(intlTag(), {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(year, number - 1, 1)));
}

export function fileSize(bytes: number): string {
  const format = (n: number) =>
    new Intl.NumberFormat(intlTag(), { maximumFractionDigits: 1 }).format(n);
  if (bytes < 1024) return t('fileSize.bytes', { size: format(bytes) });
  if (bytes < 1024 * 1024) return t('fileSize.kb', { size: format(bytes / 1024) });
  return t('fileSize.mb', { size: format(bytes / 1024 / 1024) });
}
