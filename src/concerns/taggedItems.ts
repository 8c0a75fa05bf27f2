import { and, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../platform/db/database.ts';
import { topicTags, type SubjectKind } from './schema.ts';

/** The ids of the items of a kind tagged with any of the topics (a sponsor's digest reads them). */
export async function itemsTaggedWith(
  executor: Executor,
  coopId: string,
  kind: SubjectKind,
  topics: string[],
): Promise<string[]> {
  if (topics.length === 0) return [];
  const rows = await executor
    .selectDistinct({ id: topicTags.subjectId })
    .from(topicTags)
    .where(
      and(
        eq(topicTags.coopId, coopId),
        eq(topicTags.subjectKind, kind),
        inArray(topicTags.topic, topics),
      ),
    );
  return rows.map((r) => r.id);
}
