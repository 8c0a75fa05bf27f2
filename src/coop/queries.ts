import { asc } from 'drizzle-orm';
import type { Executor } from '../platform/db/database.ts';
import { coops } from '../platform/db/schema.ts';

export type Coop = typeof coops.$inferSelect;

/** One co-op per deployment for now; the tables already carry its id for many. */
export async function findCoop(executor: Executor): Promise<Coop | undefined> {
  const [coop] = await executor.select().from(coops).orderBy(asc(coops.createdAt)).limit(1);
  return coop;
}
