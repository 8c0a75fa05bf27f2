import { sql } from 'drizzle-orm';
import type { Executor } from '../platform/db/database.ts';
import { queryRows } from '../platform/db/rows.ts';

/**
 * An organization's requests that moved in a period (opened in it, or with the co-op's minutes
 * spent in it), with the minutes spent within the period and when the co-op first replied: what
 * a sponsor's digest reports of its expert access.
 */
export async function requestsInPeriod(
  executor: Executor,
  coopId: string,
  organizationId: string,
  period: { from: string; to: string },
) {
  const rows = await queryRows<{
    id: string;
    number: number;
    subject: string;
    severity: string;
    status: string;
    opened_at: string | Date;
    minutes: number;
    first_reply_at: string | Date | null;
  }>(
    executor,
    sql`select r.id, r.number, r.subject, r.severity, r.status, r.created_at as opened_at,
          (select coalesce(sum(e.minutes_spent), 0)::int from sponsor_request_entries e
            where e.coop_id = r.coop_id and e.request_id = r.id
              and e.spent_on between ${period.from}::date and ${period.to}::date) as minutes,
          (select min(e.created_at) from sponsor_request_entries e
            where e.coop_id = r.coop_id and e.request_id = r.id
              and e.kind = 'reply' and e.side = 'coop') as first_reply_at
        from sponsor_requests r
        where r.coop_id = ${coopId} and r.organization_id = ${organizationId}
          and ((r.created_at >= ${period.from}::date and r.created_at < ${period.to}::date + 1)
            or exists (select 1 from sponsor_request_entries e
              where e.coop_id = r.coop_id and e.request_id = r.id
                and e.spent_on between ${period.from}::date and ${period.to}::date))
        order by r.number`,
  );
  return rows.map((r) => ({
    id: r.id,
    number: r.number,
    subject: r.subject,
    severity: r.severity,
    status: r.status,
    openedAt: new Date(r.opened_at),
    minutes: r.minutes,
    firstReplyAt: r.first_reply_at === null ? null : new Date(r.first_reply_at),
  }));
}
