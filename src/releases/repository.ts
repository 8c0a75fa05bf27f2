import { and, eq } from 'drizzle-orm';
import type { Executor } from '../platform/db/database.ts';
import { notFound } from '../platform/errors.ts';
import { releases } from './schema.ts';

export type ReleaseRow = typeof releases.$inferSelect;

export async function loadRelease(
  executor: Executor,
  coopId: string,
  id: string,
  { lock = false } = {},
): Promise<ReleaseRow> {
  const query = executor
    .select()
    .from(releases)
    .where(and(eq(releases.coopId, coopId), eq(releases.id, id)));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw notFound('This release');
  return row;
}

/** What the events say of a change. */
export const changeOf = (r: ReleaseRow) => ({
  project: r.project,
  version: r.version,
  kind: r.kind,
  plannedOn: r.plannedOn,
});
