import { and, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../platform/db/database.ts';
import { badRequest, conflict, notFound } from '../platform/errors.ts';
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
    ).because('cycle.wrong-phase', { phase: cycle.phase, allowed: allowed.join(',') });
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

/**
 * Checks that every id names an open item of the cycle's given slice; the problems point at
 * `${pointer}/<id>` in the request.
 */
export async function assertSliceItems(
  executor: Executor,
  coopId: string,
  cycleId: string,
  slice: 'sponsors' | 'community' | 'hackers',
  ids: string[],
  pointer: string,
): Promise<void> {
  if (ids.length === 0) return;
  const known = await executor
    .select({ id: workItems.id })
    .from(workItems)
    .where(
      and(
        eq(workItems.coopId, coopId),
        eq(workItems.cycleId, cycleId),
        eq(workItems.originClass, slice),
        inArray(workItems.status, ['proposed', 'planned']),
        inArray(workItems.id, ids),
      ),
    );
  const knownIds = new Set(known.map((k) => k.id));
  const unknown = ids.filter((id) => !knownIds.has(id));
  const what = `not a ${slice === 'hackers' ? 'hacker' : slice === 'sponsors' ? 'sponsor' : 'community'} item of this cycle`;
  if (unknown.length > 0)
    throw badRequest(
      `Some items are ${what.replace(/^not an? /, 'not ')}.`.replace(' item of', ' items of'),
      unknown.map((id) => ({ pointer: `${pointer}/${id}`, message: what })),
    ).because('work-item.not-in-slice');
}
