import type { Clock } from '../platform/clock.ts';
import { systemClock } from '../platform/clock.ts';
import type { Db } from '../platform/db/database.ts';
import type { Consumer, StoredEvent } from '../platform/dispatcher.ts';
import type { Logger } from '../platform/logger.ts';
import { originOf, signCheckpoint } from './checkpoints.ts';
import { canonicalJson } from './core/canonicalJson.ts';
import type { NoteSigner } from './core/keys.ts';
import { entryLeafHash, leafEntry, type EventRecord } from './core/leafEntry.ts';
import { loggedEvents } from './loggedEvents.ts';
import { appendLeaves, logSize, rootAt, type NewLeaf } from './storage.ts';
import { latestCheckpoint } from './checkpoints.ts';
import { transparencyLogs } from './schema.ts';

/** An event as the log records it: the same fields in the same form whoever rebuilds it. */
export const eventRecord = (event: StoredEvent): EventRecord => ({
  coopId: event.coopId,
  seq: event.seq,
  type: event.type,
  version: event.version,
  occurredAt: event.occurredAt.toISOString(),
  subjectType: event.subjectType,
  subjectId: event.subjectId,
  actorId: event.actorId,
  data: event.data,
});

export function newLeaf(event: StoredEvent): NewLeaf {
  const visibility = loggedEvents[event.type];
  if (visibility !== 'public' && visibility !== 'hashed')
    throw new Error(`event ${event.type} is not logged`);
  const entry = leafEntry(eventRecord(event), visibility);
  return {
    eventSeq: event.seq,
    eventType: event.type,
    subjectType: event.subjectType,
    subjectId: event.subjectId,
    visibility,
    entry: canonicalJson(entry),
    leafHash: entryLeafHash(entry),
  };
}

export interface TransparencyOptions {
  signer: NoteSigner | undefined;
  publicUrl: string;
  clock?: Clock;
  log?: Logger;
}

/**
 * How old the latest checkpoint may be before the hourly pass signs the head again, unchanged or
 * not. A little under the hour the pass runs at, so a pass that comes a few seconds early still
 * signs: a watcher, a witness and the "checkpoint of <date>" on a record never see the log's
 * latest signature more than about an hour old, even when nothing happened.
 */
export const checkpointMaxAgeMs = 55 * 60_000;

/**
 * Signs the log's head when no checkpoint covers it yet (a key installed later, a failed
 * signing), or when the latest is older than `checkpointMaxAgeMs`: after a batch, and hourly.
 */
export async function signCurrentHead(db: Db, coopId: string, options: TransparencyOptions) {
  if (!options.signer) return;
  const size = await logSize(db, coopId);
  if (size === 0) return;
  const latest = await latestCheckpoint(db, coopId);
  const now = (options.clock ?? systemClock).now();
  if (latest?.treeSize === size && now.getTime() - latest.signedAt.getTime() < checkpointMaxAgeMs)
    return;
  const origin = await originOf(db, coopId, options.publicUrl);
  const head = { size, rootHash: await rootAt(db, coopId, size) };
  await signCheckpoint(db, coopId, head, options.signer, origin, now);
}

/** Every co-op's head signed if it is not yet, or signed again if its checkpoint is old: the hourly pass. */
export async function signAllHeads(db: Db, options: TransparencyOptions): Promise<void> {
  if (!options.signer) return;
  for (const { coopId } of await db
    .select({ coopId: transparencyLogs.coopId })
    .from(transparencyLogs))
    await signCurrentHead(db, coopId, options);
}

/**
 * The dispatcher's `transparency` consumer: appends the logged events of each batch in one
 * transaction, in the order they became final, then signs a checkpoint of the new head. With no
 * key, the log grows unsigned and a warning says so once.
 */
export function transparencyConsumer(options: TransparencyOptions): Consumer {
  let warned = false;
  return {
    name: 'transparency',
    wants: (type) => {
      const decision = loggedEvents[type];
      return decision === 'public' || decision === 'hashed';
    },
    async handle(db, event) {
      await this.handleBatch!(db, [event], 1);
      return true;
    },
    async handleBatch(db, events) {
      if (events.length === 0) return;
      const coopId = events[0]!.coopId;
      const leaves = events.map(newLeaf);
      const head = await db.transaction((tx) => appendLeaves(tx, coopId, leaves));
      if (!options.signer) {
        if (!warned) options.log?.warn('transparency log: no signing key, checkpoints wait');
        warned = true;
        return;
      }
      const origin = await originOf(db, coopId, options.publicUrl);
      await signCheckpoint(
        db,
        coopId,
        head,
        options.signer,
        origin,
        (options.clock ?? systemClock).now(),
      );
    },
  };
}
