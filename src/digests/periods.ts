import type { TierEntitlements } from '../agreements/index.ts';
import { addDays, firstOfMonth, lastOfMonth, shiftMonths } from '../platform/dates.ts';
import type { DigestFrequency } from './schema.ts';

export interface DigestPeriod {
  from: string;
  to: string;
  frequency: DigestFrequency;
}

/** The period of a frequency a day falls in: ISO weeks from Monday, calendar months, quarters. */
export function periodContaining(frequency: DigestFrequency, day: string): DigestPeriod {
  if (frequency === 'weekly') {
    // 1970-01-05 was a Monday: whole days since then, modulo 7, are the days since Monday.
    const sinceMonday =
      ((((Date.parse(`${day}T00:00:00Z`) - Date.parse('1970-01-05T00:00:00Z')) / 86_400_000) % 7) +
        7) %
      7;
    const from = addDays(day, -sinceMonday);
    return { from, to: addDays(from, 6), frequency };
  }
  if (frequency === 'monthly') return { from: firstOfMonth(day), to: lastOfMonth(day), frequency };
  const month = Number(day.slice(5, 7));
  const from = `${day.slice(0, 4)}-${String(month - ((month - 1) % 3)).padStart(2, '0')}-01`;
  return { from, to: lastOfMonth(shiftMonths(from, 2)), frequency };
}

/** The latest period that has ended before `today`: the one a digest is due for. */
export const lastEndedPeriod = (frequency: DigestFrequency, today: string): DigestPeriod =>
  periodContaining(frequency, addDays(periodContaining(frequency, today).from, -1));

const oftenFirst: readonly DigestFrequency[] = ['weekly', 'monthly', 'quarterly'];

/**
 * How often a sponsor gets a digest: the most frequent its tiers promise (an agreement with a
 * monthly tier and a quarterly add-on hears monthly); null when none promises one.
 */
export function digestFrequencyOf(
  tiers: readonly { entitlements: Pick<TierEntitlements, 'digest'> }[],
): DigestFrequency | null {
  const promised = new Set(tiers.map((t) => t.entitlements.digest));
  return oftenFirst.find((f) => promised.has(f)) ?? null;
}
