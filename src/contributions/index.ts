// What other domains may call in contributions.
import { sql } from 'drizzle-orm';
import type { Executor } from '../platform/db/database.ts';
import { queryRows } from '../platform/db/rows.ts';
import { memberContributions } from './queries.ts';

export { memberContributions, firstTimeContributors } from './queries.ts';

export type CommunityPatronageMode = 'fund' | 'time' | 'contributions' | 'both';

const nextDay = (day: string) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/**
 * Community members' patronage over a fiscal year, for the year-end close: their minutes of
 * time entries, and their contributions (commits authored, co-authorships and reviews, each
 * counting one) to the co-op's repositories. Only what the bylaws' mode needs is read.
 */
export async function communityPatronageOf(
  executor: Executor,
  coopId: string,
  options: { mode: CommunityPatronageMode; fromDay: string; toDay: string },
): Promise<{
  mode: CommunityPatronageMode;
  minutes: Record<string, number>;
  contributions: Record<string, number>;
  names: Record<string, string>;
}> {
  const result = {
    mode: options.mode,
    minutes: {} as Record<string, number>,
    contributions: {} as Record<string, number>,
    names: {} as Record<string, string>,
  };
  if (options.mode === 'fund') return result;
  const community = new Map(
    (
      await queryRows<{ person_id: string; name: string }>(
        executor,
        sql`select m.person_id, p.display_name as name from memberships m
            join people p on p.coop_id = m.coop_id and p.id = m.person_id
            where m.coop_id = ${coopId} and m.member_class = 'community'`,
      )
    ).map((r) => [r.person_id, r.name]),
  );
  if (options.mode === 'time' || options.mode === 'both') {
    const rows = await queryRows<{ person_id: string; minutes: number }>(
      executor,
      sql`select t.person_id, sum(t.minutes)::int as minutes from time_entries t
          join memberships m on m.coop_id = t.coop_id and m.person_id = t.person_id
          where t.coop_id = ${coopId} and m.member_class = 'community'
            and t.worked_on between ${options.fromDay}::date and ${options.toDay}::date
          group by t.person_id`,
    );
    for (const r of rows) if (r.minutes > 0) result.minutes[r.person_id] = r.minutes;
  }
  if (options.mode === 'contributions' || options.mode === 'both') {
    const records = await memberContributions(executor, coopId, {
      from: options.fromDay,
      to: nextDay(options.toDay),
    });
    for (const r of records) {
      const points = r.commits + r.coAuthorships + r.reviews;
      if (community.has(r.personId) && points > 0) result.contributions[r.personId] = points;
    }
  }
  for (const id of [...Object.keys(result.minutes), ...Object.keys(result.contributions)])
    result.names[id] = community.get(id) ?? id;
  return result;
}
