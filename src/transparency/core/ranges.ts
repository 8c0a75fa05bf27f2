import { nodeHash, splitPoint } from './hashing.ts';

/**
 * A subtree of the log as RFC 6962 splits it: leaves [start, end). Proofs are lists of such
 * subtrees' hashes, and every one of them is a complete (power of two, aligned) subtree or the
 * right edge of one, so storage that keeps the hash of every complete subtree answers any proof
 * with O(log n) reads.
 */
export interface Range {
  start: number;
  end: number;
}

/** A complete subtree: 2^level leaves starting at index * 2^level. */
export interface NodeId {
  level: number;
  index: number;
}

/** RFC 9162 §2.1.3.1 PATH(m, D[start:end]), deepest sibling first, as ranges. */
export function inclusionRanges(leafIndex: number, treeSize: number): Range[] {
  if (!(leafIndex >= 0 && leafIndex < treeSize)) throw new RangeError('leaf index out of range');
  const path: Range[] = [];
  const walk = (m: number, start: number, end: number) => {
    const n = end - start;
    if (n === 1) return;
    const k = splitPoint(n);
    if (m < k) {
      walk(m, start, start + k);
      path.push({ start: start + k, end });
    } else {
      walk(m - k, start + k, end);
      path.push({ start, end: start + k });
    }
  };
  walk(leafIndex, 0, treeSize);
  return path;
}

/** RFC 9162 §2.1.4.1 PROOF(m, D[n]) as ranges: empty when m is 0 or n. */
export function consistencyRanges(size1: number, size2: number): Range[] {
  if (!(size1 >= 0 && size1 <= size2)) throw new RangeError('size1 must be within 0..size2');
  if (size1 === 0 || size1 === size2) return [];
  const proof: Range[] = [];
  const sub = (m: number, start: number, end: number, whole: boolean) => {
    const n = end - start;
    if (m === n) {
      if (!whole) proof.push({ start, end });
      return;
    }
    const k = splitPoint(n);
    if (m <= k) {
      sub(m, start, start + k, whole);
      proof.push({ start: start + k, end });
    } else {
      sub(m - k, start + k, end, false);
      proof.push({ start, end: start + k });
    }
  };
  sub(size1, 0, size2, true);
  return proof;
}

/**
 * The complete subtrees that make up a range, left to right: its hash is theirs folded from the
 * right (the left part of an RFC 6962 split is always the largest complete subtree).
 */
export function completeSubtrees(range: Range): NodeId[] {
  const nodes: NodeId[] = [];
  let start = range.start;
  while (start < range.end) {
    let level = 0;
    while (start % 2 ** (level + 1) === 0 && start + 2 ** (level + 1) <= range.end) level++;
    nodes.push({ level, index: start / 2 ** level });
    start += 2 ** level;
  }
  return nodes;
}

/** The hash of a range from the hashes of its complete subtrees. */
export function rangeHash(range: Range, node: (id: NodeId) => Buffer): Buffer {
  const parts = completeSubtrees(range).map(node);
  let hash = parts[parts.length - 1]!;
  for (let i = parts.length - 2; i >= 0; i--) hash = nodeHash(parts[i]!, hash);
  return hash;
}

/** The subtrees a tree of this size is made of: its root is their fold (a compact range). */
export const rootRange = (treeSize: number): Range => ({ start: 0, end: treeSize });

export const nodeKey = (id: NodeId): string => `${id.level}:${id.index}`;
