import { events } from './db/schema.ts';
import type { Executor } from './db/database.ts';

export interface NewEvent {
  coopId: string;
  type: string;
  actorId: string | null;
  subjectType: string;
  subjectId: string;
  data?: Record<string, unknown>;
}

/**
 * The one way to record what happened. Call it with the command's transaction so that the
 * change and its event commit or roll back together. Never put secrets (tokens, hashes) in data.
 */
export async function appendEvent(tx: Executor, event: NewEvent): Promise<number> {
  const [row] = await tx
    .insert(events)
    .values({ ...event, data: event.data ?? {} })
    .returning({ seq: events.seq });
  return row!.seq;
}
