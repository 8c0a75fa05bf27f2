import { z } from 'zod';
import { agreementInForce, agreementServiceTerms } from '../../agreements/index.ts';
import { defineCommand, type RunContext } from '../../platform/commands.ts';
import { dayOf } from '../../platform/dates.ts';
import {
  requestSeverities,
  sponsorRequestOpened,
  sponsorRequestReopened,
  sponsorRequestReplied,
  sponsorRequestResolved,
  sponsorRequestWaiting,
} from '../../requests/events.ts';
import { serviceCalendarOf } from '../calendarQueries.ts';
import {
  clockEvents,
  lockClocks,
  meetClock,
  pauseClock,
  resumeClock,
  startClock,
} from '../clockWrites.ts';
import { serviceLevelsPolicy } from '../policy.ts';
import { serviceLevelFollowedEvents } from '../schema.ts';
import { targetsFor } from '../targets.ts';
import { vulnerabilityResponseTargetFor } from '../vulnerabilityWindow.ts';

export const followedRequestEventSchema = z.strictObject({
  seq: z.number().int(),
  type: z.string(),
  requestId: z.uuid(),
  actorId: z.uuid().nullable(),
  data: z.record(z.string(), z.unknown()),
  occurredAt: z.date(),
});

/**
 * The clocks following a sponsor's request: the events' moments are the clocks' moments, and
 * each event is followed once (delivery is at least once).
 */
export const followRequestEvent = defineCommand({
  name: 'servicelevels.followRequestEvent',
  input: followedRequestEventSchema,
  policy: serviceLevelsPolicy.automatic,
  events: clockEvents,
  async run(tx, event, ctx) {
    const fresh = await tx
      .insert(serviceLevelFollowedEvents)
      .values({ coopId: ctx.coopId, eventSeq: event.seq })
      .onConflictDoNothing()
      .returning();
    if (fresh.length === 0) return 'already followed';
    const cause = { at: event.occurredAt, causeEventSeq: event.seq };
    const requestId = event.requestId;
    switch (event.type) {
      case sponsorRequestOpened.name:
        await opened(ctx, requestId, sponsorRequestOpened.data.parse(event.data), cause);
        break;
      case sponsorRequestReplied.name: {
        const data = sponsorRequestReplied.data.parse(event.data);
        const clocks = await lockClocks(ctx, {
          subjectId: requestId,
          organizationId: data.organizationId,
        });
        const who = { ...cause, byPersonId: data.byPersonId };
        if (data.side === 'coop') {
          for (const clock of clocks)
            if (
              ['first-response', 'vulnerability-response', 'update'].includes(clock.kind) &&
              clock.stoppedAt === null
            )
              await meetClock(ctx, clock, who);
          await restartUpdateClock(ctx, requestId, data.organizationId, clocks, cause);
        } else {
          for (const clock of clocks) await resumeClock(ctx, clock, who);
        }
        break;
      }
      case sponsorRequestWaiting.name: {
        const data = sponsorRequestWaiting.data.parse(event.data);
        const clocks = await lockClocks(ctx, {
          subjectId: requestId,
          organizationId: data.organizationId,
        });
        for (const clock of clocks)
          await pauseClock(ctx, clock, {
            ...cause,
            byPersonId: event.actorId,
            reason: data.reason,
          });
        break;
      }
      case sponsorRequestResolved.name: {
        const data = sponsorRequestResolved.data.parse(event.data);
        const clocks = await lockClocks(ctx, {
          subjectId: requestId,
          organizationId: data.organizationId,
        });
        const who = { ...cause, byPersonId: event.actorId };
        for (const clock of clocks)
          if (clock.kind === 'resolution' && clock.stoppedAt === null)
            await meetClock(ctx, clock, who);
        // A resolved request owes no more updates: the running one stops as kept.
        for (const clock of clocks)
          if (clock.kind === 'update' && (clock.state === 'running' || clock.state === 'paused'))
            await meetClock(ctx, clock, who);
        break;
      }
      case sponsorRequestReopened.name: {
        const data = sponsorRequestReopened.data.parse(event.data);
        const clocks = await lockClocks(ctx, {
          subjectId: requestId,
          organizationId: data.organizationId,
        });
        await reopened(ctx, requestId, data, clocks, {
          ...cause,
          byPersonId: event.actorId,
          reason: data.note ? data.note : null,
        });
        break;
      }
      default:
        return 'not followed';
    }
    return 'followed';
  },
});

type Severity = (typeof requestSeverities)[number];
type Clocks = Awaited<ReturnType<typeof lockClocks>>;
interface Cause {
  at: Date;
  causeEventSeq: number;
  byPersonId?: string | null;
  reason?: string | null;
}

/**
 * The first-response and resolution clocks the agreement's tier promises at a severity, started
 * at the cause's moment as the given sequence of each kind (1 at opening; the next at a
 * reopening). A kind left out of `sequences` is not started. No agreement in force, another
 * organization's agreement or no tier: no promise, no clock.
 */
