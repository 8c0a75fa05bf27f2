import { z } from 'zod';
import { checkCheckpoint, type Outcome } from './cli/verifyCommands.ts';
import { canonicalJson } from './core/canonicalJson.ts';
import { leafHash, parseHexHash, toHex } from './core/hashing.ts';
import { leafEntry, type EventRecord } from './core/leafEntry.ts';
import { verifyInclusion } from './core/verify.ts';
import { checkTallyProof, provedBallotSchema } from './tallyProof.ts';

/**
 * One file that proves a record is in the log (`coop log prove`, the web app's "download the
 * proof"): the leaf's entry, the record it stands for where the entry holds only its hash, the
 * inclusion proof and the signed checkpoint it leads to. `coop log check` needs nothing else but
 * the log's public key.
 */
export const proofFormat = 'hackers-coop/log-proof/v1';

const hex = z.string().regex(/^[0-9a-f]{64}$/);

export const eventRecordSchema = z.object({
  coopId: z.string(),
  seq: z.number().int(),
  type: z.string(),
  version: z.number().int(),
  occurredAt: z.string(),
  subjectType: z.string(),
  subjectId: z.string(),
  actorId: z.string().nullable(),
  data: z.unknown(),
});

export const proofBundleSchema = z
  .object({
    format: z.literal(proofFormat),
    origin: z.string(),
    leafIndex: z.number().int().min(0),
    treeSize: z.number().int().min(1),
    leafHash: hex,
    visibility: z.enum(['public', 'hashed']),
    entry: z.string().describe('The leaf: the RFC 8785 JSON that was hashed'),
    record: eventRecordSchema
      .nullable()
      .describe('For a member-visible leaf, the record whose hash the entry holds'),
    proof: z.array(hex),
    checkpoint: z.string().describe('The signed checkpoint note the proof leads to'),
    ballots: z
      .array(provedBallotSchema)
      .optional()
      .describe(
        'For a tally (poll.closed) and a reader who may see them: the published ballots, which hash to the logged ballotsSha256 and count to the logged outcome',
      ),
  })
  .meta({ id: 'LogProof' });

export type ProofBundle = z.infer<typeof proofBundleSchema>;

/** Checks a proof file against the log key the user trusts (and, if given, the origin). */
export function checkProofBundle(input: unknown, vkey: string, origin?: string): Outcome {
  const parsed = proofBundleSchema.safeParse(input);
  if (!parsed.success)
    return {
      valid: false,
      reason: `not a log proof: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    };
  const b = parsed.data;
  const checkpoint = checkCheckpoint(b.checkpoint, vkey, origin ?? b.origin);
  if (typeof checkpoint === 'string') return { valid: false, reason: `checkpoint: ${checkpoint}` };
  if (checkpoint.size !== BigInt(b.treeSize))
    return { valid: false, reason: 'the checkpoint is not of the tree size the proof is for' };
  const hash = leafHash(Buffer.from(b.entry, 'utf8'));
  if (toHex(hash) !== b.leafHash)
    return { valid: false, reason: 'the entry does not hash to the leaf' };
  let entry: unknown;
  try {
    entry = JSON.parse(b.entry);
  } catch {
    return { valid: false, reason: 'the entry is not JSON' };
  }
  if (canonicalJson(entry) !== b.entry)
    return { valid: false, reason: 'the entry is not canonical' };
  if (b.record) {
    const expected = canonicalJson(leafEntry(b.record as EventRecord, b.visibility));
    if (expected !== b.entry) return { valid: false, reason: 'the record is not the one logged' };
  }
  const verdict = verifyInclusion(
    BigInt(b.leafIndex),
    BigInt(b.treeSize),
    hash,
    b.proof.map((h) => parseHexHash(h)!),
    checkpoint.rootHash,
  );
  if (verdict) return { valid: false, reason: verdict };
  const what = (b.record ?? entry) as {
    type?: string;
    subjectType?: string;
    subjectId?: string;
    data?: unknown;
  };
  // A public tally carries its record in the leaf: its ballots are checked against it.
  let tallyLines: string[] = [];
  if (what.type === 'poll.closed' && b.visibility === 'public') {
    const tally = checkTallyProof(what.data, b.ballots);
    if (!tally.valid) return { valid: false, reason: tally.reason };
    tallyLines = tally.lines;
  } else if (b.ballots) return { valid: false, reason: 'the file holds ballots but no tally' };
  return {
    valid: true,
    output: [
      `valid: ${what.type} of ${what.subjectType} ${what.subjectId} is leaf ${b.leafIndex} of ${checkpoint.origin}`,
      `in the checkpoint of size ${b.treeSize}, root ${toHex(checkpoint.rootHash)}`,
      checkpoint.witnessedBy.length ? `witnessed by ${checkpoint.witnessedBy.join(', ')}` : '',
      ...tallyLines,
    ]
      .filter(Boolean)
      .join('\n'),
  };
}
