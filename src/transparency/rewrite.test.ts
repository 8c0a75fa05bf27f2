import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../platform/db/rows.ts';
import { addMember, setUpCoop, startTestApp, type TestApp } from '../testing/testApp.ts';
import { watch } from './cli/watch.ts';
import { generateKey } from './core/keys.ts';
import { checkProofBundle, type ProofBundle } from './proofBundle.ts';
import { injectedFetch } from './testing.ts';

/**
 * What a rewrite looks like: an administrator with database rights (and, worst case, the
 * signing key) edits a past event and rebuilds the log from the edited history. The log's
 * next checkpoint cannot be consistent with the one a watcher kept, and `coop log watch` says so.
 */
describe('a rewritten history is caught', () => {
  let app: TestApp;
  const key = generateKey('coop.test');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'coop-watch-'));
  const state = path.join(dir, 'state.json');
  const origin = 'coop.test/test-hackers-co-op/log';

  beforeAll(async () => {
    app = await startTestApp({ COOP_LOG_SIGNING_KEY: key.skey });
    const admin = await setUpCoop(app);
    await addMember(app, admin, { email: 'bea@example.org', name: 'Bea', memberClass: 'hacker' });
    await app.drainJobs();
  });
  afterAll(async () => {
    await app.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const run = () => watch('http://coop.test', { key: key.vkey, state, fetch: injectedFetch(app) });

  it('a watcher keeps the first checkpoint and follows honest growth', async () => {
    const first = await run();
    expect(first).toMatchObject({ valid: true, output: expect.stringMatching(/first checkpoint/) });
    const client = app.client('10.0.0.100');
    await client.signIn('admin@example.org', { password: 'correct horse battery' });
    await client.get('/api/session');
    await addMember(
      app,
      client,
      { email: 'cy@example.org', name: 'Cy', memberClass: 'community' },
      '10.0.1.2',
    );
    await app.drainJobs();
    const second = await run();
    expect(second).toMatchObject({ valid: true, output: expect.stringMatching(/: consistent;/) });
  });

  it('an edited past event no longer matches its proof, and the rebuilt log is a fork', async () => {
    const db = app.database.db;
    const client = app.client('10.0.0.100');
    await client.signIn('admin@example.org', { password: 'correct horse battery' });
    await client.get('/api/session');
    const [joined] = await queryRows<{ seq: number }>(
      db,
      sql`select seq::int as seq from events where type = 'member.joined' order by seq limit 1`,
    );
    const before = await client.get<ProofBundle>(`/api/log/events/${joined!.seq}/proof`);
    expect(checkProofBundle(before.body, key.vkey, origin).valid).toBe(true);

    // The administrator with database rights rewrites history.
    await db.execute(sql`alter table events disable trigger events_append_only`);
    await db.execute(
      sql`update events set data = jsonb_set(data, '{via}', '"rewritten"') where seq = ${joined!.seq}`,
    );
    await db.execute(sql`alter table events enable trigger events_append_only`);

    // The member's copy of the record, read from the edited database, is not the one logged.
    const edited = await client.get<ProofBundle>(`/api/log/events/${joined!.seq}/proof`);
    expect(checkProofBundle(edited.body, key.vkey, origin)).toEqual({
      valid: false,
      reason: 'the record is not the one logged',
    });

    // To hide that, they rebuild the log from the edited events, and sign it with the real key.
    await db.execute(sql`truncate transparency_leaves, transparency_nodes, transparency_checkpoints,
      transparency_cosignatures, transparency_logs`);
    await db.execute(
      sql`update event_cursors set position = 0, position_tx = '0'::xid8 where consumer = 'transparency'`,
    );
    await addMember(
      app,
      client,
      { email: 'di@example.org', name: 'Di', memberClass: 'community' },
      '10.0.1.3',
    );
    await app.drainJobs();

    const after = await run();
    expect(after.valid).toBe(false);
    expect(!after.valid && after.reason).toMatch(
      /THE LOG WAS REWRITTEN \(a fork\): the proof does not lead to the first root/,
    );
    // The watcher's state still holds the honest checkpoint: evidence, not overwritten.
    expect(JSON.parse(fs.readFileSync(state, 'utf8')).checkpoint).not.toBe('');
  });
});
