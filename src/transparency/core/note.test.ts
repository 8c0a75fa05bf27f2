import { describe, expect, it } from 'vitest';
import vectors from '../fixtures/notes.json' with { type: 'json' };
import { formatCheckpoint, parseCheckpoint } from './checkpoint.ts';
import {
  cosignatureTime,
  generateWitnessKey,
  parseWitnessKey,
  parseWitnessSigner,
} from './cosignature.ts';
import { generateKey, parseSignerKey, parseVerifierKey, type NoteVerifier } from './keys.ts';
import { openNote, signNote, type OpenedNote } from './note.ts';

const verifier = (vkey: string): NoteVerifier => {
  const v = parseVerifierKey(vkey);
  if (typeof v === 'string') throw new Error(v);
  return v;
};
const opened = (result: OpenedNote | string): OpenedNote => {
  if (typeof result === 'string') throw new Error(result);
  return result;
};
const peter = verifier(vectors.peterVkey);
const enoch = verifier(vectors.enochVkey);

describe('keys (golang.org/x/mod sumdb/note vectors)', () => {
  it('reads the published verifier and signer keys', () => {
    expect(peter.name).toBe('PeterNeumann');
    expect(peter.keyHash).toBe(0xc74f20a3);
    const signer = parseSignerKey(vectors.peterSkey);
    expect(typeof signer === 'string' ? signer : signer.vkey).toBe(vectors.peterVkey);
  });

  it('refuses every substring and every one-character change of a key', () => {
    const refused = (key: string) => typeof parseVerifierKey(key) === 'string';
    const key = vectors.peterVkey;
    for (let i = 0; i <= key.length; i++)
      for (let j = i + 1; j <= key.length; j++)
        if (i !== 0 || j !== key.length)
          expect(refused(key.slice(i, j)), key.slice(i, j)).toBe(true);
    for (let i = 0; i < key.length; i++) {
      const changed =
        key.slice(0, i) + String.fromCharCode(key.charCodeAt(i) + 1) + key.slice(i + 1);
      expect(refused(changed), changed).toBe(true);
    }
    for (const bad of vectors.badVkeys) expect(refused(bad)).toBe(true);
    const skey = vectors.peterSkey;
    for (let i = 0; i < skey.length; i++) {
      const changed =
        skey.slice(0, i) + String.fromCharCode(skey.charCodeAt(i) + 1) + skey.slice(i + 1);
      expect(typeof parseSignerKey(changed), changed).toBe('string');
    }
  });

  it('signs as Go does, byte for byte', () => {
    const signer = parseSignerKey(vectors.peterSkey);
    if (typeof signer === 'string') throw new Error(signer);
    expect(signNote(vectors.text, signer)).toBe(vectors.signedByPeter);
  });

  it('generates keys that sign and verify each other, and no other', () => {
    const { skey, vkey } = generateKey('EnochRoot');
    const signer = parseSignerKey(skey);
    if (typeof signer === 'string') throw new Error(signer);
    expect(signer.vkey).toBe(vkey);
    const note = signNote('hello\n', signer);
    expect(opened(openNote(note, [verifier(vkey)])).verified).toHaveLength(1);
    expect(openNote(note, [peter])).toBe('note has no verifiable signatures');
  });
});

