import { z } from 'zod';
import { agreementServiceTerms } from '../../agreements/index.ts';
import { defineCommand, type RunContext } from '../../platform/commands.ts';
import { dayOf } from '../../platform/dates.ts';
import {
  requestSeverities,
  sponsorRequestOpened,
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
      default:
        return 'not followed';
    }
    return 'followed';
  },
});

async function opened(
  ctx: RunContext,
  requestId: string,
  data: {
    organizationId: string;
    severity: (typeof requestSeverities)[number];
    agreementId: string | null;
  },
  cause: { at: Date; causeEventSeq: number },
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
  if (entitled) {
    const targets = targetsFor(entitled, data.severity);
    const { calendar } = await serviceCalendarOf(ctx.tx, ctx.coopId, data.organizationId);
    if (targets.firstResponse)
      await startClock(
        ctx,
        {
          ...subject,
          kind: 'first-response',
          target: targets.firstResponse,
          pausable: false,
          calendar,
        },
        cause,
      );
    if (targets.resolution)
      await startClock(
        ctx,
        {
          ...subject,
          kind: 'resolution',
          target: targets.resolution,
          pausable: targets.resolutionPausesOnSponsor,
          calendar,
        },
        cause,
      );
  }
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

async function restartUpdateClock(
  ctx: RunContext,
  requestId: string,
  organizationId: string,
  clocks: Awaited<ReturnType<typeof lockClocks>>,
  cause: { at: Date; causeEventSeq: number },
) {
  const resolution = clocks.find((c) => c.kind === 'resolution');
  const first = clocks.find((c) => c.kind === 'first-response') ?? resolution;
  if (!first || resolution?.state === 'met') return;
  const terms = first.agreementId
    ? await agreementServiceTerms(ctx.tx, ctx.coopId, first.agreementId, dayOf(cause.at))
    : null;
  if (!terms?.entitlements || !first.severity) return;
  const update = targetsFor(
    terms.entitlements,
    first.severity as (typeof requestSeverities)[number],
  ).update;
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
