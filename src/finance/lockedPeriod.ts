import { and, eq, gte, isNull, lte, sql } from 'drizzle-orm';
import type { Executor, Tx } from '../platform/db/database.ts';
import { periodLocks } from './schema.ts';

/**
 * Waits until no transaction is locking a period of the co-op, and keeps any from starting
 * until this one ends: what every posting does (the ledger trigger, migration 0011) before it
 * looks for a lock on its day. Anything else dated in a period that a close counts (funding
 * recorded by hand) takes it through `lockCovering`.
 */
async function sharePeriods(tx: Executor, coopId: string): Promise<void> {
  await tx.execute(sql`select ledger_share_periods(${coopId}::uuid)`);
}

/**
 * Waits for the postings under way to commit and holds back new ones until this transaction
 * ends: a close takes it before reading its figures (a period lock's insert takes it too, in
 * its trigger).
 */
export async function lockPeriodsExclusively(tx: Tx, coopId: string): Promise<void> {
  await tx.execute(sql`select ledger_lock_periods(${coopId}::uuid)`);
}

/**
 * The lock (not reopened) that covers a day, if any: nothing dated in it may change. Read
 * under the shared periods lock, so a close or lock being committed is waited for and seen.
 */
export async function lockCovering(
  executor: Executor,
  coopId: string,
  day: string,
): Promise<{ fromDay: string; toDay: string } | undefined> {
  await sharePeriods(executor, coopId);
  const [lock] = await executor
    .select({ fromDay: periodLocks.fromDay, toDay: periodLocks.toDay })
    .from(periodLocks)
    .where(
      and(
        eq(periodLocks.coopId, coopId),
        lte(periodLocks.fromDay, day),
        gte(periodLocks.toDay, day),
        isNull(periodLocks.reopenedAt),
      ),
    )
    .limit(1);
  return lock;
}
