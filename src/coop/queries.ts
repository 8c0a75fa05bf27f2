import { asc, eq } from 'drizzle-orm';
import type { Executor } from '../platform/db/database.ts';
import { coops } from '../platform/db/schema.ts';
import { notFound } from '../platform/errors.ts';

export type Coop = typeof coops.$inferSelect;

export async function coopById(executor: Executor, coopId: string): Promise<Coop> {
  const [coop] = await executor.select().from(coops).where(eq(coops.id, coopId));
  if (!coop) throw notFound('The co-op');
  return coop;
}

/** The currency the co-op keeps its books in. */
export const coopCurrency = async (executor: Executor, coopId: string): Promise<string> =>
  (await coopById(executor, coopId)).currency;

export async function coopBySlug(executor: Executor, slug: string): Promise<Coop | undefined> {
  const [coop] = await executor.select().from(coops).where(eq(coops.slug, slug));
  return coop;
}

export async function coopByHostName(
  executor: Executor,
  hostName: string,
): Promise<Coop | undefined> {
  const [coop] = await executor.select().from(coops).where(eq(coops.hostName, hostName));
  return coop;
}

/** Every co-op on the deployment, oldest first. */
export const listCoops = (executor: Executor): Promise<Coop[]> =>
  executor.select().from(coops).orderBy(asc(coops.createdAt), asc(coops.id));

/**
 * The oldest co-op. Only for the deployment's default, where one co-op runs alone: requests and
 * CLI commands resolve theirs by host name or `--coop`.
 */
export async function findCoop(executor: Executor): Promise<Coop | undefined> {
  const [coop] = await listCoops(executor);
  return coop;
}
