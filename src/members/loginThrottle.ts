import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../platform/db/database.ts';
import { loginFailures } from '../platform/db/schema.ts';
import { queryRows } from '../platform/db/rows.ts';
import { tooManyRequests, type AppError } from '../platform/errors.ts';

/**
 * Only failures count. Per account: 5 in 15 minutes protects one password from guessing. Per
 * address: 50 in 15 minutes slows a scan across accounts without troubling a venue whose
 * thousand attendees share one address and mostly type their password right.
 */
export const throttleLimits = {
  windowMinutes: 15,
  perAccount: 5,
  perAddress: 50,
};

export interface FailureCounts {
  account: number;
  address: number;
}

/**
 * The recent failures for an account and an address, as one row `(account, address)`: a
 * query of its own, or the first step of the code sign-in's single statement.
 */
export const recentFailures = (
  coopId: string,
  account: string,
  address: string | undefined,
  now: Date,
): SQL =>
  sql`select (count(*) filter (where scope = 'account'))::int as account,
        (count(*) filter (where scope = 'address'))::int as address
      from login_failures
      where coop_id = ${coopId}
        and failed_at > ${new Date(now.getTime() - throttleLimits.windowMinutes * 60_000).toISOString()}::timestamptz
        and ((scope = 'account' and key = ${account})
          or (scope = 'address' and key = ${address ?? ''}))`;

/** The refusal the counts call for, if any. */
export function throttled(counts: FailureCounts, address: string | undefined): AppError | null {
  if (counts.account >= throttleLimits.perAccount)
    return tooManyRequests(
      `Too many failed sign-ins for this account. Try again in ${throttleLimits.windowMinutes} minutes, or reset your password.`,
    );
  if (address && counts.address >= throttleLimits.perAddress)
    return tooManyRequests(
      `Too many failed sign-ins from your network address. Try again in ${throttleLimits.windowMinutes} minutes.`,
    );
  return null;
}

export async function assertNotThrottled(
  executor: Executor,
  coopId: string,
  account: string,
  address: string | undefined,
  now: Date,
): Promise<void> {
  const [counts] = await queryRows<FailureCounts>(
    executor,
    recentFailures(coopId, account, address, now),
  );
  const refusal = counts && throttled(counts, address);
  if (refusal) throw refusal;
}

export async function recordFailure(
  executor: Executor,
  coopId: string,
  account: string,
  address: string | undefined,
  now: Date,
): Promise<void> {
  const rows: (typeof loginFailures.$inferInsert)[] = [
    { coopId, scope: 'account', key: account, failedAt: now },
  ];
  if (address) rows.push({ coopId, scope: 'address', key: address, failedAt: now });
  await executor.insert(loginFailures).values(rows);
}
