import type { MemberClass, MemberStatus } from '../api/types.ts';
import { intlTag } from './i18n.ts';
import { t } from './messages.ts';

const formats = new Map<string, Intl.DateTimeFormat>();

/** Dates in the member's language: "23 Nov 2026", "23.11.2026". */
function dateFormat(withTime: boolean): Intl.DateTimeFormat {
  const key = `${intlTag()}:${withTime}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(intlTag(), {
      dateStyle: 'medium',
      ...(withTime ? { timeStyle: 'short' } : {}),
    });
    formats.set(key, format);
  }
  return format;
}

/** "2026-11-23" or an ISO timestamp, as "23 Nov 2026". */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '';
  const date = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00`) : new Date(value);
  return Number.isNaN(date.getTime()) ? value : dateFormat(false).format(date);
}

export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '';
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : dateFormat(true).format(date);
}

export const memberClasses = ['hacker', 'sponsor', 'community'] as const;
export const memberStatuses = ['applicant', 'active', 'suspended', 'left'] as const;

const memberClassSet = Object.fromEntries(memberClasses.map((c) => [c, true]));
const memberStatusSet = Object.fromEntries(memberStatuses.map((c) => [c, true]));

/** "Hacker", "Sponsoren": a member class as a plural, for headings over a class's members. */
export function classPluralLabel(value: MemberClass): string {
  return t(`memberClassPlural.${value}`);
}

export function classLabel(value: string | null | undefined): string {
  return value && value in memberClassSet
    ? t(`memberClass.${value as MemberClass}`)
    : (value ?? '—');
}

export function statusLabel(value: string | null | undefined): string {
  return value && value in memberStatusSet
    ? t(`memberStatus.${value as MemberStatus}`)
    : (value ?? '—');
}

export function monthName(month: number): string {
  if (!Number.isInteger(month) || month < 1 || month > 12) return String(month);
  return new Intl.DateTimeFormat(intlTag(), { month: 'long', timeZone: 'UTC' }).format(
    new Date(Date.UTC(2000, month - 1, 1)),
  );
}

/** "chief-economist" -> "Chief economist", for roles the bylaws no longer list. */
export function humanize(slug: string): string {
  const text = slug.replace(/[-_.]+/g, ' ').trim();
  return text.charAt(0).toUpperCase() + text.slice(1);
}