describe('openNote (sumdb/note TestOpen)', () => {
  const { text, peterSig, enochSig } = vectors;

  it('verifies known keys and sets unknown ones aside', () => {
    const one = opened(openNote(`${text}\n${peterSig}${enochSig}`, [peter]));
    expect(one.text).toBe(text);
    expect(one.verified.map((s) => s.name)).toEqual(['PeterNeumann']);
    expect(one.unverified.map((s) => s.name)).toEqual(['EnochRoot']);
    const both = opened(openNote(`${text}\n${peterSig}${enochSig}`, [peter, enoch]));
    expect(both.verified.map((s) => s.name)).toEqual(['PeterNeumann', 'EnochRoot']);
    expect(both.unverified).toEqual([]);
  });

  it('fails with no known key, an ambiguous key, or too many signatures', () => {
    expect(openNote(`${text}\n${peterSig}${enochSig}`, [])).toBe(
      'note has no verifiable signatures',
    );
    expect(openNote(`${text}\n${enochSig}`, [enoch, peter, enoch])).toBe(
      'ambiguous key EnochRoot+af0cfe78',
    );
    expect(typeof openNote(`${text}\n${peterSig}`, [enoch, peter, enoch])).toBe('object');
    expect(openNote(`${text}\n${peterSig.repeat(101)}`, [peter])).toBe('malformed note');
  });

  it('fails on an invalid signature by a known key, not by an unknown one', () => {
    const broken = (sig: string) => sig.slice(0, 60) + 'ABCD' + sig.slice(60);
    expect(openNote(`${text}\n${broken(peterSig)}`, [peter])).toBe(
      'invalid signature for key PeterNeumann+c74f20a3',
    );
    const n = opened(
      openNote(`${text}\n${peterSig}${peterSig}${enochSig}${enochSig}${broken(enochSig)}`, [peter]),
    );
    expect(n.verified).toHaveLength(1);
    expect(n.unverified).toHaveLength(2);
  });

  it('refuses malformed notes', () => {
    for (const bad of vectors.malformed) expect(openNote(bad, [peter]), bad).toBe('malformed note');
    const invalidUtf8 = Buffer.concat([Buffer.from([0xff]), Buffer.from(`${text}\n${peterSig}`)]);
    expect(openNote(invalidUtf8, [peter])).toBe('malformed note');
  });
});

describe('checkpoints (transparency-dev/formats vectors)', () => {
  it.each(vectors.checkpoints)('reads $origin $size', (c) => {
    const parsed = parseCheckpoint(c.body);
    if (typeof parsed === 'string') throw new Error(parsed);
    expect(parsed.origin).toBe(c.origin);
    expect(parsed.size).toBe(BigInt(c.size));
    expect(parsed.rootHash.toString('utf8')).toBe(c.hashUtf8);
    expect(parsed.rest).toBe(c.rest ?? '');
    if (!c.rest) expect(formatCheckpoint(parsed)).toBe(c.body);
  });

  it.each(vectors.badCheckpoints)('refuses %j', (body) => {
    expect(typeof parseCheckpoint(body)).toBe('string');
  });
});

describe('witness cosignatures (C2SP tlog-cosignature)', () => {
  const body = formatCheckpoint({
    origin: 'example.org/log',
    size: 5n,
    rootHash: Buffer.alloc(32, 7),
  });
  const { skey, vkey } = generateWitnessKey('alice-witness');

  it('cosign a checkpoint with their time; the log key and the witness key stay apart', () => {
    const witness = parseWitnessSigner(skey, () => new Date('2026-12-01T10:00:00Z'));
    if (typeof witness === 'string') throw new Error(witness);
    expect(witness.vkey).toBe(vkey);
    const log = parseSignerKey(generateKey('example.org/log').skey);
    if (typeof log === 'string') throw new Error(log);
    const note = signNote(body, log);
    const cosigned = note + signNote(body, witness).slice(body.length + 1);
    const witnessKey = parseWitnessKey(vkey);
    if (typeof witnessKey === 'string') throw new Error(witnessKey);
    const result = opened(openNote(cosigned, [log.verifier, witnessKey]));
    expect(result.verified.map((s) => s.name)).toEqual(['example.org/log', 'alice-witness']);
    expect(cosignatureTime(result.verified[1]!.base64)?.toISOString()).toBe(
      '2026-12-01T10:00:00.000Z',
    );
    // A cosignature on another checkpoint does not verify.
    const other = formatCheckpoint({
      origin: 'example.org/log',
      size: 6n,
      rootHash: Buffer.alloc(32, 7),
    });
    const moved = cosigned.replace(body, other);
    expect(openNote(moved, [witnessKey])).toBe(
      'invalid signature for key ' +
        `alice-witness+${witnessKey.keyHash.toString(16).padStart(8, '0')}`,
    );
    // The witness's key does not verify as the log's: its hash is typed 0x04.
    expect(opened(openNote(cosigned, [log.verifier])).unverified.map((s) => s.name)).toEqual([
      'alice-witness',
    ]);
  });
});
