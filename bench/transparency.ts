/**
 * The transparency log benchmark (`node bench/transparency.ts`):
 *  1. builds BENCH_LOG_LEAVES (1,000,000) leaves as the dispatcher would (an event record in
 *     RFC 8785 JSON, SHA-256 with the leaf prefix), and appends them to the in-memory tree;
 *  2. appends the same leaves to the database (PGlite in a temporary data directory; then
 *     PostgreSQL on BENCH_DATABASE_URL, by default the local server when it answers, `off`
 *     skips it) through appendLeaves, the consumer's own path, BENCH_LOG_BATCH leaves per
 *     transaction; the stored root must equal the in-memory one;
 *  3. at that size, generates BENCH_LOG_PROOFS inclusion proofs and as many consistency proofs
 *     from the database (random leaves and sizes), each compared with the in-memory tree's;
 *  4. verifies 10,000 inclusion proofs with the CLI's own code (verifyInclusionArgs, hex in),
 *     in-process;
 *  5. prints a table with per-proof times and the ratios to one SHA-256 of a node, the unit of
 *     the work, measured in the same run.
 */

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setupCoop } from '../src/coop/commands/setupCoop.ts';
import { openDatabase } from '../src/platform/db/database.ts';
import { verifyInclusionArgs } from '../src/transparency/cli/verifyCommands.ts';
import { canonicalJson } from '../src/transparency/core/canonicalJson.ts';
import { leafHash, nodeHash, toHex } from '../src/transparency/core/hashing.ts';
import { leafEntry } from '../src/transparency/core/leafEntry.ts';
import { MemoryTree } from '../src/transparency/core/memoryTree.ts';
import {
  appendLeaves,
  consistencyProof,
  inclusionProof,
  rootAt,
  type NewLeaf,
} from '../src/transparency/storage.ts';
import { createScratchDatabase, defaultAdminUrl } from './postgres.ts';
import { summarize } from './stats.ts';

const num = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const leafCount = num('BENCH_LOG_LEAVES', 1_000_000);
const batch = num('BENCH_LOG_BATCH', 5_000);
const proofCount = num('BENCH_LOG_PROOFS', 1_000);
const verifyCount = 10_000;

// A fixed pseudo-random sequence: the same leaves and proofs every run.
let seed = 42;
const random = (below: number) => {
  seed = (seed * 1103515245 + 12345) % 2 ** 31;
  return seed % below;
};

const ms = (start: number) => performance.now() - start;
const fmt = (n: number, digits = 1) => n.toFixed(digits);

console.log(`Transparency log benchmark: ${leafCount.toLocaleString('en')} leaves`);

// The unit: one node hash.
const a = leafHash(Buffer.from('a'));
let t = performance.now();
let h = a;
for (let i = 0; i < 200_000; i++) h = nodeHash(h, a);
const nodeHashUs = (ms(t) * 1000) / 200_000;

const coopId = '00000000-0000-4000-8000-000000000000';
t = performance.now();
const leaves: NewLeaf[] = [];
for (let i = 0; i < leafCount; i++) {
  const entry = leafEntry(
    {
      coopId,
      seq: i + 1,
      type: 'ledger.entry-posted',
      version: 1,
      occurredAt: new Date(Date.UTC(2026, 0, 1) + i * 1000).toISOString(),
      subjectType: 'journal-entry',
      subjectId: `e-${i}`,
      actorId: null,
      data: { amountMinor: String(1000 + (i % 997)), currency: 'EUR' },
    },
    i % 3 === 0 ? 'public' : 'hashed',
  );
  const text = canonicalJson(entry);
  leaves.push({
    eventSeq: i + 1,
    eventType: 'ledger.entry-posted',
    subjectType: 'journal-entry',
    subjectId: `e-${i}`,
    visibility: i % 3 === 0 ? 'public' : 'hashed',
    entry: text,
    leafHash: leafHash(Buffer.from(text)),
  });
}
const buildMs = ms(t);

t = performance.now();
const tree = new MemoryTree();
for (const leaf of leaves) tree.append(leaf.leafHash);
const memoryAppendMs = ms(t);
const root = tree.root();

// Proofs from memory, for the ratio and as the reference the database must match.
const inclusionTargets = Array.from({ length: proofCount }, () => random(leafCount));
const consistencyTargets = Array.from({ length: proofCount }, () => 1 + random(leafCount - 1));
t = performance.now();
for (const i of inclusionTargets) tree.inclusionProof(i);
const memoryInclusionUs = (ms(t) * 1000) / proofCount;

// 10,000 inclusion proofs verified with the CLI's code, from hex as a user would type them.
const verifyInputs = Array.from({ length: verifyCount }, () => {
  const index = random(leafCount);
  return {
    leafHash: toHex(leaves[index]!.leafHash),
    index: String(index),
    size: String(leafCount),
    root: toHex(root),
    proof: tree.inclusionProof(index).map(toHex).join(','),
  };
});
t = performance.now();
let verified = 0;
for (const input of verifyInputs) if (verifyInclusionArgs(input).valid) verified++;
const verifyMs = ms(t);
if (verified !== verifyCount) throw new Error(`only ${verified} of ${verifyCount} proofs verified`);

