import { asc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../platform/clock.ts';
import { readEvents } from '../platform/dispatcher.ts';
import { setUpCoop, startTestApp, type TestApp } from '../testing/testApp.ts';
import { checkCheckpoint } from './cli/verifyCommands.ts';
import { latestCheckpoint, recentCheckpoints } from './checkpoints.ts';
import { signAllHeads, transparencyConsumer } from './consumer.ts';
import { leafHash } from './core/hashing.ts';
import { generateKey, parseSignerKey } from './core/keys.ts';
import { MemoryTree } from './core/memoryTree.ts';
import { verifyConsistency, verifyInclusion } from './core/verify.ts';
import { loggedEvents } from './loggedEvents.ts';
import { transparencyCheckpoints, transparencyLeaves } from './schema.ts';
import { consistencyProof, inclusionProof, logSize, rootAt } from './storage.ts';

describe('the transparency log, appended by the dispatcher', () => {
  let app: TestApp;
  let coopId: string;
  const key = generateKey('coop.test');

  beforeAll(async () => {
    app = await startTestApp({ COOP_LOG_SIGNING_KEY: key.skey });
    const admin = await setUpCoop(app);
    coopId = String((await admin.get<{ coop: { id: string } }>('/api/session')).body.coop.id);
    await app.drainJobs();
  });
  afterAll(() => app.stop());

  const db = () => app.database.db;

  it('holds every logged event once, in the order events became final', async () => {
    const all = await readEvents(db(), coopId, { txId: '0', seq: 0 }, 10_000);
    const logged = all.filter((e) => ['public', 'hashed'].includes(loggedEvents[e.type]!));
    expect(logged.length).toBeGreaterThan(0);
    const leaves = await db()
      .select()
      .from(transparencyLeaves)
      .where(eq(transparencyLeaves.coopId, coopId))
      .orderBy(asc(transparencyLeaves.leafIndex));
    expect(leaves.map((l) => l.eventSeq)).toEqual(logged.map((e) => e.seq));
    expect(leaves.map((l) => l.leafIndex)).toEqual(leaves.map((_, i) => i));
    // A member-visible event is in the log only as its record's hash.
    const joined = leaves.find((l) => l.eventType === 'member.joined')!;
    expect(joined.visibility).toBe('hashed');
    expect(JSON.parse(joined.entry)).toHaveProperty('recordHash');
    expect(joined.entry).not.toContain('Ada Admin');
  });

  it('signs a checkpoint of its head that the offline verifier accepts', async () => {
    const size = await logSize(db(), coopId);
    const checkpoint = await latestCheckpoint(db(), coopId);
    expect(checkpoint?.treeSize).toBe(size);
    const checked = checkCheckpoint(checkpoint!.note, key.vkey, 'coop.test/test-hackers-co-op/log');
    if (typeof checked === 'string') throw new Error(checked);
    expect(checked.size).toBe(BigInt(size));
    // The root is the RFC 6962 root of the leaves as stored, recomputed independently.
    const leaves = await db()
      .select({ entry: transparencyLeaves.entry })
      .from(transparencyLeaves)
      .where(eq(transparencyLeaves.coopId, coopId))
      .orderBy(asc(transparencyLeaves.leafIndex));
    const tree = new MemoryTree();
    for (const l of leaves) tree.append(leafHash(Buffer.from(l.entry)));
    expect(checked.rootHash.equals(tree.root())).toBe(true);
  });

  it('proves every leaf at every size, and that each size extends the earlier ones', async () => {
    const size = await logSize(db(), coopId);
    const leaves = await db()
      .select({ index: transparencyLeaves.leafIndex, hash: transparencyLeaves.leafHash })
      .from(transparencyLeaves)
      .where(eq(transparencyLeaves.coopId, coopId));
    for (let n = 1; n <= size; n++) {
      const root = await rootAt(db(), coopId, n);
      for (const leaf of leaves.filter((l) => l.index < n)) {
        const proof = await inclusionProof(db(), coopId, leaf.index, n);
        expect(verifyInclusion(BigInt(leaf.index), BigInt(n), leaf.hash, proof, root)).toBeNull();
      }
      for (let m = 1; m < n; m++) {
        const proof = await consistencyProof(db(), coopId, m, n);
        const earlier = await rootAt(db(), coopId, m);
        expect(verifyConsistency(BigInt(m), BigInt(n), earlier, root, proof)).toBeNull();
      }
    }
  });

  it('appends a redelivered batch only once', async () => {
    const before = await logSize(db(), coopId);
    const all = await readEvents(db(), coopId, { txId: '0', seq: 0 }, 10_000);
    const consumer = transparencyConsumer({ signer: undefined, publicUrl: 'http://coop.test' });
    await consumer.handleBatch!(
      db(),
      all.filter((e) => consumer.wants(e.type)),
      2,
    );
    expect(await logSize(db(), coopId)).toBe(before);
  });

  it('signs, in the hourly pass, a head that no checkpoint covers yet', async () => {
    const size = await logSize(db(), coopId);
    // A batch appended while no key was installed: the head stays unsigned.
    const unsigned = transparencyConsumer({ signer: undefined, publicUrl: 'http://coop.test' });
    await unsigned.handleBatch!(
      db(),
      [
        {
          coopId,
          seq: 1_000_000,
          type: 'bylaws.adopted',
          version: 1,
          actorId: null,
          subjectType: 'bylaws',
          subjectId: '99',
          data: {},
          occurredAt: new Date(),
        },
      ],
      1,
    );
    expect((await latestCheckpoint(db(), coopId))?.treeSize).toBe(size);
    const signer = parseSignerKey(key.skey);
    if (typeof signer === 'string') throw new Error(signer);
    await signAllHeads(db(), { signer, publicUrl: 'http://coop.test' });
    expect((await latestCheckpoint(db(), coopId))?.treeSize).toBe(size + 1);
  });

  it('signs a quiet log again in the hourly pass once its checkpoint is an hour old, not sooner', async () => {
    const signer = parseSignerKey(key.skey);
    if (typeof signer === 'string') throw new Error(signer);
    const last = (await latestCheckpoint(db(), coopId))!;
    const signings = async () =>
      (
        await db()
          .select({ signedAt: transparencyCheckpoints.signedAt })
          .from(transparencyCheckpoints)
          .where(eq(transparencyCheckpoints.coopId, coopId))
      ).length;
    const before = await signings();
    const clock = manualClock(last.signedAt);
    const pass = () => signAllHeads(db(), { signer, publicUrl: 'http://coop.test', clock });

    // Half an hour later, nothing new: the checkpoint is fresh enough.
    clock.advance(30 * 60_000);
    await pass();
    expect(await signings()).toBe(before);
    expect((await latestCheckpoint(db(), coopId))!.signedAt).toEqual(last.signedAt);

    // An hour and a minute later, the unchanged head is signed again, at that time.
    clock.advance(31 * 60_000);
    await pass();
    expect(await signings()).toBe(before + 1);
    const fresh = (await latestCheckpoint(db(), coopId))!;
    expect(fresh.signedAt).toEqual(clock.now());
    expect(fresh.treeSize).toBe(last.treeSize);
    // The note is the same bytes (Ed25519 is deterministic): nothing published ever changes.
    expect(fresh.note).toBe(last.note);
    expect(typeof checkCheckpoint(fresh.note, key.vkey, 'coop.test/test-hackers-co-op/log')).toBe(
      'object',
    );
    // The log page lists the size once, at its latest signing.
    const recent = await recentCheckpoints(db(), coopId, 20);
    expect(recent.filter((c) => c.treeSize === last.treeSize)).toEqual([
      expect.objectContaining({ signedAt: clock.now() }),
    ]);
    const served = await app.client().get<{ checkpoint: { signedAt: string } }>('/api/log');
    expect(new Date(served.body.checkpoint.signedAt)).toEqual(clock.now());

    // And not again within the hour after that.
    clock.advance(54 * 60_000);
    await pass();
    expect(await signings()).toBe(before + 1);
  });

  it('refuses to change or remove a leaf, a node or a checkpoint', async () => {
    const refusal = async (statement: ReturnType<typeof sql>) => {
      try {
        await db().execute(statement);
        return 'accepted';
      } catch (error) {
        return String((error as { cause?: unknown }).cause ?? error);
      }
    };
    expect(await refusal(sql`delete from transparency_leaves where coop_id = ${coopId}`)).toMatch(
      /append-only/,
    );
    expect(
      await refusal(sql`update transparency_nodes set hash = '\\x00' where coop_id = ${coopId}`),
    ).toMatch(/append-only/);
    expect(
      await refusal(sql`delete from transparency_checkpoints where coop_id = ${coopId}`),
    ).toMatch(/append-only/);
  });
});
