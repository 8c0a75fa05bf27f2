/**
 * The writes every clock command shares: a clock's row and its entries change together, the
 * entry is the evidence and the row its consequence. Each emits its event and queues the checks
 * that will record a warning or a breach at their moment.
 */
import { and, eq } from 'drizzle-orm';
import type { RunContext } from '../platform/commands.ts';
import { enqueueJob } from '../platform/jobs.ts';
import type { ServiceCalendar } from './calendar/serviceCalendar.ts';
import { deadlineOf, usedAt, warnAtOf, type ClockTiming } from './clockTiming.ts';
import {
  serviceClockBreached,
  serviceClockMet,
  serviceClockPaused,
  serviceClockResumed,
  serviceClockStarted,
  serviceClockWarned,
} from './events.ts';
import {
  serviceClockEntries,
  serviceClocks,
  type ClockEntryKind,
  type ClockKind,
} from './schema.ts';

export type ClockRow = typeof serviceClocks.$inferSelect;
export const clockDueJobKind = 'servicelevels.clock-due';

export const clockEvents = [
  serviceClockStarted,
  serviceClockPaused,
  serviceClockResumed,
  serviceClockWarned,
  serviceClockMet,
  serviceClockBreached,
];

interface Cause {
  at: Date;
  byPersonId?: string | null | undefined;
  reason?: string | null | undefined;
  causeEventSeq?: number | null | undefined;
}

const eventBase = (c: ClockRow) => ({
  organizationId: c.organizationId,
  kind: c.kind,
  forType: c.subjectType,
  forId: c.subjectId,
});

const timingOf = (c: ClockRow, runningSince: Date, usedMs = c.usedMs): ClockTiming => ({
  targetMinutes: c.targetMinutes,
  mode: c.mode,
  calendar: c.calendar,
  usedMs,
  runningSince,
});

async function addEntry(ctx: RunContext, clockId: string, kind: ClockEntryKind, cause: Cause) {
  await ctx.tx.insert(serviceClockEntries).values({
    coopId: ctx.coopId,
    clockId,
    kind,
    at: cause.at,
    byPersonId: cause.byPersonId ?? null,
    reason: cause.reason ?? null,
    causeEventSeq: cause.causeEventSeq ?? null,
  });
}

async function update(ctx: RunContext, clockId: string, set: Partial<ClockRow>) {
  const [row] = await ctx.tx
    .update(serviceClocks)
    .set(set)
    .where(and(eq(serviceClocks.coopId, ctx.coopId), eq(serviceClocks.id, clockId)))
    .returning();
  return row!;
}

/** The checks at 80% and at the deadline: a job each, which finds out then whether it still applies. */
async function queueChecks(ctx: RunContext, clock: ClockRow) {
  for (const [purpose, dueAt] of [
    ['warn', clock.warned ? null : clock.warnAt],
    ['breach', clock.deadlineAt],
  ] as const) {
    if (!dueAt) continue;
    await enqueueJob(ctx.tx, {
      coopId: ctx.coopId,
      kind: clockDueJobKind,
      payload: { clockId: clock.id, purpose, dueAt: dueAt.toISOString() },
      runAt: dueAt,
      dedupeKey: `${clock.id}:${purpose}:${dueAt.toISOString()}`,
    });
  }
}

export interface NewClock {
  organizationId: string;
  kind: ClockKind;
  subjectType: 'sponsor-request' | 'vulnerability';
  subjectId: string;
  sequence?: number;
  severity?: string | null;
  agreementId?: string | null;
  target: { hours: number; mode: 'wall' | 'business' };
  pausable: boolean;
  calendar: ServiceCalendar | null;
}

/** Starts a clock once: a second start of the same clock (a replayed event) changes nothing. */
export async function startClock(ctx: RunContext, clock: NewClock, cause: Cause) {
  const targetMinutes = Math.round(clock.target.hours * 60);
  const calendar = clock.target.mode === 'business' ? clock.calendar : null;
  const timing = {
    targetMinutes,
    mode: clock.target.mode,
    calendar,
    usedMs: 0,
    runningSince: cause.at,
  };
  const [row] = await ctx.tx
    .insert(serviceClocks)
    .values({
      coopId: ctx.coopId,
      organizationId: clock.organizationId,
      kind: clock.kind,
      subjectType: clock.subjectType,
      subjectId: clock.subjectId,
      sequence: clock.sequence ?? 1,
      severity: clock.severity ?? null,
      agreementId: clock.agreementId ?? null,
      targetMinutes,
      mode: clock.target.mode,
      pausable: clock.pausable,
      calendar,
      state: 'running',
      startedAt: cause.at,
      runningSince: cause.at,
      deadlineAt: deadlineOf(timing),
      warnAt: warnAtOf(timing),
    })
    .onConflictDoNothing()
    .returning();
  if (!row) return null;
  await addEntry(ctx, row.id, 'started', cause);
  await ctx.emit(serviceClockStarted, row.id, {
    ...eventBase(row),
    targetMinutes,
    mode: row.mode,
    deadlineAt: row.deadlineAt!.toISOString(),
  });
  await queueChecks(ctx, row);
  return row;
}

