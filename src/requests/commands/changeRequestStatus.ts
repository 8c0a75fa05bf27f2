import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { agreementInForce } from '../../agreements/index.ts';
import { defineCommand, type RunContext } from '../../platform/commands.ts';
import type { Tx } from '../../platform/db/database.ts';
import { conflict, forbidden } from '../../platform/errors.ts';
import {
  sponsorRequestReopened,
  sponsorRequestResolved,
  sponsorRequestWaiting,
} from '../events.ts';
import { requestsPolicy } from '../policy.ts';
import { loadRequestFor, type SponsorRequestRow } from '../repository.ts';
import { sponsorRequestEntries, sponsorRequests, type RequestEntryKind } from '../schema.ts';
import { statusNoteSchema, waitingInputSchema } from '../threadInput.ts';

/** The status change and its note in the thread, so both sides read why. */
async function recordChange(
  tx: Tx,
  ctx: RunContext,
  request: SponsorRequestRow,
  kind: Exclude<RequestEntryKind, 'reply'>,
  note: string,
  patch: Partial<typeof sponsorRequests.$inferInsert>,
) {
  const now = ctx.clock.now();
  await tx.insert(sponsorRequestEntries).values({
    coopId: ctx.coopId,
    requestId: request.id,
    kind,
    side: kind === 'reopened' ? 'sponsor' : 'coop',
    authorId: ctx.actor.personId!,
    body: note,
    createdAt: now,
  });
  await tx
    .update(sponsorRequests)
    .set({ ...patch, lastActivityAt: now })
    .where(and(eq(sponsorRequests.coopId, ctx.coopId), eq(sponsorRequests.id, request.id)));
}

/** The co-op waits for the sponsor (an answer, access, a test); clocks that allow it pause. */
export const markWaitingOnSponsor = defineCommand({
  name: 'requests.markWaitingOnSponsor',
  input: waitingInputSchema.extend({ requestId: z.uuid() }),
  policy: requestsPolicy.manage,
  denied: 'Only hackers and officers mark a request as waiting on the sponsor.',
  events: [sponsorRequestWaiting],
  async run(tx, input, ctx) {
    const request = await loadRequestFor(tx, ctx.actor, input.requestId, { forUpdate: true });
    if (request.status !== 'open')
      throw conflict(`Request ${request.number} is ${request.status}, not open.`).because(
        'request.not-open',
        { number: request.number, requestStatus: request.status },
      );
    await recordChange(tx, ctx, request, 'waiting', input.reason, {
      status: 'waiting-on-sponsor',
      waitingReason: input.reason,
    });
    await ctx.emit(sponsorRequestWaiting, request.id, {
      organizationId: request.organizationId,
      reason: input.reason,
    });
  },
});

export const resolveRequest = defineCommand({
  name: 'requests.resolveRequest',
  input: statusNoteSchema.extend({ requestId: z.uuid() }),
  policy: requestsPolicy.manage,
  denied: 'Only hackers and officers resolve requests.',
  events: [sponsorRequestResolved],
  async run(tx, input, ctx) {
    const request = await loadRequestFor(tx, ctx.actor, input.requestId, { forUpdate: true });
    if (request.status === 'resolved')
      throw conflict(`Request ${request.number} is already resolved.`).because('request.resolved', {
        number: request.number,
      });
    await recordChange(tx, ctx, request, 'resolved', input.note ?? '', {
      status: 'resolved',
      waitingReason: null,
      resolvedAt: ctx.clock.now(),
    });
    await ctx.emit(sponsorRequestResolved, request.id, {
      organizationId: request.organizationId,
    });
  },
});

/** The sponsor says the matter is not settled after all. */
export const reopenRequest = defineCommand({
  name: 'requests.reopenRequest',
  input: statusNoteSchema.extend({ requestId: z.uuid() }),
  policy: requestsPolicy.actAsSponsor,
  denied: 'Only the organization’s representatives reopen its requests.',
  events: [sponsorRequestReopened],
  async run(tx, input, ctx) {
    const request = await loadRequestFor(tx, ctx.actor, input.requestId, { forUpdate: true });
    if (!requestsPolicy.reopen(ctx.actor, request.organizationId))
      throw forbidden('Only the organization’s representatives reopen its requests.').because(
        'request.representatives-reopen',
      );
    if (request.status !== 'resolved')
      throw conflict(`Request ${request.number} is not resolved.`).because('request.not-resolved', {
        number: request.number,
      });
    await recordChange(tx, ctx, request, 'reopened', input.note ?? '', {
      status: 'open',
      resolvedAt: null,
    });
    // The agreement in force now, not the one at opening: a renewal's tier sets the new promise.
    const agreement = await agreementInForce(
      tx,
      ctx.coopId,
      request.organizationId,
      ctx.clock.today(),
    );
    await ctx.emit(sponsorRequestReopened, request.id, {
      organizationId: request.organizationId,
      note: input.note ?? '',
      severity: request.severity,
      agreementId: agreement?.id ?? null,
    });
  },
});
