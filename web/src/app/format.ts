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

/**
 * Minutes as people say them, the one duration format of the app: "45 min", "3 h",
 * "3 h 5 min" ("3 Std. 5 Min."). Negative durations read as their size; callers say "overdue".
 */
export function formatMinutes(total: number): string {
  const minutes = Math.abs(Math.round(total));
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return t('duration.minutes', { minutes: formatNumber(rest, 0) });
  if (rest === 0) return t('duration.hours', { hours: formatNumber(hours, 0) });
  return t('duration.hoursMinutes', { hours: formatNumber(hours, 0), minutes: rest });
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

/** A count or a figure in the member's language: 1,440.5 or 1.440,5. */
export function formatNumber(value: number, maximumFractionDigits = 2): string {
  return new Intl.NumberFormat(intlTag(), { maximumFractionDigits }).format(value);
}

/**
 * A decimal the server wrote as text ("1500.00", "0.7750", "123456789012345678") in the member's
 * notation with exactly its digits: "1,500.00" / "1.500,00". Intl reads the string itself, so
 * no float rounds it, and whole numbers beyond 2^53 keep every digit.
 */
export function formatExactDecimal(decimal: string): string {
  if (!/^-?\d+(\.\d+)?$/.test(decimal)) return decimal;
  const digits = decimal.split('.')[1]?.length ?? 0;
  return new Intl.NumberFormat(intlTag(), {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(decimal as unknown as number);
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
