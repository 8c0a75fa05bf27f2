import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../testing/serverProcess.ts';
import { formatCheckpoint } from '../core/checkpoint.ts';
import { generateWitnessKey, parseWitnessSigner } from '../core/cosignature.ts';
import { leafHash, toHex } from '../core/hashing.ts';
import { generateKey, parseSignerKey } from '../core/keys.ts';
import { MemoryTree } from '../core/memoryTree.ts';
import { signatureLine, signNote } from '../core/note.ts';
import {
  verifyCheckpointArgs,
  verifyConsistencyArgs,
  verifyInclusionArgs,
} from './verifyCommands.ts';

const tree = new MemoryTree();
for (let i = 0; i < 13; i++) tree.append(leafHash(Buffer.from(`record ${i}`)));
const hexList = (hashes: Buffer[]) => hashes.map(toHex).join(',');

describe('coop log verify-inclusion and verify-consistency', () => {
  const inclusion = {
    leafHash: toHex(leafHash(Buffer.from('record 5'))),
    index: '5',
    size: '13',
    root: toHex(tree.root()),
    proof: hexList(tree.inclusionProof(5)),
  };
  const consistency = {
    size1: '6',
    size2: '13',
    root1: toHex(tree.root(6)),
    root2: toHex(tree.root()),
    proof: hexList(tree.consistencyProof(6)),
  };

  it('accepts true proofs and says why a false one fails', () => {
    expect(verifyInclusionArgs(inclusion).valid).toBe(true);
    expect(verifyInclusionArgs({ ...inclusion, index: '6' })).toEqual({
      valid: false,
      reason: 'the proof leads to another root',
    });
    expect(verifyInclusionArgs({ ...inclusion, root: 'xyz' })).toMatchObject({
      reason: expect.stringMatching(/the root is not 64 hex digits/),
    });
    expect(verifyConsistencyArgs(consistency).valid).toBe(true);
    expect(verifyConsistencyArgs({ ...consistency, root1: toHex(tree.root(5)) }).valid).toBe(false);
  });

  it('exits 0 when valid and 1 with the reason when not, from the real CLI', () => {
    const flags = (o: Record<string, string>) =>
      Object.entries(o).flatMap(([k, v]) => [
        `--${k.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`,
        v,
      ]);
    const ok = runCli(['log', 'verify-inclusion', ...flags(inclusion)], {});
    expect(ok.status).toBe(0);
    expect(ok.stdout).toMatch(/leaf 5 is in the tree of size 13/);
    const bad = runCli(['log', 'verify-consistency', ...flags({ ...consistency, size1: '7' })], {});
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/^invalid: /);
  });
});

describe('coop log verify-checkpoint', () => {
  const origin = 'coop.example.org/acme/log';
  const log = parseSignerKey(generateKey('coop.example.org').skey);
  if (typeof log === 'string') throw new Error(log);
  const alice = generateWitnessKey('alice');
  const mallory = generateWitnessKey('mallory');
  const body = formatCheckpoint({ origin, size: 13n, rootHash: tree.root() });
  const cosign = (skey: string) => {
    const w = parseWitnessSigner(skey);
    if (typeof w === 'string') throw new Error(w);
    return signatureLine(w.name, w.keyHash, w.sign(Buffer.from(body)));
  };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'coop-checkpoint-'));
  const file = (name: string, text: string) => {
    const f = path.join(dir, name);
    fs.writeFileSync(f, text);
    return f;
  };
  const signed = signNote(body, log);
  const witnessed = signed + cosign(alice.skey) + cosign(mallory.skey);

  it('lists the witnesses given, ignores unknown ones, and prints JSON', () => {
    const result = verifyCheckpointArgs({
      file: file('w.txt', witnessed),
      key: log.vkey,
      origin,
      witness: [alice.vkey],
      json: true,
    });
    expect(result.valid && JSON.parse(result.output)).toEqual({
      origin,
      size: 13,
      root_hash: toHex(tree.root()),
      witnessed_by: ['alice'],
    });
  });

  it('fails on another origin, another log key, or a bad witness signature', () => {
    const f = file('s.txt', signed);
    expect(verifyCheckpointArgs({ file: f, key: log.vkey, origin: 'elsewhere/log' })).toMatchObject(
      {
        valid: false,
      },
    );
    expect(
      verifyCheckpointArgs({ file: f, key: generateKey('coop.example.org').vkey, origin }),
    ).toMatchObject({ valid: false, reason: 'note has no verifiable signatures' });
    // One character changed in the middle of alice's signature, past its key hash.
    const forged = witnessed.replace(
      /(— alice .{40})(.)/,
      (_, head: string, c: string) => head + (c === 'A' ? 'B' : 'A'),
    );
    expect(
      verifyCheckpointArgs({
        file: file('f.txt', forged),
        key: log.vkey,
        origin,
        witness: [alice.vkey],
      }),
    ).toMatchObject({
      valid: false,
      reason: expect.stringMatching(/invalid signature for key alice/),
    });
  });

  it('runs from the CLI with --witness repeated', () => {
    const result = runCli(
      [
        'log',
        'verify-checkpoint',
        file('c.txt', witnessed),
        '--key',
        log.vkey,
        '--origin',
        origin,
        '--witness',
        alice.vkey,
        '--witness',
        mallory.vkey,
      ],
      {},
    );
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/witnessed by: alice, mallory/);
  });
});
