/** Calendar arithmetic on ISO days (`YYYY-MM-DD`), in UTC, without a library. */

const parts = (day: string) => day.split('-').map(Number) as [number, number, number];
const iso = (d: Date) => d.toISOString().slice(0, 10);

/** The same day of the month `n` months on (or back), clamped to the month's last day. */
export function shiftMonths(day: string, n: number): string {
  const [y, m, d] = parts(day);
  const last = new Date(Date.UTC(y, m - 1 + n + 1, 0)).getUTCDate();
  return iso(new Date(Date.UTC(y, m - 1 + n, Math.min(d, last))));
}

/** The calendar day of an instant, in UTC. */
export const dayOf = (instant: Date): string => iso(instant);

/** Today's date in UTC: the day the server counts in. */
export const todayUtc = (): string => iso(new Date());

/** The fiscal year a day falls in, when years start in `startMonth`: year N starts in N. */
export const fiscalYearOfDay = (day: string, startMonth: number): number =>
  Number(day.slice(5, 7)) >= startMonth ? Number(day.slice(0, 4)) : Number(day.slice(0, 4)) - 1;

export const firstOfMonth = (day: string): string => `${day.slice(0, 7)}-01`;

export function lastOfMonth(day: string): string {
  const [y, m] = parts(day);
  return iso(new Date(Date.UTC(y, m, 0)));
}

export const addDays = (day: string, n: number): string =>
  iso(new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000));
