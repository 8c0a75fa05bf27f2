import { and, desc, eq, gt, lt, sql, type SQL } from 'drizzle-orm';
import { people } from '../members/schema.ts';
import type { Executor } from '../platform/db/database.ts';
import { events, outbox } from '../platform/db/schema.ts';

export interface EventFilter {
  type?: string | undefined;
  subjectType?: string | undefined;
  subjectId?: string | undefined;
  /** Newest first, before this sequence number (for paging back). */
  beforeSeq?: number | undefined;
  /** Oldest first, after this sequence number (for export and followers). */
  afterSeq?: number | undefined;
  limit: number;
}

export async function listEvents(executor: Executor, coopId: string, filter: EventFilter) {
  const conditions: SQL[] = [eq(events.coopId, coopId)];
  if (filter.type)
    conditions.push(sql`${events.type} like ${`${filter.type.replace(/[\\%_]/g, '\\$&')}%`}`);
  if (filter.subjectType) conditions.push(eq(events.subjectType, filter.subjectType));
  if (filter.subjectId) conditions.push(eq(events.subjectId, filter.subjectId));
  if (filter.beforeSeq) conditions.push(lt(events.seq, filter.beforeSeq));
  if (filter.afterSeq !== undefined) conditions.push(gt(events.seq, filter.afterSeq));
  return executor
    .select({
      seq: events.seq,
      type: events.type,
      actorId: events.actorId,
      actorName: people.displayName,
      subjectType: events.subjectType,
      subjectId: events.subjectId,
      data: events.data,
      occurredAt: events.occurredAt,
    })
    .from(events)
    .leftJoin(people, and(eq(people.coopId, events.coopId), eq(people.id, events.actorId)))
    .where(and(...conditions))
    .orderBy(filter.afterSeq !== undefined ? events.seq : desc(events.seq))
    .limit(filter.limit);
}

export async function listOutbox(executor: Executor, coopId: string, limit: number) {
  return executor
    .select()
    .from(outbox)
    .where(eq(outbox.coopId, coopId))
    .orderBy(desc(outbox.createdAt))
    .limit(limit);
}
