import { eq, max } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.ts';
import { yearEndCloses } from '../schema.ts';

/** The last day of the latest closed fiscal year, or null before any close. */
export async function lastClosedDay(executor: Executor, coopId: string): Promise<string | null> {
  const [row] = await executor
    .select({ day: max(yearEndCloses.toDay) })
    .from(yearEndCloses)
    .where(eq(yearEndCloses.coopId, coopId));
  return row?.day ?? null;
}
