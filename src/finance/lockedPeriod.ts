import { and, eq, gte, isNull, lte } from 'drizzle-orm';
import type { Executor } from '../platform/db/database.ts';
import { periodLocks } from './schema.ts';

/** The lock (not reopened) that covers a day, if any: nothing dated in it may change. */
export async function lockCovering(
  executor: Executor,
  coopId: string,
  day: string,
): Promise<{ fromDay: string; toDay: string } | undefined> {
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
