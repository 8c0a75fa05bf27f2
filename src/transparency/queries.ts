import { and, desc, eq } from 'drizzle-orm';
import { listPublishedBallots } from '../governance/polls/publishBallots.ts';
import type { Executor } from '../platform/db/database.ts';
import { conflict, notFound } from '../platform/errors.ts';
import { events } from '../platform/db/schema.ts';
import { latestCheckpoint, originOf } from './checkpoints.ts';
import { eventRecord } from './consumer.ts';
import { toHex } from './core/hashing.ts';
import { proofFormat, type ProofBundle } from './proofBundle.ts';
import { transparencyLeaves } from './schema.ts';
import { inclusionProof, leafOfEvent } from './storage.ts';

/**
 * The proof file of a logged event, for the latest signed checkpoint. The record behind a
 * member-visible leaf is included only when `withRecord` (the reader may read it); a tally's
 * published ballots only when `withBallots` (the reader may read the poll's ballots).
 */
export async function proofOfEvent(
  executor: Executor,
  coopId: string,
  eventSeq: number,
  options: { withRecord: boolean; withBallots?: boolean; publicUrl: string },
): Promise<ProofBundle> {
  const leaf = await leafOfEvent(executor, coopId, eventSeq);
  if (!leaf) throw notFound(`event ${eventSeq} in the log`);
  const checkpoint = await latestCheckpoint(executor, coopId);
  if (!checkpoint || checkpoint.treeSize <= leaf.leafIndex)
    throw conflict(
      'This record is in the log but no signed checkpoint covers it yet: try again soon.',
    ).because('log.not-checkpointed');
  let record = null;
  if (leaf.visibility === 'hashed' && options.withRecord) {
    const [row] = await executor
      .select()
      .from(events)
      .where(and(eq(events.coopId, coopId), eq(events.seq, eventSeq)));
    if (row)
      record = eventRecord({
        coopId,
        seq: Number(row.seq),
        type: row.type,
        version: row.version,
        actorId: row.actorId,
        subjectType: row.subjectType,
        subjectId: row.subjectId,
        data: row.data as Record<string, unknown>,
        occurredAt: row.occurredAt,
      });
  }
  const proof = await inclusionProof(executor, coopId, leaf.leafIndex, checkpoint.treeSize);
  // Only a tally that committed to its ballots gets them: older ones could not be checked.
  const ballots =
    leaf.eventType === 'poll.closed' && options.withBallots && committedToBallots(leaf.entry)
      ? await listPublishedBallots(executor, coopId, leaf.subjectId)
      : undefined;
  return {
    format: proofFormat,
    origin: await originOf(executor, coopId, options.publicUrl),
    leafIndex: leaf.leafIndex,
    treeSize: checkpoint.treeSize,
    leafHash: toHex(leaf.leafHash),
    visibility: leaf.visibility,
    entry: leaf.entry,
    record,
    proof: proof.map(toHex),
    checkpoint: checkpoint.note,
    ...(ballots ? { ballots } : {}),
  };
}

const committedToBallots = (entry: string): boolean =>
  typeof (JSON.parse(entry) as { data?: { ballotsSha256?: unknown } }).data?.ballotsSha256 ===
  'string';

/**
 * The sequence number of the logged event a RECORD names: a sequence number itself, or
 * `type:subjectId` for the latest such event (`poll.closed:<poll id>`,
 * `dividend.declared:<dividend id>`).
 */
export async function loggedEventOf(
  executor: Executor,
  coopId: string,
  record: string,
): Promise<number> {
  if (/^\d+$/.test(record)) return Number(record);
  const colon = record.indexOf(':');
  if (colon < 0) throw notFound(`a logged record ${record} (give a number or type:id)`);
  const [leaf] = await executor
    .select({ seq: transparencyLeaves.eventSeq })
    .from(transparencyLeaves)
    .where(
      and(
        eq(transparencyLeaves.coopId, coopId),
        eq(transparencyLeaves.eventType, record.slice(0, colon)),
        eq(transparencyLeaves.subjectId, record.slice(colon + 1)),
      ),
    )
    .orderBy(desc(transparencyLeaves.leafIndex))
    .limit(1);
  if (!leaf) throw notFound(`a logged record ${record}`);
  return leaf.seq;
}
