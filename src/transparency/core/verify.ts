import { hashSize, nodeHash } from './hashing.ts';

/** Why a proof failed, in words a person running the CLI can act on; null when it holds. */
export type Verdict = string | null;

const sameBytes = (a: Uint8Array, b: Uint8Array) => Buffer.from(a).equals(Buffer.from(b));

const isOdd = (n: bigint) => (n & 1n) === 1n;

function badHashes(hashes: Uint8Array[], what: string): Verdict {
  const bad = hashes.findIndex((h) => h.length !== hashSize);
  return bad < 0 ? null : `${what} ${bad} is ${hashes[bad]!.length} bytes, not ${hashSize}`;
}

/**
 * RFC 9162 §2.1.3.2: the root that an inclusion proof leads to, or why it leads nowhere.
 * Sizes and indexes are bigints so that a log of any size (up to 2^64) verifies exactly.
 */
export function rootFromInclusionProof(
  leafIndex: bigint,
  treeSize: bigint,
  leafHash: Uint8Array,
  proof: Uint8Array[],
): Buffer | string {
  if (leafIndex < 0n || leafIndex >= treeSize)
    return `leaf index ${leafIndex} is not below the tree size ${treeSize}`;
  if (leafHash.length !== hashSize) return `the leaf hash is ${leafHash.length} bytes, not 32`;
  const bad = badHashes(proof, 'proof hash');
  if (bad) return bad;
  let fn = leafIndex;
  let sn = treeSize - 1n;
  let r: Buffer = Buffer.from(leafHash);
  for (const p of proof) {
    if (sn === 0n) return 'the proof is longer than the tree is deep';
    if (isOdd(fn) || fn === sn) {
      r = nodeHash(p, r);
      if (!isOdd(fn)) {
        while (!isOdd(fn) && fn !== 0n) {
          fn >>= 1n;
          sn >>= 1n;
        }
      }
    } else {
      r = nodeHash(r, p);
    }
    fn >>= 1n;
    sn >>= 1n;
  }
  if (sn !== 0n) return 'the proof is shorter than the tree is deep';
  return r;
}

export function verifyInclusion(
  leafIndex: bigint,
  treeSize: bigint,
  leafHash: Uint8Array,
  proof: Uint8Array[],
  root: Uint8Array,
): Verdict {
  const computed = rootFromInclusionProof(leafIndex, treeSize, leafHash, proof);
  if (typeof computed === 'string') return computed;
  return sameBytes(computed, root) ? null : 'the proof leads to another root';
}

/**
 * RFC 9162 §2.1.4.2: does the tree of size2 with root2 extend the tree of size1 with root1?
 * Like the reference implementation, a proof from the empty tree is refused as meaningless (it
 * proves nothing), and equal sizes need an empty proof and equal roots.
 */
export function verifyConsistency(
  size1: bigint,
  size2: bigint,
  root1: Uint8Array,
  root2: Uint8Array,
  proof: Uint8Array[],
): Verdict {
  if (size2 < size1) return `size2 ${size2} is smaller than size1 ${size1}`;
  if (size1 === 0n) return 'a consistency proof from the empty tree proves nothing';
  if (size1 === size2) {
    if (proof.length > 0) return 'the sizes are equal, so the proof must be empty';
    return sameBytes(root1, root2) ? null : 'the sizes are equal but the roots differ';
  }
  if (proof.length === 0) return 'the proof is empty';
  const bad = badHashes(proof, 'proof hash') ?? badHashes([root1, root2], 'root');
  if (bad) return bad;
  const path = [...proof];
  // A first tree that is a complete subtree is not in the proof: it is its own root.
  if ((size1 & (size1 - 1n)) === 0n) path.unshift(root1);
  let fn = size1 - 1n;
  let sn = size2 - 1n;
  while (isOdd(fn)) {
    fn >>= 1n;
    sn >>= 1n;
  }
  let fr: Buffer = Buffer.from(path[0]!);
  let sr: Buffer = Buffer.from(path[0]!);
  for (const c of path.slice(1)) {
    if (sn === 0n) return 'the proof is longer than it should be';
    if (isOdd(fn) || fn === sn) {
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
      if (!isOdd(fn)) {
        while (!isOdd(fn) && fn !== 0n) {
          fn >>= 1n;
          sn >>= 1n;
        }
      }
    } else {
      sr = nodeHash(sr, c);
    }
    fn >>= 1n;
    sn >>= 1n;
  }
  if (sn !== 0n) return 'the proof is shorter than it should be';
  if (!sameBytes(fr, root1)) return 'the proof does not lead to the first root';
  if (!sameBytes(sr, root2)) return 'the proof does not lead to the second root';
  return null;
}
