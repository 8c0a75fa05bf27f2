import { z } from 'zod';
import { loadPoll } from '../governance/polls/pollRepository.ts';
import { loadWorkItem } from '../governance/repository.ts';
import type { Executor } from '../platform/db/database.ts';
import { subjectKinds, type SubjectKind } from './schema.ts';

export const subjectKindSchema = z.enum(subjectKinds);

/** A topic: a short slug a sponsor and an item share ("tls", "api-v2", "packaging"). */
export const topicSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9.+-]{0,39}$/, 'a short slug: letters, digits and dashes');

/** Topics without repeats, in the order given. */
export const topicsSchema = z
  .array(topicSchema)
  .max(30)
  .transform((topics) => [...new Set(topics)]);

/** The item a topic or consultation is about, read through governance (404 when unknown). */
export async function loadSubject(
  executor: Executor,
  coopId: string,
  kind: SubjectKind,
  id: string,
): Promise<{ kind: SubjectKind; id: string; title: string }> {
  const row =
    kind === 'work-item'
      ? await loadWorkItem(executor, coopId, id)
      : await loadPoll(executor, coopId, id);
  return { kind, id, title: row.title };
}
