import { z } from 'zod';
import { schemaWords } from '../../platform/http/validationMessages.ts';

export const monthSchema = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, schemaWords('monthLike', { example: '2026-03' }));

const utc = (day: string) => new Date(`${day}T00:00:00Z`);
const iso = (date: Date) => date.toISOString().slice(0, 10);

export const monthOf = (date: Date | string): string =>
  (typeof date === 'string' ? date : iso(date)).slice(0, 7);

export function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return monthOf(new Date(Date.UTC(y, m - 1 + n, 1)));
}

export const addDays = (day: string, n: number): string =>
  iso(new Date(utc(day).getTime() + n * 86_400_000));

/** First and last day of a month, and its number of days. */
export function monthBounds(month: string): { first: string; last: string; days: number } {
  const first = `${month}-01`;
  const last = addDays(`${addMonths(month, 1)}-01`, -1);
  return { first, last, days: Number(last.slice(8)) };
}

/** Days of [from, to] (to open when null) inside [first, last], both ends counted. */
export function overlapDays(from: string, to: string | null, first: string, last: string): number {
  const start = from > first ? from : first;
  const end = to !== null && to < last ? to : last;
  return end < start ? 0 : Math.round((utc(end).getTime() - utc(start).getTime()) / 86_400_000) + 1;
}

/** A monthly amount for part of a month, by calendar days, rounded half up to the minor unit. */
export function prorate(monthlyMinor: bigint, days: number, daysInMonth: number): bigint {
  if (days >= daysInMonth) return monthlyMinor;
  const d = BigInt(daysInMonth);
  return (monthlyMinor * BigInt(days) * 2n + d) / (2n * d);
}
