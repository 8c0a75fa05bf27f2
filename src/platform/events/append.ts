import type { z } from 'zod';
import type { Executor } from '../db/database.ts';
import { events } from '../db/schema.ts';
import type { EventType } from './registry.ts';

export interface EventRecord<D extends z.ZodType> {
  coopId: string;
  actorId: string | null;
  subjectId: string;
  data: z.input<D>;
  occurredAt: Date;
}

/**
 * Appends one event, its data checked against its type: in the caller's transaction, so the
 * change and its event commit or roll back together. Never put secrets (tokens, hashes) in
 * data: consumers send it to webhooks and publish it.
 */
export async function appendTypedEvent<D extends z.ZodType>(
  tx: Executor,
  type: EventType<D>,
  record: EventRecord<D>,
): Promise<number> {
  const parsed = type.data.safeParse(record.data);
  if (!parsed.success)
    throw new Error(`event ${type.name} data does not match its schema: ${parsed.error.message}`);
  const [row] = await tx
    .insert(events)
    .values({
      coopId: record.coopId,
      type: type.name,
      version: type.version,
      actorId: record.actorId,
      subjectType: type.subject,
      subjectId: record.subjectId,
      data: parsed.data as Record<string, unknown>,
      occurredAt: record.occurredAt,
    })
    .returning({ seq: events.seq });
  return row!.seq;
}
