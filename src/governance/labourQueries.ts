import { and, desc, eq, sql } from 'drizzle-orm';
import { people } from '../members/schema.ts';
import { organizations } from '../organizations/schema.ts';
import type { Executor } from '../platform/db/database.ts';
import { sponsorLabour, workItems, type SponsorLabourStatus } from './schema.ts';

export interface SponsorLabourRow {
  id: string;
  organizationId: string;
  organizationName: string;
  personId: string;
  personName: string;
  workItemId: string;
  workItemTitle: string;
  workedOn: string;
  hours: number;
  note: string;
  status: SponsorLabourStatus;
  reason: string | null;
  decidedAt: Date | null;
}

/** Labour entries, newest first; one organization's, or every one (null). */
export async function listSponsorLabour(
  executor: Executor,
  coopId: string,
  filter: { organizationId: string | null; status?: SponsorLabourStatus | undefined },
): Promise<SponsorLabourRow[]> {
  return executor
    .select({
      id: sponsorLabour.id,
      organizationId: sponsorLabour.organizationId,
      organizationName: organizations.displayName,
      personId: sponsorLabour.personId,
      personName: people.displayName,
      workItemId: sponsorLabour.workItemId,
      workItemTitle: sql<string>`coalesce(${workItems.title}, '')`,
      workedOn: sponsorLabour.workedOn,
      hours: sponsorLabour.hours,
      note: sponsorLabour.note,
      status: sponsorLabour.status,
      reason: sponsorLabour.reason,
      decidedAt: sponsorLabour.decidedAt,
    })
    .from(sponsorLabour)
    .innerJoin(
      organizations,
      and(
        eq(organizations.coopId, sponsorLabour.coopId),
        eq(organizations.id, sponsorLabour.organizationId),
      ),
    )
    .innerJoin(
      people,
      and(eq(people.coopId, sponsorLabour.coopId), eq(people.id, sponsorLabour.personId)),
    )
    .leftJoin(
      workItems,
      and(eq(workItems.coopId, sponsorLabour.coopId), eq(workItems.id, sponsorLabour.workItemId)),
    )
    .where(
      and(
        eq(sponsorLabour.coopId, coopId),
        filter.organizationId ? eq(sponsorLabour.organizationId, filter.organizationId) : undefined,
        filter.status ? eq(sponsorLabour.status, filter.status) : undefined,
      ),
    )
    .orderBy(desc(sponsorLabour.workedOn), desc(sponsorLabour.createdAt));
}

/** Hours waiting for a hacker or officer to confirm: the "what needs me" count. */
export async function labourAwaitingDecision(executor: Executor, coopId: string): Promise<number> {
  const [row] = await executor
    .select({ n: sql<number>`count(*)::int` })
    .from(sponsorLabour)
    .where(and(eq(sponsorLabour.coopId, coopId), eq(sponsorLabour.status, 'logged')));
  return row?.n ?? 0;
}
