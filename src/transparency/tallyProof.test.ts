import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pollClosed } from '../governance/events.ts';
import { publishedBallotsSha256 } from '../governance/polls/publishBallots.ts';
import { manualClock } from '../platform/clock.ts';
import { appendTypedEvent } from '../platform/events/append.ts';
import { runCli } from '../testing/serverProcess.ts';
import {
  addMember,
  setUpCoop,
  startTestApp,
  type TestApp,
  type TestClient,
} from '../testing/testApp.ts';
import { canonicalJson } from './core/canonicalJson.ts';
import { leafHash, toHex } from './core/hashing.ts';
import { generateKey } from './core/keys.ts';
import { checkProofBundle, type ProofBundle } from './proofBundle.ts';
import { checkTallyProof, type ProvedBallot } from './tallyProof.ts';

interface Entry {
  data: { ballotsSha256?: string; chosen: string[] } & Record<string, unknown>;
}

const clock = manualClock(new Date());

describe('the proof file of a tally', () => {
  let app: TestApp;
  let admin: TestClient;
  let bea: TestClient;
  let cem: TestClient;
  let coopId: string;
  let pollId: string;
  const key = generateKey('coop.test');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'coop-tally-proof-'));

  /** The proof file of a subject's poll.closed leaf, as a reader downloads it. */
  const proofFile = async (reader: TestClient, subjectId: string) => {
    const leaves = await reader.get<{ leaves: { eventSeq: number; type: string }[] }>(
      `/api/log/subjects/poll/${subjectId}`,
    );
    const leaf = leaves.body.leaves.find((l) => l.type === 'poll.closed')!;
    const file = await reader.get<ProofBundle>(`/api/log/events/${leaf.eventSeq}/proof`);
    expect(file.status).toBe(200);
    return file.body;
  };

  beforeAll(async () => {
    app = await startTestApp({ COOP_LOG_SIGNING_KEY: key.skey }, { clock });
    admin = await setUpCoop(app);
    coopId = (await admin.get<{ coop: { id: string } }>('/api/session')).body.coop.id;
    ({ client: bea } = await addMember(app, admin, {
      email: 'bea@example.org',
      name: 'Bea',
      memberClass: 'hacker',
    }));
    ({ client: cem } = await addMember(
      app,
      admin,
      { email: 'cem@example.org', name: 'Cem', memberClass: 'community' },
      '10.0.1.2',
    ));
    const closesAt = new Date(clock.now().getTime() + 10 * 86_400_000);
    const poll = await admin.post<{ id: string }>('/api/proposals', {
      title: 'Colour of the logo',
      method: 'ranked',
      secret: true,
      options: ['Red', 'Green', 'Blue'],
      opensAt: new Date(clock.now().getTime() - 1000).toISOString(),
      closesAt: closesAt.toISOString(),
    });
    expect(poll.status).toBe(201);
    pollId = poll.body.id;
    await app.drainJobs();
    for (const [voter, ranking] of [
      [admin, [1, 2, 3]],
      [bea, [2, 1, 3]],
      [cem, [2, 3, 1]],
    ] as const)
      expect(
        (await voter.post(`/api/polls/${pollId}/votes`, { content: { ranking } })).status,
      ).toBe(200);
    clock.set(new Date(closesAt.getTime() + 1000));
    expect((await admin.post(`/api/polls/${pollId}/close`)).status).toBe(204);
    await app.drainJobs();
  });
  // The last test closes the app to let the CLI open its database (PGlite has one holder).
  let closed = false;
  afterAll(async () => {
    if (closed) await app.target.drop();
    else await app.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('carries the ballots as the poll publishes them, and checks: hash, then recount', async () => {
    const file = await proofFile(bea, pollId);
    const published = (await bea.get<{ ballots: ProvedBallot[] }>(`/api/polls/${pollId}`)).body
      .ballots;
    expect(file.ballots).toEqual(published);
    // A secret poll's ballots name nobody, in the file as on the page.
    expect(file.ballots!.every((b) => b.personId === null && b.voterClass === null)).toBe(true);
    const entry = JSON.parse(file.entry) as Entry;
    expect(entry.data.ballotsSha256).toBe(publishedBallotsSha256(published));
    const checked = checkProofBundle(file, key.vkey);
    expect(checked).toMatchObject({ valid: true });
    const output = checked.valid ? checked.output : '';
    expect(output).toMatch(/ballots: 3 published ballot\(s\) hash to [0-9a-f]{64}, the commitment/);
    expect(output).toMatch(
      /recount: counted again by ranked: passed, chosen: Green, the outcome logged/,
    );
  });

  it('leaves the ballots out for a reader who may not read them, and says so', async () => {
    const file = await proofFile(app.client('10.9.9.9'), pollId);
    expect(file.ballots).toBeUndefined();
    const checked = checkProofBundle(file, key.vkey);
    expect(checked.valid ? checked.output : checked.reason).toMatch(
      /ballots: committed as SHA-256 [0-9a-f]{64}, but not in this file/,
    );
  });

  it('fails on the hash when one ballot was changed', async () => {
    const file = await proofFile(bea, pollId);
    const changed = structuredClone(file);
    changed.ballots![0]!.content = { ranking: [3, 1, 2] };
    const checked = checkProofBundle(changed, key.vkey);
    expect(checked).toMatchObject({
      valid: false,
      reason: expect.stringMatching(/^the ballots are not the ones logged: they hash to /),
    });
    // The CLI says the same and exits 1.
    const written = path.join(dir, 'changed.json');
    fs.writeFileSync(written, JSON.stringify(changed));
    const result = runCli(['log', 'check', written, '--key', key.vkey], {});
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/the ballots are not the ones logged/);
  });

  it('fails on the inclusion proof when the ballots and the logged hash are both rewritten', async () => {
    const file = await proofFile(bea, pollId);
    const forged = structuredClone(file);
    for (const b of forged.ballots!) b.content = { ranking: [1, 2, 3] };
    const entry = JSON.parse(forged.entry) as Entry;
    entry.data.ballotsSha256 = publishedBallotsSha256(forged.ballots!);
    entry.data.chosen = ['Red'];
    forged.entry = canonicalJson(entry);
    forged.leafHash = toHex(leafHash(Buffer.from(forged.entry, 'utf8')));
    expect(checkProofBundle(forged, key.vkey)).toEqual({
      valid: false,
      reason: 'the proof leads to another root',
    });
  });

  it('fails when the logged outcome is not what the ballots count to', async () => {
    const file = await proofFile(bea, pollId);
    const entry = JSON.parse(file.entry) as Entry;
    expect(checkTallyProof(entry.data, file.ballots)).toMatchObject({ valid: true });
    // A log that committed to the true ballots but an outcome they do not give.
    expect(checkTallyProof({ ...entry.data, chosen: ['Red'] }, file.ballots)).toEqual({
      valid: false,
      reason:
        'the recount differs from the logged tally: counted again, 3 ballot(s) give "passed, chosen: Green"; the log says 3 ballot(s) gave "passed, chosen: Red"',
    });
  });

  it('proves the outcome of a poll closed before ballots were committed, and says so', async () => {
    // A poll.closed event as the code before the commitment wrote it.
    const oldPoll = randomUUID();
    await appendTypedEvent(app.database.db, pollClosed, {
      coopId,
      actorId: null,
      subjectId: oldPoll,
      data: {
        ballots: 4,
        quorumMet: true,
        passed: true,
        chosen: ['yes'],
        adoptedBylawsVersion: null,
        adoptedBudgetLines: 0,
        elected: [],
      },
      occurredAt: clock.now(),
    });
    await app.drainJobs();
    const file = await proofFile(bea, oldPoll);
    expect(file.ballots).toBeUndefined();
    const checked = checkProofBundle(file, key.vkey);
    expect(checked).toMatchObject({ valid: true });
    expect(checked.valid ? checked.output : '').toMatch(
      /tally: passed, chosen: yes, from 4 ballot\(s\), as logged\nballots: NOT committed/,
    );
  });

  it('is written by `coop log prove poll.closed:<id>` and passes `coop log check`', async () => {
    await app.close();
    closed = true;
    const out = path.join(dir, 'tally.json');
    const env = {
      COOP_DATA_DIR: app.target.dataDir,
      DATABASE_URL: app.target.databaseUrl,
      PUBLIC_URL: 'http://coop.test',
    };
    const proved = runCli(['log', 'prove', `poll.closed:${pollId}`, '--out', out], env);
    expect(proved.stderr).toBe('');
    const file = JSON.parse(fs.readFileSync(out, 'utf8')) as ProofBundle;
    expect(file.ballots).toHaveLength(3);
    const checked = runCli(['log', 'check', out, '--key', key.vkey], {});
    expect(checked.status).toBe(0);
    expect(checked.stdout).toMatch(/recount: counted again by ranked: .*Green, the outcome logged/);
  });
});
