import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { defineCommand } from '../../platform/commands.ts';
import { badRequest, conflict, forbidden } from '../../platform/errors.ts';
import { checkAttachments } from '../attachments.ts';
import { sponsorRequestReplied } from '../events.ts';
import { requestsPolicy } from '../policy.ts';
import { loadRequestFor, storeAttachments } from '../repository.ts';
import { sponsorRequestEntries, sponsorRequests } from '../schema.ts';
import { replyInputSchema } from '../threadInput.ts';

/**
 * An answer in the thread. The side is who is writing: the organization's representative, or a
 * hacker or officer for the co-op (who records the minutes spent). A sponsor's reply to a
 * request waiting on them opens it again; a resolved request must be reopened first.
 */
export const replyToRequest = defineCommand({
  name: 'requests.replyToRequest',
  input: replyInputSchema.extend({ requestId: z.uuid() }),
  policy: requestsPolicy.reply,
  denied: 'Only the organization’s representatives, hackers and officers answer requests.',
  events: [sponsorRequestReplied],
  prepare: async (input) => checkAttachments(input.attachments),
  async run(tx, input, ctx, files) {
    const request = await loadRequestFor(tx, ctx.actor, input.requestId, { forUpdate: true });
    const side: 'sponsor' | 'coop' | null = requestsPolicy.answerAsSponsor(
      ctx.actor,
      request.organizationId,
    )
      ? 'sponsor'
      : requestsPolicy.answerAsCoop(ctx.actor, undefined)
        ? 'coop'
        : null;
    if (!side)
      throw forbidden(
        'Only the organization’s representatives, hackers and officers answer requests.',
      ).because('request.who-answers');
    if (request.status === 'resolved')
      throw conflict(`Request ${request.number} is resolved; reopen it to continue.`).because(
        'request.resolved-reopen',
        { number: request.number },
      );
    if (side === 'sponsor' && input.minutesSpent !== undefined)
      throw badRequest('/minutesSpent: only the co-op records time spent', [
        { pointer: '/minutesSpent', message: 'only the co-op records time spent' },
      ]).because('request.minutes-by-coop');
    const now = ctx.clock.now();
    const personId = ctx.actor.personId!;
    const [entry] = await tx
      .insert(sponsorRequestEntries)
      .values({
        coopId: ctx.coopId,
        requestId: request.id,
        kind: 'reply',
        side,
        authorId: personId,
        body: input.body,
        minutesSpent: side === 'coop' ? (input.minutesSpent ?? 0) : null,
        spentOn: side === 'coop' ? ctx.clock.today() : null,
        createdAt: now,
      })
      .returning({ id: sponsorRequestEntries.id });
    await storeAttachments(tx, ctx.coopId, request.id, entry!.id, personId, files);
    await tx
      .update(sponsorRequests)
      .set({
        lastActivityAt: now,
        ...(side === 'sponsor' && request.status === 'waiting-on-sponsor'
          ? { status: 'open' as const, waitingReason: null }
          : {}),
      })
      .where(and(eq(sponsorRequests.coopId, ctx.coopId), eq(sponsorRequests.id, request.id)));
    await ctx.emit(sponsorRequestReplied, request.id, {
      organizationId: request.organizationId,
      side,
      byPersonId: personId,
    });
    return { id: entry!.id, side };
  },
});