interface DbRow {
  name: string;
  appendMs: number;
  inclusion: ReturnType<typeof summarize>;
  consistency: ReturnType<typeof summarize>;
}

async function runOn(name: string, databaseUrl: string | undefined): Promise<DbRow> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'coop-bench-log-'));
  const database = await openDatabase({ databaseUrl, dataDir, holder: 'bench/transparency.ts' });
  try {
    const { db } = database;
    const { coop } = await setupCoop(db, {
      name: 'Bench Log Co-op',
      currency: 'EUR',
      admin: { displayName: 'B', email: 'b@bench.example.org', password: 'bench-passphrase-ok' },
    });
    let start = performance.now();
    for (let i = 0; i < leafCount; i += batch) {
      const part = leaves.slice(i, i + batch);
      await db.transaction((tx) => appendLeaves(tx, coop.id, part));
      if ((i / batch) % 40 === 0 && i > 0)
        process.stdout.write(
          `  ${name}: ${i.toLocaleString('en')} leaves, ${fmt(ms(start) / 1000)} s\r`,
        );
    }
    const appendMs = ms(start);
    if (!(await rootAt(db, coop.id, leafCount)).equals(root))
      throw new Error(`${name}: the stored root differs from the in-memory root`);
    const inclusionTimes: number[] = [];
    for (const i of inclusionTargets) {
      start = performance.now();
      const proof = await inclusionProof(db, coop.id, i, leafCount);
      inclusionTimes.push(ms(start));
      if (
        inclusionTimes.length <= 20 &&
        proof.map(toHex).join() !== tree.inclusionProof(i).map(toHex).join()
      )
        throw new Error(`${name}: inclusion proof ${i} differs`);
    }
    const consistencyTimes: number[] = [];
    for (const m of consistencyTargets) {
      start = performance.now();
      const proof = await consistencyProof(db, coop.id, m, leafCount);
      consistencyTimes.push(ms(start));
      if (
        consistencyTimes.length <= 20 &&
        proof.map(toHex).join() !== tree.consistencyProof(m).map(toHex).join()
      )
        throw new Error(`${name}: consistency proof ${m} differs`);
    }
    return {
      name,
      appendMs,
      inclusion: summarize(inclusionTimes),
      consistency: summarize(consistencyTimes),
    };
  } finally {
    await database.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

const rows: DbRow[] = [await runOn('PGlite', undefined)];
const pgSetting = process.env.BENCH_DATABASE_URL;
if (pgSetting !== 'off') {
  const scratch = await createScratchDatabase(
    pgSetting ?? defaultAdminUrl,
    pgSetting !== undefined,
  );
  if ('skipped' in scratch) console.log(scratch.skipped);
  else
    try {
      rows.push(await runOn(`PostgreSQL ${scratch.serverVersion}`, scratch.url));
    } finally {
      await scratch.drop();
    }
}

const perSecond = (count: number, millis: number) =>
  Math.round((count / millis) * 1000).toLocaleString('en');
console.log('');
console.log(`one node hash (SHA-256 of 65 bytes): ${fmt(nodeHashUs, 2)} µs`);
console.log(
  `build ${leafCount.toLocaleString('en')} leaves (RFC 8785 + leaf hash): ${fmt(buildMs / 1000, 2)} s (${perSecond(leafCount, buildMs)}/s)`,
);
console.log(
  `append to the in-memory tree: ${fmt(memoryAppendMs / 1000, 2)} s (${fmt((memoryAppendMs * 1000) / leafCount / nodeHashUs, 2)} node hashes' time per leaf)`,
);
console.log(`inclusion proof in memory: ${fmt(memoryInclusionUs, 1)} µs per proof`);
console.log(
  `verify ${verifyCount.toLocaleString('en')} inclusion proofs (CLI code, hex in): ${fmt(verifyMs, 0)} ms, ${fmt((verifyMs * 1000) / verifyCount, 1)} µs each = ${fmt((verifyMs * 1000) / verifyCount / nodeHashUs, 1)} node hashes (a proof has ${tree.inclusionProof(0).length} steps)`,
);
console.log('');
console.log(
  '| database | append 1M leaves | leaves/s | inclusion proof p50 / p99 | consistency proof p50 / p99 | DB proof / memory proof |',
);
console.log('| --- | --- | --- | --- | --- | --- |');
for (const r of rows)
  console.log(
    `| ${r.name} | ${fmt(r.appendMs / 1000)} s | ${perSecond(leafCount, r.appendMs)} | ${fmt(r.inclusion.p50Ms, 2)} / ${fmt(r.inclusion.p99Ms, 2)} ms | ${fmt(r.consistency.p50Ms, 2)} / ${fmt(r.consistency.p99Ms, 2)} ms | ${fmt((r.inclusion.p50Ms * 1000) / memoryInclusionUs, 0)}× |`,
  );
