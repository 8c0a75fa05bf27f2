import { and, eq } from 'drizzle-orm';
import type { Executor } from '../platform/db/database.ts';
import { conflict, notFound } from '../platform/errors.ts';
import { cycles, workItems, type CyclePhase } from './schema.ts';

export type Cycle = typeof cycles.$inferSelect;
export type WorkItem = typeof workItems.$inferSelect;

export async function loadCycle(
  executor: Executor,
  coopId: string,
  cycleId: string,
  forUpdate = false,
): Promise<Cycle> {
  const query = executor
    .select()
    .from(cycles)
    .where(and(eq(cycles.coopId, coopId), eq(cycles.id, cycleId)));
  const [cycle] = forUpdate ? await query.for('update') : await query;
  if (!cycle) throw notFound('This cycle');
  return cycle;
}

export function assertPhase(cycle: Cycle, allowed: readonly CyclePhase[], doing: string): void {
  if (!allowed.includes(cycle.phase))
    throw conflict(
      `The cycle is ${cycle.phase}: ${doing} is possible only while it is ${allowed.join(' or ')}.`,
    );
}

export async function loadWorkItem(
  executor: Executor,
  coopId: string,
  itemId: string,
  forUpdate = false,
): Promise<WorkItem> {
  const query = executor
    .select()
    .from(workItems)
    .where(and(eq(workItems.coopId, coopId), eq(workItems.id, itemId)));
  const [item] = forUpdate ? await query.for('update') : await query;
  if (!item) throw notFound(`Work item ${itemId}`);
  return item;
}
