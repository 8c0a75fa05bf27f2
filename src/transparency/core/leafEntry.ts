import { createHash } from 'node:crypto';
import { canonicalJson } from './canonicalJson.ts';
import { leafHash } from './hashing.ts';

/**
 * What the log holds for one event. The bylaws make some records public (a tally, a plan) and
 * others visible to members only (an invoice, a member's dividend): a public leaf carries the
 * record; a member-visible one carries only the SHA-256 of the record's canonical JSON, so the
 * public learns nothing from it, yet whoever holds the record can show it is the one logged.
 */
export type Visibility = 'public' | 'hashed';

/** An event as a record: the same fields, whoever serialises it. */
export interface EventRecord {
  coopId: string;
  seq: number;
  type: string;
  version: number;
  occurredAt: string;
  subjectType: string;
  subjectId: string;
  actorId: string | null;
  data: unknown;
}

export interface PublicEntry extends EventRecord {
  v: 1;
}

export interface HashedEntry {
  v: 1;
  coopId: string;
  seq: number;
  type: string;
  version: number;
  occurredAt: string;
  subjectType: string;
  subjectId: string;
  /** Lowercase hex SHA-256 of the record's RFC 8785 JSON. */
  recordHash: string;
}

export type LeafEntry = PublicEntry | HashedEntry;

export const recordHash = (record: EventRecord): string =>
  createHash('sha256').update(canonicalJson(record), 'utf8').digest('hex');

export function leafEntry(record: EventRecord, visibility: Visibility): LeafEntry {
  if (visibility === 'public') return { v: 1, ...record };
  return {
    v: 1,
    coopId: record.coopId,
    seq: record.seq,
    type: record.type,
    version: record.version,
    occurredAt: record.occurredAt,
    subjectType: record.subjectType,
    subjectId: record.subjectId,
    recordHash: recordHash(record),
  };
}

/** The leaf's bytes: the entry's canonical JSON in UTF-8. */
export const leafBytes = (entry: LeafEntry): Buffer => Buffer.from(canonicalJson(entry), 'utf8');

export const entryLeafHash = (entry: LeafEntry): Buffer => leafHash(leafBytes(entry));
