import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addMember,
  setUpCoop,
  startTestApp,
  type TestApp,
  type TestClient,
} from '../testing/testApp.ts';
import {
  checkCheckpoint,
  verifyConsistencyArgs,
  verifyInclusionArgs,
} from './cli/verifyCommands.ts';
import { watch } from './cli/watch.ts';
import { generateWitnessKey } from './core/cosignature.ts';
import { generateKey } from './core/keys.ts';
import { checkProofBundle, type ProofBundle } from './proofBundle.ts';
import { injectedFetch } from './testing.ts';

interface LogSummary {
  origin: string;
  publicKey: string | null;
  size: number;
  checkpoint: { treeSize: number; rootHash: string; witnesses: { name: string }[] } | null;
}
interface Leaf {
  index: number;
  leafHash: string;
  visibility: 'public' | 'hashed';
  eventSeq: number;
  type: string;
  entry: string | null;
}

describe('the log over HTTP', () => {
  let app: TestApp;
  let admin: TestClient;
  let bea: TestClient;
  const key = generateKey('coop.test');
  const origin = 'coop.test/test-hackers-co-op/log';
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'coop-log-routes-'));

  beforeAll(async () => {
    app = await startTestApp({ COOP_LOG_SIGNING_KEY: key.skey });
    admin = await setUpCoop(app);
    ({ client: bea } = await addMember(app, admin, {
      email: 'bea@example.org',
      name: 'Bea',
      memberClass: 'hacker',
    }));
    await app.drainJobs();
  });
  afterAll(async () => {
    await app.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('publishes the key, the origin and a checkpoint anyone can verify', async () => {
    const anon = app.client('10.9.9.9');
    const summary = (await anon.get<LogSummary>('/api/log')).body;
    expect(summary).toMatchObject({ origin, publicKey: key.vkey });
    expect(summary.checkpoint?.treeSize).toBe(summary.size);
    const note = await anon.get<string>('/api/log/checkpoint');
    expect(note.headers['content-type']).toMatch(/^text\/plain/);
    const checked = checkCheckpoint(note.body, key.vkey, origin);
    expect(typeof checked === 'string' ? checked : checked.size).toBe(BigInt(summary.size));
  });

  it('serves inclusion and consistency proofs the CLI verifies, cacheable for a fixed size', async () => {
    const anon = app.client('10.9.9.9');
    const { size, checkpoint } = (await anon.get<LogSummary>('/api/log')).body;
    const { leaves } = (await anon.get<{ leaves: Leaf[] }>('/api/log/leaves')).body;
    expect(leaves).toHaveLength(size);
    for (const leaf of leaves) {
      const response = await anon.get<{ proof: string[]; rootHash: string }>(
        `/api/log/proof/inclusion?index=${leaf.index}&size=${size}`,
      );
      expect(response.headers['cache-control']).toMatch(/immutable/);
      expect(response.body.rootHash).toBe(checkpoint!.rootHash);
      const outcome = verifyInclusionArgs({
        leafHash: leaf.leafHash,
        index: String(leaf.index),
        size: String(size),
        root: checkpoint!.rootHash,
        proof: response.body.proof.join(','),
      });
      expect(outcome.valid, leaf.type).toBe(true);
    }
    const c = (
      await anon.get<{ root1: string; root2: string; proof: string[] }>(
        `/api/log/proof/consistency?size1=1&size2=${size}`,
      )
    ).body;
    expect(
      verifyConsistencyArgs({
        size1: '1',
        size2: String(size),
        root1: c.root1,
        root2: c.root2,
        proof: c.proof.join(','),
      }).valid,
    ).toBe(true);
    expect((await anon.get(`/api/log/proof/consistency?size1=1&size2=${size + 1}`)).status).toBe(
      400,
    );
  });

  it('shows the public what is public, and members the entries of member-visible records', async () => {
    const anon = app.client('10.9.9.9');
    const publicView = (await anon.get<{ leaves: Leaf[] }>('/api/log/leaves')).body.leaves;
    const hashed = publicView.filter((l) => l.visibility === 'hashed');
    expect(hashed.length).toBeGreaterThan(0);
    expect(hashed.every((l) => l.entry === null && l.type === 'hashed')).toBe(true);
    const memberView = (await bea.get<{ leaves: Leaf[] }>('/api/log/leaves')).body.leaves;
    expect(memberView.find((l) => l.type === 'member.joined')?.entry).toMatch(/recordHash/);

    const joined = memberView.find((l) => l.type === 'member.joined')!;
    expect((await anon.get(`/api/log/events/${joined.eventSeq}/proof`)).status).toBe(404);
    const file = await bea.get<ProofBundle>(`/api/log/events/${joined.eventSeq}/proof`);
    expect(file.body.record?.type).toBe('member.joined');
    expect(checkProofBundle(file.body, key.vkey)).toMatchObject({ valid: true });
    const adopted = publicView.find((l) => l.type === 'bylaws.adopted')!;
    const publicFile = await anon.get<ProofBundle>(`/api/log/events/${adopted.eventSeq}/proof`);
    expect(checkProofBundle(publicFile.body, key.vkey)).toMatchObject({ valid: true });
    // Tampering with the record inside a proof file is caught offline.
    const forged = structuredClone(file.body);
    (forged.record!.data as Record<string, unknown>).via = 'forged';
    expect(checkProofBundle(forged, key.vkey)).toEqual({
      valid: false,
      reason: 'the record is not the one logged',
    });
  });

  it('tells a page where a record is: "in the log at index N, checkpoint of <date>"', async () => {
    const anon = app.client('10.9.9.9');
    const { leaves } = (await anon.get<{ leaves: Leaf[] }>('/api/log/leaves')).body;
    const adopted = leaves.find((l) => l.type === 'bylaws.adopted')!;
    const entry = JSON.parse(adopted.entry!) as { subjectType: string; subjectId: string };
    const where = await anon.get<{
      leaves: { leafIndex: number; checkpoint: { signedAt: string } | null }[];
    }>(`/api/log/subjects/${entry.subjectType}/${entry.subjectId}`);
    expect(where.body.leaves[0]).toMatchObject({
      leafIndex: adopted.index,
      checkpoint: { signedAt: expect.any(String) },
    });
  });

  it('lets a member witness: register a key, watch, co-sign; the checkpoint lists them', async () => {
    const witness = generateWitnessKey('bea-laptop');
    const keyFile = path.join(dir, 'witness.key');
    fs.writeFileSync(keyFile, `${witness.skey}\n`);
    const anon = app.client('10.9.9.9');
    expect((await anon.post('/api/log/witnesses', { vkey: witness.vkey })).status).toBe(401);
    // A key whose hash is not its own: refused with the reason as a code the web words.
    const [name, , ...keyParts] = witness.vkey.split('+');
    const forged = await bea.post('/api/log/witnesses', {
      vkey: [name, '00000000', ...keyParts].join('+'),
    });
    expect(forged.status).toBe(400);
    expect(forged.body).toMatchObject({
      code: 'witness.key-invalid',
      params: {
        reason: 'the key hash does not match the key',
        reasonCode: 'reason.witness-key.hash',
      },
    });
    const registered = await bea.post('/api/log/witnesses', { vkey: witness.vkey });
    expect(registered.status).toBe(201);
    // A name is one witness's: another member cannot take it.
    expect((await admin.post('/api/log/witnesses', { vkey: witness.vkey })).status).toBe(409);

    const result = await watch('http://coop.test', {
      key: key.vkey,
      state: path.join(dir, 'state.json'),
      witnessKey: keyFile,
      session: bea.cookie!,
      fetch: injectedFetch(app),
    });
    expect(result).toMatchObject({
      valid: true,
      output: expect.stringMatching(/co-signed as bea-laptop/),
    });
    const note = (await anon.get<string>('/api/log/checkpoint')).body;
    const checked = checkCheckpoint(note, key.vkey, origin, [witness.vkey]);
    expect(typeof checked === 'string' ? checked : checked.witnessedBy).toEqual(['bea-laptop']);
    const summary = (await anon.get<LogSummary>('/api/log')).body;
    expect(summary.checkpoint?.witnesses.map((w) => w.name)).toEqual(['bea-laptop']);

    // A cosignature that does not verify is refused.
    const bad = await bea.post('/api/log/cosignatures', {
      treeSize: summary.size,
      signature: `— bea-laptop ${Buffer.alloc(76, 1).toString('base64')}`,
    });
    expect(bad.status).toBe(400);
  });
});
