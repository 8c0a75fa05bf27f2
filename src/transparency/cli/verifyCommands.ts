import fs from 'node:fs';
import { parseCheckpoint } from '../core/checkpoint.ts';
import { parseWitnessKey } from '../core/cosignature.ts';
import { parseHexHash, toHex } from '../core/hashing.ts';
import { parseVerifierKey, type NoteVerifier } from '../core/keys.ts';
import { openNote } from '../core/note.ts';
import { verifyConsistency, verifyInclusion } from '../core/verify.ts';

/**
 * The offline verifiers behind `coop log verify-*`: plain functions from what the user typed to
 * a verdict, so that tests and the benchmark run the very code the CLI runs. None of them reads
 * a database or the network.
 */
export type Outcome = { valid: true; output: string } | { valid: false; reason: string };

const invalid = (reason: string): Outcome => ({ valid: false, reason });

function hash(text: string, what: string): Buffer | string {
  return parseHexHash(text) ?? `${what} is not 64 hex digits: ${JSON.stringify(text)}`;
}

function count(text: string, what: string): bigint | string {
  return /^(0|[1-9][0-9]{0,19})$/.test(text) ? BigInt(text) : `${what} is not a whole number`;
}

/** `h1,h2,...` (an empty string is the empty proof). */
function proofHashes(text: string): Buffer[] | string {
  if (text.trim() === '') return [];
  const hashes: Buffer[] = [];
  for (const [i, part] of text.split(',').entries()) {
    const h = hash(part.trim(), `proof hash ${i}`);
    if (typeof h === 'string') return h;
    hashes.push(h);
  }
  return hashes;
}

export interface InclusionArgs {
  leafHash: string;
  index: string;
  size: string;
  root: string;
  proof: string;
}

export function verifyInclusionArgs(args: InclusionArgs): Outcome {
  const leaf = hash(args.leafHash, 'the leaf hash');
  const index = count(args.index, 'the index');
  const size = count(args.size, 'the size');
  const root = hash(args.root, 'the root');
  const proof = proofHashes(args.proof);
  for (const v of [leaf, index, size, root, proof]) if (typeof v === 'string') return invalid(v);
  const verdict = verifyInclusion(
    index as bigint,
    size as bigint,
    leaf as Buffer,
    proof as Buffer[],
    root as Buffer,
  );
  return verdict
    ? invalid(verdict)
    : { valid: true, output: `leaf ${args.index} is in the tree of size ${args.size}` };
}

export interface ConsistencyArgs {
  size1: string;
  size2: string;
  root1: string;
  root2: string;
  proof: string;
}

export function verifyConsistencyArgs(args: ConsistencyArgs): Outcome {
  const size1 = count(args.size1, 'size1');
  const size2 = count(args.size2, 'size2');
  const root1 = hash(args.root1, 'root1');
  const root2 = hash(args.root2, 'root2');
  const proof = proofHashes(args.proof);
  for (const v of [size1, size2, root1, root2, proof]) if (typeof v === 'string') return invalid(v);
  const verdict = verifyConsistency(
    size1 as bigint,
    size2 as bigint,
    root1 as Buffer,
    root2 as Buffer,
    proof as Buffer[],
  );
  return verdict
    ? invalid(verdict)
    : {
        valid: true,
        output: `the tree of size ${args.size2} extends the tree of size ${args.size1}`,
      };
}

export interface CheckedCheckpoint {
  origin: string;
  size: bigint;
  rootHash: Buffer;
  witnessedBy: string[];
  /** Signature lines by keys that were not given: ignored. */
  ignored: string[];
}

/**
 * A checkpoint note is valid when it is well formed, the log's key signed it and its origin is
 * the expected one; the given witnesses' signatures are checked (a bad one fails it) and listed.
 */
export function checkCheckpoint(
  note: Uint8Array | string,
  logKey: string,
  origin: string,
  witnessKeys: string[] = [],
): CheckedCheckpoint | string {
  const log = parseVerifierKey(logKey);
  if (typeof log === 'string') return `the log key: ${log}`;
  const witnesses: NoteVerifier[] = [];
  for (const key of witnessKeys) {
    const w = parseWitnessKey(key);
    if (typeof w === 'string') return `witness key ${key.split('+')[0]}: ${w}`;
    witnesses.push(w);
  }
  const opened = openNote(note, [log, ...witnesses]);
  if (typeof opened === 'string') return opened;
  if (!opened.verified.some((s) => s.name === log.name && s.keyHash === log.keyHash))
    return 'the log’s key did not sign it';
  const checkpoint = parseCheckpoint(opened.text);
  if (typeof checkpoint === 'string') return checkpoint;
  if (checkpoint.origin !== origin)
    return `its origin is ${JSON.stringify(checkpoint.origin)}, not ${JSON.stringify(origin)}`;
  if (checkpoint.rootHash.length !== 32) return 'its root hash is not 32 bytes';
  return {
    origin: checkpoint.origin,
    size: checkpoint.size,
    rootHash: checkpoint.rootHash,
    witnessedBy: opened.verified
      .filter((s) => !(s.name === log.name && s.keyHash === log.keyHash))
      .map((s) => s.name),
    ignored: opened.unverified.map((s) => s.name),
  };
}

export interface CheckpointArgs {
  file: string;
  key: string;
  origin: string;
  witness?: string[];
  json?: boolean;
}

export function verifyCheckpointArgs(args: CheckpointArgs): Outcome {
  let note: Buffer;
  try {
    note = fs.readFileSync(args.file);
  } catch (error) {
    return invalid(`cannot read ${args.file}: ${(error as Error).message}`);
  }
  const checked = checkCheckpoint(note, args.key, args.origin, args.witness ?? []);
  if (typeof checked === 'string') return invalid(checked);
  const summary = {
    origin: checked.origin,
    size: Number(checked.size),
    root_hash: toHex(checked.rootHash),
    witnessed_by: checked.witnessedBy,
  };
  if (args.json) return { valid: true, output: JSON.stringify(summary) };
  const lines = [
    `valid checkpoint of ${checked.origin}`,
    `size ${checked.size}`,
    `root ${summary.root_hash}`,
    `witnessed by: ${checked.witnessedBy.length ? checked.witnessedBy.join(', ') : 'nobody given'}`,
  ];
  if (checked.ignored.length) lines.push(`ignored (unknown keys): ${checked.ignored.join(', ')}`);
  return { valid: true, output: lines.join('\n') };
}
