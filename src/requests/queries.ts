import { and, asc, desc, eq, gte, inArray, lt, sql, type SQL } from 'drizzle-orm';
import { agreementInForce } from '../agreements/index.ts';
import { people } from '../members/schema.ts';
import { organizations } from '../organizations/schema.ts';
import type { Actor } from '../platform/actor.ts';
import type { Executor } from '../platform/db/database.ts';
import { notFound } from '../platform/errors.ts';
import { loadRequestFor } from './repository.ts';
import {
  sponsorRequestAttachments,
  sponsorRequestEntries,
  sponsorRequests,
  type RequestStatus,
} from './schema.ts';

/** The calendar month of a day (`2027-01-31` -> `2027-01`) and the first day after it. */
export function monthOf(day: string) {
  const month = day.slice(0, 7);
  const [y, m] = month.split('-').map(Number) as [number, number];
  const next = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
  return { month, from: `${month}-01`, until: next };
}

/**
 * The co-op's minutes on an organization's requests in the month of `day`, against the hours
 * its agreement in force includes (null: no agreement, so no entitlement to count against).
 */
export async function expertHoursThisMonth(
  executor: Executor,
  coopId: string,
  organizationId: string,
  day: string,
) {
  const { month, from, until } = monthOf(day);
  const [row] = await executor
    .select({ minutes: sql<number>`coalesce(sum(${sponsorRequestEntries.minutesSpent}), 0)::int` })
    .from(sponsorRequestEntries)
    .innerJoin(
      sponsorRequests,
      and(
        eq(sponsorRequests.coopId, sponsorRequestEntries.coopId),
        eq(sponsorRequests.id, sponsorRequestEntries.requestId),
      ),
    )
    .where(
      and(
        eq(sponsorRequestEntries.coopId, coopId),
        eq(sponsorRequests.organizationId, organizationId),
        gte(sponsorRequestEntries.spentOn, from),
        lt(sponsorRequestEntries.spentOn, until),
      ),
    );
  const agreement = await agreementInForce(executor, coopId, organizationId, day);
  return {
    month,
    usedMinutes: row?.minutes ?? 0,
    entitledMinutes: agreement ? agreement.expertHoursPerMonth * 60 : null,
  };
}
export type ExpertHours = Awaited<ReturnType<typeof expertHoursThisMonth>>;

export interface RequestFilter {
  organizationId?: string | undefined;
  status?: RequestStatus | undefined;
}

/** Requests, those moved most recently first. */
export async function listRequests(executor: Executor, coopId: string, filter: RequestFilter) {
  const where: SQL[] = [eq(sponsorRequests.coopId, coopId)];
  if (filter.organizationId) where.push(eq(sponsorRequests.organizationId, filter.organizationId));
  if (filter.status) where.push(eq(sponsorRequests.status, filter.status));
  const rows = await executor
    .select({
      request: sponsorRequests,
      organizationName: organizations.displayName,
      minutes: sql<number>`(select coalesce(sum(e.minutes_spent), 0)::int from sponsor_request_entries e
        where e.coop_id = ${sponsorRequests.coopId} and e.request_id = ${sponsorRequests.id})`,
      replies: sql<number>`(select count(*)::int from sponsor_request_entries e
        where e.coop_id = ${sponsorRequests.coopId} and e.request_id = ${sponsorRequests.id} and e.kind = 'reply')`,
      // The last reply says who spoke last, so a list shows whose turn it is.
      lastReply: sql<{
        at: string;
        side: 'coop' | 'sponsor';
      } | null>`(select json_build_object('at', e.created_at, 'side', e.side)
        from sponsor_request_entries e
        where e.coop_id = ${sponsorRequests.coopId} and e.request_id = ${sponsorRequests.id} and e.kind = 'reply'
        order by e.position desc limit 1)`,
    })
    .from(sponsorRequests)
    .innerJoin(
      organizations,
      and(
        eq(organizations.coopId, sponsorRequests.coopId),
        eq(organizations.id, sponsorRequests.organizationId),
      ),
    )
    .where(and(...where))
    .orderBy(desc(sponsorRequests.lastActivityAt), desc(sponsorRequests.number))
    .limit(500);
  return rows.map(({ request: r, organizationName, minutes, replies, lastReply }) => ({
    id: r.id,
    number: r.number,
    organizationId: r.organizationId,
    organizationName,
    subject: r.subject,
    severity: r.severity,
    status: r.status,
    openedAt: r.createdAt,
    lastActivityAt: r.lastActivityAt,
    minutesSpent: minutes,
    replies,
    lastReplyAt: lastReply ? new Date(lastReply.at) : null,
    lastReplySide: lastReply?.side ?? null,
  }));
}

