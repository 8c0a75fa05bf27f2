import { emptyRoot, nodeHash } from './hashing.ts';
import { consistencyRanges, inclusionRanges, rangeHash, rootRange, type NodeId } from './ranges.ts';

/**
 * The log's tree held in memory: the hash of every complete subtree, by level. The database
 * keeps the same nodes in a table (storage.ts); this one serves tests, the benchmark and
 * `coop log check` of a whole exported log.
 */
export class MemoryTree {
  private readonly levels: Buffer[][] = [[]];

  get size(): number {
    return this.levels[0]!.length;
  }

  /** Adds a leaf hash; each complete subtree it closes is hashed once, O(log n) amortised O(1). */
  append(leafHash: Buffer): void {
    let level = 0;
    let hash = leafHash;
    for (;;) {
      const row = (this.levels[level] ??= []);
      row.push(hash);
      const index = row.length - 1;
      if (index % 2 === 0) return;
      hash = nodeHash(row[index - 1]!, hash);
      level++;
    }
  }

  node = (id: NodeId): Buffer => {
    const hash = this.levels[id.level]?.[id.index];
    if (!hash) throw new RangeError(`no complete subtree ${id.level}:${id.index}`);
    return hash;
  };

  root(treeSize = this.size): Buffer {
    if (treeSize > this.size) throw new RangeError('tree size beyond the log');
    return treeSize === 0 ? emptyRoot() : rangeHash(rootRange(treeSize), this.node);
  }

  inclusionProof(leafIndex: number, treeSize = this.size): Buffer[] {
    if (treeSize > this.size) throw new RangeError('tree size beyond the log');
    return inclusionRanges(leafIndex, treeSize).map((r) => rangeHash(r, this.node));
  }

  consistencyProof(size1: number, size2 = this.size): Buffer[] {
    if (size2 > this.size) throw new RangeError('tree size beyond the log');
    return consistencyRanges(size1, size2).map((r) => rangeHash(r, this.node));
  }
}
