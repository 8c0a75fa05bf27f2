import { and, eq } from 'drizzle-orm';
import type { Executor } from '../platform/db/database.ts';
import { notFound } from '../platform/errors.ts';
import { opportunities } from './schema.ts';

export type OpportunityRow = typeof opportunities.$inferSelect;

/** One opportunity, locked for the command that changes it. */
export async function lockOpportunity(
  executor: Executor,
  coopId: string,
  opportunityId: string,
): Promise<OpportunityRow> {
  const [row] = await executor
    .select()
    .from(opportunities)
    .where(and(eq(opportunities.coopId, coopId), eq(opportunities.id, opportunityId)))
    .for('update');
  if (!row) throw notFound('This opportunity');
  return row;
}
