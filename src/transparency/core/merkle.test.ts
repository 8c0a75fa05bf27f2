import { describe, expect, it } from 'vitest';
import inclusionVectors from '../fixtures/merkle-inclusion.json' with { type: 'json' };
import consistencyVectors from '../fixtures/merkle-consistency.json' with { type: 'json' };
import reference from '../fixtures/merkle-reference-tree.json' with { type: 'json' };
import { emptyRoot, leafHash, nodeHash, splitPoint, toHex } from './hashing.ts';
import { MemoryTree } from './memoryTree.ts';
import { verifyConsistency, verifyInclusion } from './verify.ts';

const b64 = (s: string) => Buffer.from(s, 'base64');
// Go writes a nil proof as null: `proof ?? []` below.

/** MTH straight from RFC 6962 §2.1, recursive: the oracle the stored tree is checked against. */
function mth(leaves: Buffer[]): Buffer {
  if (leaves.length === 0) return emptyRoot();
  if (leaves.length === 1) return leafHash(leaves[0]!);
  const k = splitPoint(leaves.length);
  return nodeHash(mth(leaves.slice(0, k)), mth(leaves.slice(k)));
}

describe('RFC 6962 hashing', () => {
  it('matches the reference hasher', () => {
    const h = reference.hasherHex;
    expect(toHex(emptyRoot())).toBe(h.emptyRoot);
    expect(toHex(leafHash(Buffer.alloc(0)))).toBe(h.emptyLeaf);
    expect(toHex(leafHash(Buffer.from('L123456')))).toBe(h.leafL123456);
    expect(toHex(nodeHash(Buffer.from('N123'), Buffer.from('N456')))).toBe(h.nodeN123N456);
  });

  it('gives the published root of every tree size 0 to 8', () => {
    const tree = new MemoryTree();
    const leaves = reference.leavesHex.map((x) => Buffer.from(x, 'hex'));
    expect(toHex(tree.root())).toBe(reference.rootsHexBySize[0]);
    leaves.forEach((leaf, i) => {
      tree.append(leafHash(leaf));
      expect(toHex(tree.root())).toBe(reference.rootsHexBySize[i + 1]);
    });
    // Past sizes stay answerable after the tree has grown.
    for (let size = 0; size <= 8; size++)
      expect(toHex(tree.root(size))).toBe(reference.rootsHexBySize[size]);
  });
});

describe('verifiers against transparency-dev/merkle vectors', () => {
  const inclusion = Object.entries(inclusionVectors.vectors);
  const consistency = Object.entries(consistencyVectors.vectors);

  it('has the vectors, negative ones included', () => {
    expect(inclusion.length).toBeGreaterThan(90);
    expect(inclusion.filter(([, v]) => v.wantErr).length).toBeGreaterThan(80);
    expect(consistency.filter(([, v]) => v.wantErr).length).toBeGreaterThan(80);
  });

  it.each(inclusion)('inclusion %s', (_, v) => {
    const verdict = verifyInclusion(
      BigInt(v.leafIdx),
      BigInt(v.treeSize),
      b64(v.leafHash),
      (v.proof ?? []).map(b64),
      b64(v.root),
    );
    if (v.wantErr) expect(verdict).not.toBeNull();
    else expect(verdict).toBeNull();
  });

  it.each(consistency)('consistency %s', (_, v) => {
    const verdict = verifyConsistency(
      BigInt(v.size1),
      BigInt(v.size2),
      b64(v.root1),
      b64(v.root2),
      (v.proof ?? []).map(b64),
    );
    if (v.wantErr) expect(verdict).not.toBeNull();
    else expect(verdict).toBeNull();
  });

  it('generates the very proofs the happy-path vectors publish', () => {
    const tree = new MemoryTree();
    for (const leaf of reference.leavesHex) tree.append(leafHash(Buffer.from(leaf, 'hex')));
    for (const [name, v] of inclusion.filter(
      ([n, v]) => n.endsWith('happy-path.json') && !v.wantErr,
    ))
      expect(
        tree.inclusionProof(v.leafIdx, v.treeSize).map((h) => h.toString('base64')),
        name,
      ).toEqual(v.proof ?? []);
    for (const [name, v] of consistency.filter(
      ([n, v]) => n.endsWith('happy-path.json') && !v.wantErr,
    ))
      expect(
        tree.consistencyProof(v.size1, v.size2).map((h) => h.toString('base64')),
        name,
      ).toEqual(v.proof ?? []);
  });
});

describe('generated proofs, every index and size up to 70', () => {
  it('verify, and fail once any part is changed', () => {
    const leaves = Array.from({ length: 70 }, (_, i) => Buffer.from(`leaf ${i}`));
    const tree = new MemoryTree();
    for (const leaf of leaves) tree.append(leafHash(leaf));
    for (let size = 1; size <= 70; size++) {
      const root = tree.root(size);
      expect(root.equals(mth(leaves.slice(0, size)))).toBe(true);
      for (let i = 0; i < size; i++) {
        const proof = tree.inclusionProof(i, size);
        const hash = leafHash(leaves[i]!);
        expect(verifyInclusion(BigInt(i), BigInt(size), hash, proof, root)).toBeNull();
        expect(
          verifyInclusion(BigInt(i), BigInt(size), leafHash(Buffer.from('x')), proof, root),
        ).not.toBeNull();
        if (size > 1)
          expect(
            verifyInclusion(BigInt((i + 1) % size), BigInt(size), hash, proof, root),
          ).not.toBeNull();
      }
      for (let m = 1; m <= size; m++) {
        const proof = tree.consistencyProof(m, size);
        expect(verifyConsistency(BigInt(m), BigInt(size), tree.root(m), root, proof)).toBeNull();
        if (m < size) {
          const forged = [...proof];
          forged[0] = nodeHash(forged[0]!, forged[0]!);
          expect(
            verifyConsistency(BigInt(m), BigInt(size), tree.root(m), root, forged),
          ).not.toBeNull();
          expect(
            verifyConsistency(BigInt(m), BigInt(size), tree.root(m), tree.root(size - 1), proof),
          ).not.toBeNull();
        }
      }
    }
  });
});
