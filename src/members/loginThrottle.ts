import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../platform/db/database.ts';
import { loginFailures } from '../platform/db/schema.ts';
import { queryRows } from '../platform/db/rows.ts';
import { tooManyRequests, type AppError } from '../platform/errors.ts';

/**
 * Only failures count, in a 15-minute window:
 * - 5 per account from one address (`pair`): the guesser is slowed, the owner elsewhere is not;
 * - 50 per address across accounts: slows a scan without troubling a venue whose thousand
 *   attendees share one address and mostly type their password right;
 * - 100 per account from anywhere: a ceiling on guessing spread over many addresses (NIST SP
 *   800-63B's 100), at most 9,600 guesses a day against a password of 10 characters or more.
 *   Reaching it locks the account for everyone; its owner comes in by a mailed sign-in link.
 */
export const throttleLimits = {
  windowMinutes: 15,
  perPair: 5,
  perAddress: 50,
  perAccount: 100,
};

export interface FailureCounts {
  account: number;
  pair: number;
  address: number;
}

/** The key of one account seen from one address. */
const pairKey = (account: string, address: string) => `${account} ${address}`;

/**
 * The recent failures (and reserved attempts) for an account, for the account from this address,
 * and for the address, as one row: a query of its own, or the first step of the code sign-in's
 * single statement.
 */
export const recentFailures = (
  coopId: string,
  account: string,
  address: string | undefined,
  now: Date,
): SQL =>
  sql`select (count(*) filter (where scope = 'account'))::int as account,
        (count(*) filter (where scope = 'pair'))::int as pair,
        (count(*) filter (where scope = 'address'))::int as address
      from login_failures
      where coop_id = ${coopId}
        and failed_at > ${new Date(now.getTime() - throttleLimits.windowMinutes * 60_000).toISOString()}::timestamptz
        and ((scope = 'account' and key = ${account})
          or (scope = 'pair' and key = ${address ? pairKey(account, address) : ''})
          or (scope = 'address' and key = ${address ?? ''}))`;

/** The refusal the counts of earlier failures call for, if any. */
export function throttled(counts: FailureCounts, address: string | undefined): AppError | null {
  if (counts.account >= throttleLimits.perAccount)
    return tooManyRequests(
      `Too many failed sign-ins for this account. Ask for a sign-in link by mail, or try again in ${throttleLimits.windowMinutes} minutes.`,
    ).because('sign-in.throttled-account', { minutes: throttleLimits.windowMinutes });
  if (address && counts.pair >= throttleLimits.perPair)
    return tooManyRequests(
      `Too many failed sign-ins for this account from your network address. Try again in ${throttleLimits.windowMinutes} minutes, ask for a sign-in link by mail, or reset your password.`,
    ).because('sign-in.throttled-pair', { minutes: throttleLimits.windowMinutes });
  if (address && counts.address >= throttleLimits.perAddress)
    return tooManyRequests(
      `Too many failed sign-ins from your network address. Try again in ${throttleLimits.windowMinutes} minutes.`,
    ).because('sign-in.throttled-address', { minutes: throttleLimits.windowMinutes });
  return null;
}

/** An attempt counted before its password is checked; ended if the password is right. */
export interface Reservation {
  ids: number[];
}

/**
 * Counts a password attempt as a failure *before* its slow hash, then reads the counts: of
 * any number of guesses arriving at once, each sees every one committed before it, so no more
 * than the limit get past. The insert commits on its own (no transaction around the hash), which
 * is what lets concurrent attempts see it. The address scope is left out: a reservation there
 * would let a venue's simultaneous right passwords hold each other up; the address's failures
 * are recorded once known (`recordFailure`), and each account's own limits stay exact.
 */
export async function reserveAttempt(
  executor: Executor,
  coopId: string,
  account: string,
  address: string | undefined,
  now: Date,
): Promise<Reservation> {
  const rows: (typeof loginFailures.$inferInsert)[] = [
    { coopId, scope: 'account', key: account, failedAt: now },
  ];
  if (address) rows.push({ coopId, scope: 'pair', key: pairKey(account, address), failedAt: now });
  const inserted = await executor
    .insert(loginFailures)
    .values(rows)
    .returning({ id: loginFailures.id });
  const reservation = { ids: inserted.map((r) => r.id) };
  const [counts] = await queryRows<FailureCounts>(
    executor,
    recentFailures(coopId, account, address, now),
  );
  // The counts include this attempt: it may go ahead if the earlier ones are under the limits.
  const refusal =
    counts &&
    throttled(
      { account: counts.account - 1, pair: counts.pair - 1, address: counts.address },
      address,
    );
  if (refusal) {
    // A refused attempt checks nothing, so it is not a failure: it does not prolong the lock.
    await releaseAttempt(executor, coopId, reservation);
    throw refusal;
  }
  return reservation;
}

/** The attempt was no failure (the password was right, or it was never checked). */
export async function releaseAttempt(
  executor: Executor,
  coopId: string,
  reservation: Reservation,
): Promise<void> {
  if (reservation.ids.length === 0) return;
  await executor
    .delete(loginFailures)
    .where(and(eq(loginFailures.coopId, coopId), inArray(loginFailures.id, reservation.ids)));
}

/** A failure of an unreserved attempt (a wrong code), or the address's share of a wrong password. */
export async function recordFailure(
  executor: Executor,
  coopId: string,
  account: string,
  address: string | undefined,
  now: Date,
  scopes: { account: boolean } = { account: true },
): Promise<void> {
  const rows: (typeof loginFailures.$inferInsert)[] = [];
  if (scopes.account) {
    rows.push({ coopId, scope: 'account', key: account, failedAt: now });
    if (address)
      rows.push({ coopId, scope: 'pair', key: pairKey(account, address), failedAt: now });
  }
  if (address) rows.push({ coopId, scope: 'address', key: address, failedAt: now });
  if (rows.length > 0) await executor.insert(loginFailures).values(rows);
}