/** A request with its thread and attachments (their metadata), for one who may read it. */
export async function getRequest(
  executor: Executor,
  actor: Actor,
  requestId: string,
  today: string,
) {
  const r = await loadRequestFor(executor, actor, requestId);
  const coopId = actor.coopId;
  const [org] = await executor
    .select({ name: organizations.displayName })
    .from(organizations)
    .where(and(eq(organizations.coopId, coopId), eq(organizations.id, r.organizationId)));
  const entries = await executor
    .select()
    .from(sponsorRequestEntries)
    .where(and(eq(sponsorRequestEntries.coopId, coopId), eq(sponsorRequestEntries.requestId, r.id)))
    .orderBy(asc(sponsorRequestEntries.position));
  const files = await executor
    .select({
      id: sponsorRequestAttachments.id,
      entryId: sponsorRequestAttachments.entryId,
      name: sponsorRequestAttachments.name,
      contentType: sponsorRequestAttachments.contentType,
      size: sponsorRequestAttachments.size,
    })
    .from(sponsorRequestAttachments)
    .where(
      and(
        eq(sponsorRequestAttachments.coopId, coopId),
        eq(sponsorRequestAttachments.requestId, r.id),
      ),
    )
    .orderBy(asc(sponsorRequestAttachments.createdAt), asc(sponsorRequestAttachments.name));
  const personIds = [...new Set([r.openedBy, ...entries.map((e) => e.authorId)])];
  const names = new Map(
    (
      await executor
        .select({ id: people.id, name: people.displayName })
        .from(people)
        .where(and(eq(people.coopId, coopId), inArray(people.id, personIds)))
    ).map((p) => [p.id, p.name]),
  );
  const filesOf = (entryId: string | null) =>
    files.filter((f) => f.entryId === entryId).map(({ entryId: _entry, ...f }) => f);
  return {
    id: r.id,
    number: r.number,
    organizationId: r.organizationId,
    organizationName: org?.name ?? '',
    agreementId: r.agreementId,
    subject: r.subject,
    details: r.details,
    severity: r.severity,
    status: r.status,
    waitingReason: r.waitingReason,
    openedBy: { id: r.openedBy, displayName: names.get(r.openedBy) ?? '' },
    openedAt: r.createdAt,
    resolvedAt: r.resolvedAt,
    attachments: filesOf(null),
    thread: entries.map((e) => ({
      id: e.id,
      kind: e.kind,
      side: e.side,
      author: { id: e.authorId, displayName: names.get(e.authorId) ?? '' },
      body: e.body,
      minutesSpent: e.minutesSpent,
      createdAt: e.createdAt,
      attachments: filesOf(e.id),
    })),
    minutesSpent: entries.reduce((s, e) => s + (e.minutesSpent ?? 0), 0),
    expertHours: await expertHoursThisMonth(executor, coopId, r.organizationId, today),
  };
}
export type RequestDetail = Awaited<ReturnType<typeof getRequest>>;

/** An attachment's bytes, for one who may read its request. */
export async function readAttachment(
  executor: Executor,
  actor: Actor,
  requestId: string,
  attachmentId: string,
) {
  const request = await loadRequestFor(executor, actor, requestId);
  const [file] = await executor
    .select()
    .from(sponsorRequestAttachments)
    .where(
      and(
        eq(sponsorRequestAttachments.coopId, actor.coopId),
        eq(sponsorRequestAttachments.requestId, request.id),
        eq(sponsorRequestAttachments.id, attachmentId),
      ),
    );
  if (!file) throw notFound('This attachment');
  return file;
}
