import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { organizations } from '../organizations/schema.ts';
import type { Executor } from '../platform/db/database.ts';
import { notFound } from '../platform/errors.ts';
import { listCredits } from './credits/creditQueries.ts';
import {
  serviceClockEntries,
  serviceClocks,
  type ClockState,
  type ServiceCreditState,
} from './schema.ts';

type ClockRow = typeof serviceClocks.$inferSelect;

function clockView(c: ClockRow, organizationName: string, now: Date) {
  return {
    id: c.id,
    organizationId: c.organizationId,
    organizationName,
    kind: c.kind,
    subjectType: c.subjectType,
    subjectId: c.subjectId,
    sequence: c.sequence,
    severity: c.severity,
    agreementId: c.agreementId,
    targetMinutes: c.targetMinutes,
    mode: c.mode,
    pausable: c.pausable,
    timeZone: c.calendar?.timeZone ?? null,
    state: c.state,
    startedAt: c.startedAt,
    deadlineAt: c.deadlineAt,
    warned: c.warned,
    stoppedAt: c.stoppedAt,
    /**
     * Milliseconds to the deadline for a running clock (negative once past it, before the
     * breach is recorded); for a paused one, what is left of its target; null once stopped.
     */
    msLeft:
      c.state === 'running' && c.deadlineAt
        ? c.deadlineAt.getTime() - now.getTime()
        : c.state === 'paused'
          ? c.targetMinutes * 60_000 - c.usedMs
          : null,
  };
}
export type ClockView = ReturnType<typeof clockView>;

/**
 * Clocks, soonest deadline first (paused ones after the running, stopped ones last, newest
 * first); only one organization's when `organizationId` is given.
 */
export async function listClocks(
  executor: Executor,
  coopId: string,
  options: { organizationId?: string | undefined; states?: readonly ClockState[]; now: Date },
) {
  const where: SQL[] = [eq(serviceClocks.coopId, coopId)];
  if (options.organizationId) where.push(eq(serviceClocks.organizationId, options.organizationId));
  if (options.states) where.push(inArray(serviceClocks.state, [...options.states]));
  const rows = await executor
    .select({ clock: serviceClocks, name: organizations.displayName })
    .from(serviceClocks)
    .innerJoin(
      organizations,
      and(
        eq(organizations.coopId, serviceClocks.coopId),
        eq(organizations.id, serviceClocks.organizationId),
      ),
    )
    .where(and(...where))
    .orderBy(
      sql`case ${serviceClocks.state} when 'running' then 0 when 'paused' then 1 else 2 end`,
      asc(serviceClocks.deadlineAt),
      desc(serviceClocks.startedAt),
    )
    .limit(500);
  return rows.map(({ clock, name }) => clockView(clock, name, options.now));
}

/** One clock with its entries, the evidence in the order it happened. */
export async function getClock(executor: Executor, coopId: string, clockId: string, now: Date) {
  const [row] = await executor
    .select({ clock: serviceClocks, name: organizations.displayName })
    .from(serviceClocks)
    .innerJoin(
      organizations,
      and(
        eq(organizations.coopId, serviceClocks.coopId),
        eq(organizations.id, serviceClocks.organizationId),
      ),
    )
    .where(and(eq(serviceClocks.coopId, coopId), eq(serviceClocks.id, clockId)));
  if (!row) throw notFound('This clock');
  const entries = await executor
    .select({
      kind: serviceClockEntries.kind,
      at: serviceClockEntries.at,
      byPersonId: serviceClockEntries.byPersonId,
      reason: serviceClockEntries.reason,
    })
    .from(serviceClockEntries)
    .where(and(eq(serviceClockEntries.coopId, coopId), eq(serviceClockEntries.clockId, clockId)))
    .orderBy(asc(serviceClockEntries.at), asc(serviceClockEntries.createdAt));
  return { ...clockView(row.clock, row.name, now), entries };
}

/**
 * A sponsor's compliance report for a period: every clock started in it, with its evidence, and
 * how many were met and breached.
 */
export async function complianceReport(
  executor: Executor,
  coopId: string,
  organizationId: string,
  period: { from: string; to: string },
  now: Date,
  options: { creditStates?: readonly ServiceCreditState[] | undefined } = {},
) {
  const rows = await executor
    .select({ clock: serviceClocks, name: organizations.displayName })
    .from(serviceClocks)
    .innerJoin(
      organizations,
      and(
        eq(organizations.coopId, serviceClocks.coopId),
        eq(organizations.id, serviceClocks.organizationId),
      ),
    )
    .where(
      and(
        eq(serviceClocks.coopId, coopId),
        eq(serviceClocks.organizationId, organizationId),
        sql`${serviceClocks.startedAt} >= ${period.from}::date`,
        sql`${serviceClocks.startedAt} < (${period.to}::date + 1)`,
      ),
    )
    .orderBy(asc(serviceClocks.startedAt), asc(serviceClocks.kind));
  const ids = rows.map((r) => r.clock.id);
  const entries =
    ids.length === 0
      ? []
      : await executor
          .select()
          .from(serviceClockEntries)
          .where(
            and(eq(serviceClockEntries.coopId, coopId), inArray(serviceClockEntries.clockId, ids)),
          )
          .orderBy(asc(serviceClockEntries.at), asc(serviceClockEntries.createdAt));
  const credits = await listCredits(executor, coopId, {
    organizationId,
    clockIds: ids,
    states: options.creditStates,
  });
  const clocks = rows.map(({ clock, name }) => ({
    ...clockView(clock, name, now),
    entries: entries
      .filter((e) => e.clockId === clock.id)
      .map((e) => ({ kind: e.kind, at: e.at, byPersonId: e.byPersonId, reason: e.reason })),
    /** The service credit its breach proposed, when the agreement promises one. */
    credit: credits.find((c) => c.clockId === clock.id) ?? null,
  }));
  const count = (state: ClockState) => clocks.filter((c) => c.state === state).length;
  return {
    organizationId,
    from: period.from,
    to: period.to,
    met: count('met'),
    breached: count('breached'),
    open: count('running') + count('paused'),
    clocks,
  };
}
