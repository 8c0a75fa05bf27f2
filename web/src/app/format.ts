import type { MemberClass, MemberStatus } from '../api/types.ts';

const dateFormat = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium' });
const dateTimeFormat = new Intl.DateTimeFormat('en-GB', {
  dateStyle: 'medium',
  timeStyle: 'short',
});

/** "2026-11-23" or an ISO timestamp, as "23 Nov 2026". */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '';
  const date = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00`) : new Date(value);
  return Number.isNaN(date.getTime()) ? value : dateFormat.format(date);
}

export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '';
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : dateTimeFormat.format(date);
}

export const memberClasses = ['hacker', 'sponsor', 'community'] as const;
export const memberStatuses = ['applicant', 'active', 'suspended', 'left'] as const;

export const classLabels: Record<MemberClass, string> = {
  hacker: 'Hacker',
  sponsor: 'Sponsor',
  community: 'Community',
};

export const classPluralLabels: Record<MemberClass, string> = {
  hacker: 'Hackers',
  sponsor: 'Sponsors',
  community: 'Community',
};

export const statusLabels: Record<MemberStatus, string> = {
  applicant: 'Applicant',
  active: 'Active',
  suspended: 'Suspended',
  left: 'Left',
};

export function classLabel(value: string | null | undefined): string {
  return value ? (classLabels[value as MemberClass] ?? value) : '—';
}

export function statusLabel(value: string | null | undefined): string {
  return value ? (statusLabels[value as MemberStatus] ?? value) : '—';
}

export const monthNames = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

export function monthName(month: number): string {
  return monthNames[month - 1] ?? String(month);
}

/** "chief-economist" -> "Chief economist", for roles the bylaws no longer list. */
export function humanize(slug: string): string {
  const text = slug.replace(/[-_.]+/g, ' ').trim();
  return text.charAt(0).toUpperCase() + text.slice(1);
}
