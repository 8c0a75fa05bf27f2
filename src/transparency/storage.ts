import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Executor, Tx } from '../platform/db/database.ts';
import { emptyRoot, nodeHash } from './core/hashing.ts';
import {
  completeSubtrees,
  consistencyRanges,
  inclusionRanges,
  nodeKey,
  rangeHash,
  rootRange,
  type NodeId,
  type Range,
} from './core/ranges.ts';
import { transparencyLeaves, transparencyLogs, transparencyNodes } from './schema.ts';

/** A leaf to append: its canonical entry and hash, and the event it records. */
export interface NewLeaf {
  eventSeq: number;
  eventType: string;
  subjectType: string;
  subjectId: string;
  visibility: 'public' | 'hashed';
  entry: string;
  leafHash: Buffer;
}

export interface TreeHead {
  size: number;
  rootHash: Buffer;
}

/** Rows per INSERT: well under PostgreSQL's 65,535 parameters. */
const chunk = 2000;

/**
 * The complete subtrees on the right edge of a tree of this size (one per set bit, largest
 * first): all an append needs to know of the past.
 */
export function frontier(size: number): NodeId[] {
  const nodes: NodeId[] = [];
  for (let level = 52; level >= 0; level--)
    if (Math.floor(size / 2 ** level) % 2 === 1)
      nodes.push({ level, index: Math.floor(size / 2 ** level) - 1 });
  return nodes;
}

/** Reads the stored hashes of these complete subtrees (one query, O(log n) rows). */
export async function readNodes(
  executor: Executor,
  coopId: string,
  ids: NodeId[],
): Promise<Map<string, Buffer>> {
  const found = new Map<string, Buffer>();
  if (ids.length === 0) return found;
  const wanted = sql.join(
    ids.map((id) => sql`(${id.level}::smallint, ${id.index}::bigint)`),
    sql`, `,
  );
  const rows = await executor
    .select({
      level: transparencyNodes.level,
      index: transparencyNodes.nodeIndex,
      hash: transparencyNodes.hash,
    })
    .from(transparencyNodes)
    .where(
      and(
        eq(transparencyNodes.coopId, coopId),
        sql`(${transparencyNodes.level}, ${transparencyNodes.nodeIndex}) in (${wanted})`,
      ),
    );
  for (const r of rows) found.set(nodeKey({ level: r.level, index: r.index }), r.hash);
  return found;
}

/** Hashes of ranges from the node table; fails loudly if a node the tree needs is missing. */
async function rangeHashes(executor: Executor, coopId: string, ranges: Range[]) {
  const ids = ranges.flatMap(completeSubtrees);
  const nodes = await readNodes(executor, coopId, ids);
  const node = (id: NodeId) => {
    const hash = nodes.get(nodeKey(id));
    if (!hash) throw new Error(`the log has no node ${nodeKey(id)}: its tables are damaged`);
    return hash;
  };
  return ranges.map((r) => rangeHash(r, node));
}

export async function logSize(executor: Executor, coopId: string): Promise<number> {
  const [row] = await executor
    .select({ size: transparencyLogs.size })
    .from(transparencyLogs)
    .where(eq(transparencyLogs.coopId, coopId));
  return row?.size ?? 0;
}

export async function rootAt(executor: Executor, coopId: string, size: number): Promise<Buffer> {
  if (size === 0) return emptyRoot();
  const [root] = await rangeHashes(executor, coopId, [rootRange(size)]);
  return root!;
}

export async function inclusionProof(
  executor: Executor,
  coopId: string,
  leafIndex: number,
  treeSize: number,
): Promise<Buffer[]> {
  return rangeHashes(executor, coopId, inclusionRanges(leafIndex, treeSize));
}

export async function consistencyProof(
  executor: Executor,
  coopId: string,
  size1: number,
  size2: number,
): Promise<Buffer[]> {
  return rangeHashes(executor, coopId, consistencyRanges(size1, size2));
}

