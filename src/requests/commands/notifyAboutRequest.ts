import { and, asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { agreementInForce } from '../../agreements/index.ts';
import { officerAndAdminAddresses } from '../../members/officerAddresses.ts';
import { people } from '../../members/schema.ts';
import { organizations } from '../../organizations/schema.ts';
import { defineCommand } from '../../platform/commands.ts';
import type { Tx } from '../../platform/db/database.ts';
import { requestsMail } from '../mailMessages.ts';
import { requestsPolicy } from '../policy.ts';
import { activeMemberAddresses, type Recipient } from '../recipients.ts';
import {
  sponsorRequestEntries,
  sponsorRequestNotices,
  sponsorRequests,
  type RequestEntryKind,
} from '../schema.ts';

export const noticeKinds = ['opened', 'replied', 'waiting', 'resolved'] as const;

/** Mails quote at most this much of a text: the rest is a click away, behind a sign-in. */
const excerpt = (text: string) => (text.length > 2000 ? `${text.slice(0, 2000)}…` : text);

/** Who serves the sponsor: the agreement's hackers still active; officers when there are none. */
async function servingSide(tx: Tx, coopId: string, organizationId: string, day: string) {
  const agreement = await agreementInForce(tx, coopId, organizationId, day);
  const hackers = await activeMemberAddresses(tx, coopId, agreement?.servingHackerIds ?? []);
  if (hackers.length > 0) return hackers;
  return (await officerAndAdminAddresses(tx, coopId, day)).map((o) => ({ ...o, personId: '' }));
}

/**
 * Mails one request event to the other side, once per event (the dispatcher delivers at least
 * once): a new request to the hackers serving the sponsor, a reply to the other side's people
 * in the thread, waiting and resolved to the sponsor's.
 */
export const notifyAboutRequest = defineCommand({
  name: 'requests.notifyAboutRequest',
  input: z.strictObject({
    eventSeq: z.number().int(),
    requestId: z.uuid(),
    kind: z.enum(noticeKinds),
    /** Who caused the event: not mailed about their own words. */
    actorId: z.uuid().nullable(),
    /** For a reply: the side that wrote it. */
    side: z.enum(['coop', 'sponsor']).optional(),
  }),
  policy: requestsPolicy.notify,
  events: [],
  async run(tx, input, ctx) {
    const claimed = await tx
      .insert(sponsorRequestNotices)
      .values({
        coopId: ctx.coopId,
        eventSeq: input.eventSeq,
        requestId: input.requestId,
        recipients: 0,
      })
      .onConflictDoNothing()
      .returning({ seq: sponsorRequestNotices.eventSeq });
    if (claimed.length === 0) return { sent: 0 };
    const [request] = await tx
      .select({ request: sponsorRequests, organization: organizations.displayName })
      .from(sponsorRequests)
      .innerJoin(
        organizations,
        and(
          eq(organizations.coopId, sponsorRequests.coopId),
          eq(organizations.id, sponsorRequests.organizationId),
        ),
      )
      .where(and(eq(sponsorRequests.coopId, ctx.coopId), eq(sponsorRequests.id, input.requestId)));
    if (!request) return { sent: 0 };
    const r = request.request;
    const thread = await tx
      .select()
      .from(sponsorRequestEntries)
      .where(
        and(
          eq(sponsorRequestEntries.coopId, ctx.coopId),
          eq(sponsorRequestEntries.requestId, r.id),
        ),
      )
      .orderBy(asc(sponsorRequestEntries.position));
    const authorsOn = (side: 'coop' | 'sponsor') =>
      thread.filter((e) => e.side === side).map((e) => e.authorId);
    const sponsorSide = () =>
      activeMemberAddresses(tx, ctx.coopId, [...new Set([r.openedBy, ...authorsOn('sponsor')])]);
    const day = ctx.clock.today();
    let recipients: Recipient[];
    if (input.kind === 'opened')
      recipients = await servingSide(tx, ctx.coopId, r.organizationId, day);
    else if (input.kind === 'replied' && input.side === 'sponsor') {
      const coopAuthors = await activeMemberAddresses(tx, ctx.coopId, [
        ...new Set(authorsOn('coop')),
      ]);
      recipients = coopAuthors.length
        ? coopAuthors
        : await servingSide(tx, ctx.coopId, r.organizationId, day);
    } else recipients = await sponsorSide();
    recipients = recipients.filter((p) => p.personId !== input.actorId);

    const entryKind: Record<(typeof noticeKinds)[number], RequestEntryKind | null> = {
      opened: null,
      replied: 'reply',
      waiting: 'waiting',
      resolved: 'resolved',
    };
    const wanted = entryKind[input.kind];
    const entry = wanted
      ? [...thread].reverse().find((e) => e.kind === wanted && e.authorId === input.actorId)
      : undefined;
    const authorId = entry?.authorId ?? r.openedBy;
    const [author] = await tx
      .select({ name: people.displayName })
      .from(people)
      .where(and(eq(people.coopId, ctx.coopId), eq(people.id, authorId)));
    for (const to of recipients) {
      const vars = {
        name: to.name,
        number: r.number,
        subject: r.subject,
        organization: request.organization,
        author: author?.name ?? '',
        severity: requestsMail(to.locale, `severity.${r.severity}`),
        text: excerpt(input.kind === 'opened' ? r.details : (entry?.body ?? '')),
        link: `${ctx.publicUrl}/requests/${r.id}`,
      };
      await ctx.mail({
        to: to.email,
        kind: `request-${input.kind}`,
        subject: requestsMail(to.locale, `${input.kind}.subject`, vars),
        body: requestsMail(to.locale, `${input.kind}.body`, vars),
      });
    }
    await tx
      .update(sponsorRequestNotices)
      .set({ recipients: recipients.length })
      .where(
        and(
          eq(sponsorRequestNotices.coopId, ctx.coopId),
          eq(sponsorRequestNotices.eventSeq, input.eventSeq),
        ),
      );
    return { sent: recipients.length };
  },
});
