import { and, desc, eq, inArray, ne, type SQL } from 'drizzle-orm';
import type { Executor } from '../platform/db/database.ts';
import { dayOf } from '../platform/dates.ts';
import type { ReleaseRow } from './repository.ts';
import { releases, type ReleaseKind } from './schema.ts';

const view = (r: ReleaseRow) => ({
  id: r.id,
  project: r.project,
  version: r.version,
  kind: r.kind,
  title: r.title,
  summary: r.summary,
  plannedOn: r.plannedOn,
  state: r.state,
  publishedAt: r.publishedAt,
  withdrawnAt: r.withdrawnAt,
  createdAt: r.createdAt,
});
export type ReleaseView = ReturnType<typeof view>;

/** Releases and planned changes, the latest planned day first. */
export async function listReleases(
  executor: Executor,
  coopId: string,
  options: { kind?: ReleaseKind | undefined; withWithdrawn: boolean },
): Promise<ReleaseView[]> {
  const where: SQL[] = [eq(releases.coopId, coopId)];
  if (options.kind) where.push(eq(releases.kind, options.kind));
  if (!options.withWithdrawn) where.push(ne(releases.state, 'withdrawn'));
  const rows = await executor
    .select()
    .from(releases)
    .where(and(...where))
    .orderBy(desc(releases.plannedOn), desc(releases.createdAt));
  return rows.map(view);
}

/** One release; a withdrawn one is unknown to those who may not read it. */
export async function getRelease(
  executor: Executor,
  coopId: string,
  id: string,
  options: { withWithdrawn: boolean },
): Promise<ReleaseView | null> {
  const [row] = await executor
    .select()
    .from(releases)
    .where(and(eq(releases.coopId, coopId), eq(releases.id, id)));
  if (!row || (row.state === 'withdrawn' && !options.withWithdrawn)) return null;
  return view(row);
}

/**
 * The releases among `ids` (those tagged with a sponsor's topics) that concern a period: published
 * in it, or still planned to take effect in it. Withdrawn ones are left out.
 */
export async function releasesInPeriod(
  executor: Executor,
  coopId: string,
  ids: string[],
  period: { from: string; to: string },
): Promise<ReleaseView[]> {
  if (ids.length === 0) return [];
  const rows = await executor
    .select()
    .from(releases)
    .where(
      and(eq(releases.coopId, coopId), inArray(releases.id, ids), ne(releases.state, 'withdrawn')),
    )
    .orderBy(releases.plannedOn, releases.project);
  const within = (day: string) => day >= period.from && day <= period.to;
  return rows
    .filter((r) =>
      r.state === 'published' && r.publishedAt ? within(dayOf(r.publishedAt)) : within(r.plannedOn),
    )
    .map(view);
}