/**
 * What a clock's promise asked for happened (a reply, a resolution, an impact note). Before the
 * deadline it is met. After it, the breach stands (recorded now, at the deadline, if the check
 * has not run yet) and the late answer is recorded beside it. A breach the check recorded before
 * an earlier answer was followed is withdrawn: the answer's moment decides, not the order in
 * which the co-op learnt of them.
 */
export async function meetClock(ctx: RunContext, clock: ClockRow, cause: Cause) {
  if (clock.state === 'met') return clock;
  const deadline = clock.state === 'paused' ? null : clock.deadlineAt;
  if (clock.state === 'breached') {
    if (clock.deadlineAt && cause.at.getTime() <= clock.deadlineAt.getTime())
      return met(ctx, clock, {
        ...cause,
        reason:
          'answered before the deadline; the breach was recorded before the answer was followed',
      });
    await addEntry(ctx, clock.id, 'answered-late', cause);
    return update(ctx, clock.id, { stoppedAt: cause.at });
  }
  if (deadline && cause.at.getTime() > deadline.getTime()) {
    const breached = await breachClock(ctx, clock);
    await addEntry(ctx, clock.id, 'answered-late', cause);
    return update(ctx, breached.id, { stoppedAt: cause.at });
  }
  return met(ctx, clock, cause);
}

async function met(ctx: RunContext, clock: ClockRow, cause: Cause) {
  await addEntry(ctx, clock.id, 'met', cause);
  const row = await update(ctx, clock.id, {
    state: 'met',
    stoppedAt: cause.at,
    runningSince: null,
    usedMs:
      clock.state === 'running' && clock.runningSince
        ? usedAt(timingOf(clock, clock.runningSince), cause.at)
        : clock.usedMs,
  });
  await ctx.emit(serviceClockMet, clock.id, {
    ...eventBase(clock),
    at: cause.at.toISOString(),
    deadlineAt: (clock.deadlineAt ?? cause.at).toISOString(),
  });
  return row;
}

export async function pauseClock(
  ctx: RunContext,
  clock: ClockRow,
  cause: Cause & { reason: string },
) {
  if (clock.state !== 'running' || !clock.pausable || !clock.runningSince) return clock;
  if (clock.deadlineAt && cause.at.getTime() >= clock.deadlineAt.getTime()) return clock;
  await addEntry(ctx, clock.id, 'paused', cause);
  const row = await update(ctx, clock.id, {
    state: 'paused',
    usedMs: usedAt(timingOf(clock, clock.runningSince), cause.at),
    runningSince: null,
    deadlineAt: null,
    warnAt: null,
  });
  await ctx.emit(serviceClockPaused, clock.id, { ...eventBase(clock), reason: cause.reason });
  return row;
}

export async function resumeClock(ctx: RunContext, clock: ClockRow, cause: Cause) {
  if (clock.state !== 'paused') return clock;
  const timing = timingOf(clock, cause.at);
  await addEntry(ctx, clock.id, 'resumed', cause);
  const row = await update(ctx, clock.id, {
    state: 'running',
    runningSince: cause.at,
    deadlineAt: deadlineOf(timing),
    warnAt: clock.warned ? null : warnAtOf(timing),
  });
  await ctx.emit(serviceClockResumed, clock.id, {
    ...eventBase(clock),
    deadlineAt: row.deadlineAt!.toISOString(),
  });
  await queueChecks(ctx, row);
  return row;
}

/** The breach, at the deadline's moment: the moment the promise was broken. */
export async function breachClock(ctx: RunContext, clock: ClockRow) {
  if (clock.state !== 'running' || !clock.deadlineAt) return clock;
  await addEntry(ctx, clock.id, 'breached', { at: clock.deadlineAt });
  const row = await update(ctx, clock.id, {
    state: 'breached',
    usedMs: clock.targetMinutes * 60_000,
    runningSince: null,
  });
  await ctx.emit(serviceClockBreached, clock.id, {
    ...eventBase(clock),
    deadlineAt: clock.deadlineAt.toISOString(),
  });
  return row;
}

export async function warnClock(ctx: RunContext, clock: ClockRow) {
  if (clock.state !== 'running' || clock.warned || !clock.warnAt || !clock.deadlineAt) return clock;
  await addEntry(ctx, clock.id, 'warned', { at: clock.warnAt });
  const row = await update(ctx, clock.id, { warned: true });
  await ctx.emit(serviceClockWarned, clock.id, {
    ...eventBase(clock),
    deadlineAt: clock.deadlineAt.toISOString(),
  });
  return row;
}

export async function lockClocks(
  ctx: RunContext,
  where: { subjectId: string; organizationId?: string; kind?: ClockKind },
) {
  const conditions = [
    eq(serviceClocks.coopId, ctx.coopId),
    eq(serviceClocks.subjectId, where.subjectId),
  ];
  if (where.organizationId) conditions.push(eq(serviceClocks.organizationId, where.organizationId));
  if (where.kind) conditions.push(eq(serviceClocks.kind, where.kind));
  return ctx.tx
    .select()
    .from(serviceClocks)
    .where(and(...conditions))
    .orderBy(serviceClocks.kind, serviceClocks.sequence)
    .for('update');
}
