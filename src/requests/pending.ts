import { sql } from 'drizzle-orm';
import type { Actor } from '../platform/actor.ts';
import type { Executor } from '../platform/db/database.ts';
import { queryRows } from '../platform/db/rows.ts';
import { displayDay } from '../platform/i18n/dates.ts';
import type { Locale } from '../platform/i18n/locales.ts';
import { ownOrganizationId } from '../platform/policy.ts';
import type { PendingItem } from '../platform/pending.ts';
import { requestsPendingText as text } from './pendingMessages.ts';
import { requestsPolicy } from './policy.ts';

/**
 * Sponsors' requests waiting for someone: hackers and officers are asked to answer the open
 * ones whose last word is the sponsor's (just opened, a sponsor's reply, reopened); a sponsor's
 * representative, to answer those the co-op marked as waiting on their organization.
 */
export async function requestsPending(
  executor: Executor,
  actor: Actor,
  locale: Locale,
): Promise<PendingItem[]> {
  const coopId = actor.coopId;
  if (requestsPolicy.manage(actor, undefined)) {
    // Since when the sponsor waits: the last sponsor entry, or the opening.
    const [row] = await queryRows<{ n: number; oldest: string | null }>(
      executor,
      sql`select count(*)::int as n, min(waiting_since)::date::text as oldest from (
            select r.id, coalesce((select e.created_at from sponsor_request_entries e
                where e.coop_id = r.coop_id and e.request_id = r.id
                order by e.position desc limit 1), r.created_at) as waiting_since,
              coalesce((select e.side from sponsor_request_entries e
                where e.coop_id = r.coop_id and e.request_id = r.id
                order by e.position desc limit 1), 'sponsor') as last_side
            from sponsor_requests r
            where r.coop_id = ${coopId} and r.status = 'open') w
          where w.last_side = 'sponsor'`,
    );
    if (!row || row.n === 0) return [];
    return [
      {
        kind: 'answer-requests',
        title: text(locale, 'answer', { count: row.n }),
        detail: text(locale, 'answerDetail', { day: displayDay(row.oldest ?? '', locale) }),
        href: '/requests?status=open',
        dueAt: null,
      },
    ];
  }
  const organizationId = ownOrganizationId(actor);
  if (!organizationId || !requestsPolicy.answerAsSponsor(actor, organizationId)) return [];
  const [row] = await queryRows<{ n: number; oldest: string | null }>(
    executor,
    sql`select count(*)::int as n, min(r.last_activity_at)::date::text as oldest
        from sponsor_requests r
        where r.coop_id = ${coopId} and r.organization_id = ${organizationId}
          and r.status = 'waiting-on-sponsor'`,
  );
  if (!row || row.n === 0) return [];
  return [
    {
      kind: 'reply-to-requests',
      title: text(locale, 'reply', { count: row.n }),
      detail: text(locale, 'replyDetail', { day: displayDay(row.oldest ?? '', locale) }),
      href: '/requests?status=waiting-on-sponsor',
      dueAt: null,
    },
  ];
}
