import { createHash } from 'node:crypto';

/** RFC 6962 §2.1: leaves and interior nodes are hashed apart, so no leaf can pose as a node. */
const leafPrefix = Buffer.from([0x00]);
const nodePrefix = Buffer.from([0x01]);

export const hashSize = 32;

/** MTH({}) : the hash of the empty string. */
export const emptyRoot = (): Buffer => createHash('sha256').digest();

export const leafHash = (leaf: Uint8Array): Buffer =>
  createHash('sha256').update(leafPrefix).update(leaf).digest();

export const nodeHash = (left: Uint8Array, right: Uint8Array): Buffer =>
  createHash('sha256').update(nodePrefix).update(left).update(right).digest();

/** The largest power of two smaller than n (n > 1): where RFC 6962 splits a tree of n leaves. */
export function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/** A 32-byte hash from lowercase or uppercase hex, or undefined. */
export function parseHexHash(text: string): Buffer | undefined {
  return /^[0-9a-fA-F]{64}$/.test(text) ? Buffer.from(text, 'hex') : undefined;
}

export const toHex = (hash: Uint8Array): string => Buffer.from(hash).toString('hex');