/**
 * Appends leaves in one transaction: locks the log's row, skips events already logged (the
 * dispatcher delivers at least once), computes the new complete subtrees from the right edge in
 * memory and writes them. Returns the new head.
 */
export async function appendLeaves(tx: Tx, coopId: string, leaves: NewLeaf[]): Promise<TreeHead> {
  await tx.insert(transparencyLogs).values({ coopId, size: 0 }).onConflictDoNothing();
  const [log] = await tx
    .select({ size: transparencyLogs.size })
    .from(transparencyLogs)
    .where(eq(transparencyLogs.coopId, coopId))
    .for('update');
  let size = log!.size;

  let fresh = leaves;
  if (leaves.length > 0) {
    const logged = await tx
      .select({ seq: transparencyLeaves.eventSeq })
      .from(transparencyLeaves)
      .where(
        and(
          eq(transparencyLeaves.coopId, coopId),
          inArray(
            transparencyLeaves.eventSeq,
            leaves.map((l) => l.eventSeq),
          ),
        ),
      );
    const done = new Set(logged.map((r) => r.seq));
    fresh = leaves.filter((l) => !done.has(l.eventSeq));
  }

  const edge = frontier(size);
  const known = await readNodes(tx, coopId, edge);
  const newNodes: { coopId: string; level: number; nodeIndex: number; hash: Buffer }[] = [];
  const leafRows = [];
  for (const leaf of fresh) {
    const leafIndex = size;
    leafRows.push({ coopId, leafIndex, ...leaf });
    let level = 0;
    let index = leafIndex;
    let hash = leaf.leafHash;
    for (;;) {
      known.set(nodeKey({ level, index }), hash);
      newNodes.push({ coopId, level, nodeIndex: index, hash });
      if (index % 2 === 0) break;
      const left = known.get(nodeKey({ level, index: index - 1 }));
      if (!left)
        throw new Error(`the log has no node ${level}:${index - 1}: its tables are damaged`);
      hash = nodeHash(left, hash);
      level++;
      index = (index - 1) / 2;
    }
    size++;
  }
  for (let i = 0; i < leafRows.length; i += chunk)
    await tx.insert(transparencyLeaves).values(leafRows.slice(i, i + chunk));
  for (let i = 0; i < newNodes.length; i += chunk)
    await tx.insert(transparencyNodes).values(newNodes.slice(i, i + chunk));
  if (fresh.length > 0)
    await tx
      .update(transparencyLogs)
      .set({ size, updatedAt: sql`now()` })
      .where(eq(transparencyLogs.coopId, coopId));

  const parts = frontier(size).map((id) => known.get(nodeKey(id))!);
  let root = parts.length ? parts[parts.length - 1]! : emptyRoot();
  for (let i = parts.length - 2; i >= 0; i--) root = nodeHash(parts[i]!, root);
  return { size, rootHash: root };
}

/** The leaf that records an event, if the log holds one. */
export async function leafOfEvent(executor: Executor, coopId: string, eventSeq: number) {
  const [leaf] = await executor
    .select()
    .from(transparencyLeaves)
    .where(and(eq(transparencyLeaves.coopId, coopId), eq(transparencyLeaves.eventSeq, eventSeq)));
  return leaf;
}

export async function leafAt(executor: Executor, coopId: string, leafIndex: number) {
  const [leaf] = await executor
    .select()
    .from(transparencyLeaves)
    .where(and(eq(transparencyLeaves.coopId, coopId), eq(transparencyLeaves.leafIndex, leafIndex)));
  return leaf;
}

/** The latest leaf about a subject (a poll's close, an invoice's issue): what a widget shows. */
export async function leavesOfSubject(
  executor: Executor,
  coopId: string,
  subjectType: string,
  subjectId: string,
) {
  return executor
    .select()
    .from(transparencyLeaves)
    .where(
      and(
        eq(transparencyLeaves.coopId, coopId),
        eq(transparencyLeaves.subjectType, subjectType),
        eq(transparencyLeaves.subjectId, subjectId),
      ),
    )
    .orderBy(desc(transparencyLeaves.leafIndex));
}
