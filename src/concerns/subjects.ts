import { z } from 'zod';
import { loadPoll } from '../governance/polls/pollRepository.ts';
import { loadWorkItem } from '../governance/repository.ts';
import { loadRelease } from '../releases/index.ts';
import type { Executor } from '../platform/db/database.ts';
import { conflict } from '../platform/errors.ts';
import { subjectKinds, type SubjectKind } from './schema.ts';

export const subjectKindSchema = z.enum(subjectKinds);

/** The item a topic or consultation is about, read through its domain (404 when unknown). */
export async function loadSubject(
  executor: Executor,
  coopId: string,
  kind: SubjectKind,
  id: string,
): Promise<{ kind: SubjectKind; id: string; title: string; withdrawn: boolean }> {
  if (kind === 'release') {
    const release = await loadRelease(executor, coopId, id);
    return { kind, id, title: release.title, withdrawn: release.state === 'withdrawn' };
  }
  const row =
    kind === 'work-item'
      ? await loadWorkItem(executor, coopId, id)
      : await loadPoll(executor, coopId, id);
  return { kind, id, title: row.title, withdrawn: false };
}

/** A withdrawn change takes no new topics or consultations: nothing is planned any more. */
export function refuseWithdrawn(subject: { withdrawn: boolean }): void {
  if (subject.withdrawn)
    throw conflict('This change was withdrawn: it takes no topics or consultations.').because(
      'release.withdrawn',
    );
}