async function startPromisedClocks(
  ctx: RunContext,
  requestId: string,
  data: { organizationId: string; severity: Severity; agreementId: string | null },
  sequences: { 'first-response'?: number; resolution?: number },
  cause: Cause,
) {
  const subject = {
    organizationId: data.organizationId,
    subjectType: 'sponsor-request' as const,
    subjectId: requestId,
    severity: data.severity,
    agreementId: data.agreementId,
  };
  const terms = data.agreementId
    ? await agreementServiceTerms(ctx.tx, ctx.coopId, data.agreementId, dayOf(cause.at))
    : null;
  const entitled =
    terms && terms.inForce && terms.organizationId === data.organizationId
      ? terms.entitlements
      : null;
  if (!entitled) return;
  const targets = targetsFor(entitled, data.severity);
  const { calendar } = await serviceCalendarOf(ctx.tx, ctx.coopId, data.organizationId);
  const first = sequences['first-response'];
  if (targets.firstResponse && first !== undefined)
    await startClock(
      ctx,
      {
        ...subject,
        kind: 'first-response',
        sequence: first,
        target: targets.firstResponse,
        pausable: false,
        calendar,
      },
      cause,
    );
  const resolution = sequences.resolution;
  if (targets.resolution && resolution !== undefined)
    await startClock(
      ctx,
      {
        ...subject,
        kind: 'resolution',
        sequence: resolution,
        target: targets.resolution,
        pausable: targets.resolutionPausesOnSponsor,
        calendar,
      },
      cause,
    );
}

async function opened(
  ctx: RunContext,
  requestId: string,
  data: { organizationId: string; severity: Severity; agreementId: string | null },
  cause: { at: Date; causeEventSeq: number },
) {
  const subject = {
    organizationId: data.organizationId,
    subjectType: 'sponsor-request' as const,
    subjectId: requestId,
    severity: data.severity,
    agreementId: data.agreementId,
  };
  await startPromisedClocks(ctx, requestId, data, { 'first-response': 1, resolution: 1 }, cause);
  // Within 24 hours of a disclosure, a qualifying sponsor's request gets a human within 6 hours.
  const vulnerability = await vulnerabilityResponseTargetFor(ctx, data.organizationId, cause.at);
  if (vulnerability)
    await startClock(
      ctx,
      {
        ...subject,
        kind: 'vulnerability-response',
        target: { hours: vulnerability.hours, mode: 'wall' },
        pausable: false,
        calendar: null,
      },
      cause,
    );
}

/**
 * A resolved request the sponsor opened again is a new promise: a new resolution clock (the
 * next in sequence) from the tier of the agreement in force at the reopening, the reopening
 * (who, when, the note) its start. The earlier clocks stay as they were: a clock is a record.
 *
 * A new first-response clock too, where the tier promises a first response: the target is
 * defined as the time until the co-op's first human answer to a matter the sponsor raised
 * (replies meet it, nothing else does), and a reopening raises the matter again, with the
 * sponsor's note as the question; without it the sponsor would be owed a resolution but no
 * answer until then. The update clocks need nothing here: the co-op's first reply after the
 * reopening starts the next one, as after the opening.
 *
 * A kind whose clock is still unstopped (running, paused, or breached and unanswered) starts
 * nothing: that clock still holds the promise, so a second reopening (or a redelivered one)
 * while it runs does not double it.
 */
async function reopened(
  ctx: RunContext,
  requestId: string,
  data: {
    organizationId: string;
    severity?: Severity | undefined;
    agreementId?: string | null | undefined;
  },
  clocks: Clocks,
  cause: Cause,
) {
  // Events written before the reopening carried these: the severity of the earlier clocks,
  // and the agreement in force on the day of the reopening, as the requests domain decides it.
  const severity =
    data.severity ??
    (clocks.find((c) => c.kind === 'first-response' || c.kind === 'resolution')?.severity as
      Severity | undefined);
  if (!severity) return;
  const agreementId =
    data.agreementId !== undefined
      ? data.agreementId
      : ((await agreementInForce(ctx.tx, ctx.coopId, data.organizationId, dayOf(cause.at)))?.id ??
        null);
  const next = (kind: 'first-response' | 'resolution') => {
    const ofKind = clocks.filter((c) => c.kind === kind);
    if (ofKind.some((c) => c.stoppedAt === null)) return undefined;
    return Math.max(0, ...ofKind.map((c) => c.sequence)) + 1;
  };
  await startPromisedClocks(
    ctx,
    requestId,
    { organizationId: data.organizationId, severity, agreementId },
    { 'first-response': next('first-response'), resolution: next('resolution') },
    cause,
  );
}

/** The latest clock of a kind: the reopened one once there is one (clocks come by sequence). */
const latest = (clocks: Clocks, kind: string) => clocks.filter((c) => c.kind === kind).at(-1);

async function restartUpdateClock(
  ctx: RunContext,
  requestId: string,
  organizationId: string,
  clocks: Clocks,
  cause: { at: Date; causeEventSeq: number },
) {
  const resolution = latest(clocks, 'resolution');
  const firstResponse = latest(clocks, 'first-response');
  // The clock of the latest promise names its agreement: after a reopening, the one in force then.
  const first =
    [firstResponse, resolution]
      .filter((c) => c !== undefined)
      .sort((a, b) => b.startedAt.getTime() - a.startedAt.getTime())[0] ?? undefined;
  if (!first || resolution?.state === 'met') return;
  const terms = first.agreementId
    ? await agreementServiceTerms(ctx.tx, ctx.coopId, first.agreementId, dayOf(cause.at))
    : null;
  if (!terms?.entitlements || !first.severity) return;
  const update = targetsFor(terms.entitlements, first.severity as Severity).update;
  if (!update) return;
  const { calendar } = await serviceCalendarOf(ctx.tx, ctx.coopId, organizationId);
  const sequence =
    Math.max(0, ...clocks.filter((c) => c.kind === 'update').map((c) => c.sequence)) + 1;
  await startClock(
    ctx,
    {
      organizationId,
      subjectType: 'sponsor-request',
      subjectId: requestId,
      severity: first.severity,
      agreementId: first.agreementId,
      kind: 'update',
      sequence,
      target: update,
      pausable: false,
      calendar,
    },
    cause,
  );
}
