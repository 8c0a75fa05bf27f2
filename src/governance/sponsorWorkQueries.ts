import { sql } from 'drizzle-orm';
import type { Executor } from '../platform/db/database.ts';
import { queryRows } from '../platform/db/rows.ts';

/** Which work items touch a sponsor: its own, those sharing its topics, those tagged elsewhere. */
export interface SponsorItems {
  organizationId: string;
  topics: string[];
  /** Items tagged with the sponsor's topics outside governance (the concerns' topic tags). */
  itemIds: string[];
}

const arrayOf = (values: string[], type: 'text' | 'uuid') =>
  sql`array[${sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  )}]::${sql.raw(type)}[]`;

const touching = (s: SponsorItems) =>
  sql`(w.organization_id = ${s.organizationId}
    or w.topics && ${arrayOf(s.topics, 'text')}
    or w.id = any(${arrayOf(s.itemIds, 'uuid')}))`;

/**
 * The work items touching a sponsor that had time logged in a period, with the minutes logged
 * in it (time entries), whether they are finished (done or merged), largest first.
 */
export async function sponsorWorkInPeriod(
  executor: Executor,
  coopId: string,
  sponsor: SponsorItems,
  period: { from: string; to: string },
) {
  const rows = await queryRows<{ id: string; title: string; status: string; minutes: number }>(
    executor,
    sql`select w.id, w.title, w.status, sum(t.minutes)::int as minutes
        from work_items w
        join time_entries t on t.coop_id = w.coop_id and t.work_item_id = w.id
        where w.coop_id = ${coopId} and ${touching(sponsor)}
          and t.worked_on between ${period.from}::date and ${period.to}::date
        group by w.id, w.title, w.status
        order by minutes desc, w.title`,
  );
  return rows.map((r) => ({ ...r, finished: r.status === 'done' || r.status === 'merged' }));
}

/**
 * The next cycle starting after a day, with the items touching a sponsor: their planned hours
 * once the plan is published, their estimates before.
 */
export async function sponsorNextCycle(
  executor: Executor,
  coopId: string,
  sponsor: SponsorItems,
  after: string,
) {
  const [cycle] = await queryRows<{
    id: string;
    title: string;
    starts_on: string;
    ends_on: string;
    published: boolean;
  }>(
    executor,
    sql`select c.id, c.title, c.starts_on::text, c.ends_on::text,
          exists (select 1 from plan_items p where p.coop_id = c.coop_id and p.cycle_id = c.id)
            as published
        from cycles c where c.coop_id = ${coopId} and c.starts_on > ${after}::date
        order by c.starts_on limit 1`,
  );
  if (!cycle) return null;
  const items = await queryRows<{ title: string; hours: number }>(
    executor,
    cycle.published
      ? sql`select w.title, p.hours from plan_items p
            join work_items w on w.coop_id = p.coop_id and w.id = p.work_item_id
            where p.coop_id = ${coopId} and p.cycle_id = ${cycle.id} and p.hours > 0
              and ${touching(sponsor)}
            order by p.hours desc, w.title`
      : sql`select w.title, w.estimate_hours as hours from work_items w
            where w.coop_id = ${coopId} and w.cycle_id = ${cycle.id}
              and w.status not in ('merged', 'split', 'withdrawn') and ${touching(sponsor)}
            order by w.estimate_hours desc, w.title`,
  );
  return {
    title: cycle.title,
    startsOn: cycle.starts_on,
    endsOn: cycle.ends_on,
    published: cycle.published,
    items,
  };
}
