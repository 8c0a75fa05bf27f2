import { and, desc, eq, sql } from 'drizzle-orm';
import type { Executor, Tx } from '../platform/db/database.ts';
import { queryRows } from '../platform/db/rows.ts';
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
import { transparencyLeaves, transparencyLogs } from './schema.ts';

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

/** Rows per INSERT. */

/**
 * A PostgreSQL array literal, sent as one text parameter: PostgreSQL parses it far faster than
 * drizzle binds thousands of parameters. Text elements are quoted with `"` and `\` escaped.
 */
function pgArray(values: (string | number)[]): string {
  const quote = (v: string | number) =>
    typeof v === 'number' ? String(v) : `"${v.replaceAll(/[\\"]/g, (c) => `\\${c}`)}"`;
  return `{${values.map(quote).join(',')}}`;
}
const chunk = 5000;

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

/**
 * Reads the stored hashes of these complete subtrees (one query, O(log n) rows): level 0 is the
 * leaves' own hashes, higher levels the node table.
 */
export async function readNodes(
  executor: Executor,
  coopId: string,
  ids: NodeId[],
): Promise<Map<string, Buffer>> {
  const found = new Map<string, Buffer>();
  if (ids.length === 0) return found;
  const leafIndexes = ids.filter((id) => id.level === 0).map((id) => id.index);
  const inner = ids.filter((id) => id.level > 0);
  const rows = await queryRows<{ level: number; index: string | number; hash: Buffer }>(
    executor,
    sql`select 0 as level, leaf_index as index, leaf_hash as hash from transparency_leaves
        where coop_id = ${coopId}
          and leaf_index = any(${pgArray(leafIndexes)}::bigint[])
        union all
        select level, node_index, hash from transparency_nodes
        where coop_id = ${coopId}
          and (level, node_index) in (
            select * from unnest(${pgArray(inner.map((id) => id.level))}::smallint[],
                                 ${pgArray(inner.map((id) => id.index))}::bigint[]))`,
  );
  for (const r of rows)
    found.set(nodeKey({ level: Number(r.level), index: Number(r.index) }), Buffer.from(r.hash));
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
    const logged = await queryRows<{ seq: string | number }>(
      tx,
      sql`select event_seq as seq from transparency_leaves where coop_id = ${coopId}
          and event_seq = any(${pgArray(leaves.map((l) => l.eventSeq))}::bigint[])`,
    );
    const done = new Set(logged.map((r) => Number(r.seq)));
    fresh = leaves.filter((l) => !done.has(l.eventSeq));
  }

  const edge = frontier(size);
  const known = await readNodes(tx, coopId, edge);
  const newNodes: { level: number; nodeIndex: number; hash: Buffer }[] = [];
  const leafRows = [];
  for (const leaf of fresh) {
    const leafIndex = size;
    leafRows.push({ coopId, leafIndex, ...leaf });
    let level = 0;
    let index = leafIndex;
    let hash = leaf.leafHash;
    for (;;) {
      known.set(nodeKey({ level, index }), hash);
      // Level 0 is the leaf's own hash, kept in the leaves table.
      if (level > 0) newNodes.push({ level, nodeIndex: index, hash });
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
  // One statement per chunk, each column one array parameter.
  for (let i = 0; i < leafRows.length; i += chunk) {
    const part = leafRows.slice(i, i + chunk);
    const column = <T extends string | number>(pick: (l: (typeof part)[number]) => T) =>
      pgArray(part.map(pick));
    await tx.execute(sql`insert into transparency_leaves (coop_id, leaf_index, event_seq, event_type,
        subject_type, subject_id, visibility, entry, leaf_hash)
      select ${coopId}, i, s, t, st, si, v, e, decode(h, 'hex')
      from unnest(${column((l) => l.leafIndex)}::bigint[], ${column((l) => l.eventSeq)}::bigint[],
        ${column((l) => l.eventType)}::text[], ${column((l) => l.subjectType)}::text[],
        ${column((l) => l.subjectId)}::text[], ${column((l) => l.visibility)}::text[],
        ${column((l) => l.entry)}::text[], ${column((l) => l.leafHash.toString('hex'))}::text[])
        as r(i, s, t, st, si, v, e, h)`);
  }
  for (let i = 0; i < newNodes.length; i += chunk) {
    const part = newNodes.slice(i, i + chunk);
    await tx.execute(sql`insert into transparency_nodes (coop_id, level, node_index, hash)
      select ${coopId}, l, n, decode(h, 'hex')
      from unnest(${`{${part.map((x) => x.level).join(',')}}`}::smallint[],
                  ${`{${part.map((x) => x.nodeIndex).join(',')}}`}::bigint[],
                  ${`{${part.map((x) => x.hash.toString('hex')).join(',')}}`}::text[]) as t(l, n, h)`);
  }
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
