import { and, eq, gt, or, sql } from 'drizzle-orm';
import type { Executor } from '../platform/db/database.ts';
import { loginFailures } from '../platform/db/schema.ts';
import { tooManyRequests } from '../platform/errors.ts';

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

export async function assertNotThrottled(
  executor: Executor,
  coopId: string,
  account: string,
  address: string | undefined,
): Promise<void> {
  // One statement for both counters: this runs on every sign-in, including a venue's rush.
  const [row] = await executor
    .select({
      account: sql<number>`(count(*) filter (where ${loginFailures.scope} = 'account'))::int`,
      address: sql<number>`(count(*) filter (where ${loginFailures.scope} = 'address'))::int`,
    })
    .from(loginFailures)
    .where(
      and(
        eq(loginFailures.coopId, coopId),
        gt(
          loginFailures.failedAt,
          sql`now() - make_interval(mins => ${throttleLimits.windowMinutes})`,
        ),
        or(
          and(eq(loginFailures.scope, 'account'), eq(loginFailures.key, account)),
          and(eq(loginFailures.scope, 'address'), eq(loginFailures.key, address ?? '')),
        ),
      ),
    );
  if ((row?.account ?? 0) >= throttleLimits.perAccount) {
    throw tooManyRequests(
      `Too many failed sign-ins for this account. Try again in ${throttleLimits.windowMinutes} minutes, or reset your password.`,
    );
  }
  if (address && (row?.address ?? 0) >= throttleLimits.perAddress) {
    throw tooManyRequests(
      `Too many failed sign-ins from your network address. Try again in ${throttleLimits.windowMinutes} minutes.`,
    );
  }
}

export async function recordFailure(
  executor: Executor,
  coopId: string,
  account: string,
  address: string | undefined,
): Promise<void> {
  const rows: (typeof loginFailures.$inferInsert)[] = [{ coopId, scope: 'account', key: account }];
  if (address) rows.push({ coopId, scope: 'address', key: address });
  await executor.insert(loginFailures).values(rows);
}
