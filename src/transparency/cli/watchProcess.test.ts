import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, setUpCoop, startTestApp, type TestApp } from '../../testing/testApp.ts';
import { generateKey } from '../core/keys.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/**
 * `coop log watch` as an operator runs it: the built CLI in a process of its own, over HTTP, to
 * a served app. Spawned without blocking, since the app answering it lives in this process.
 */
function watchProcess(url: string, vkey: string, state: string) {
  return new Promise<{ status: number | null; stdout: string; stderr: string }>(
    (resolve, reject) => {
      const child = spawn(
        process.execPath,
        [path.join(root, 'bin/coop.js'), 'log', 'watch', url, '--key', vkey, '--state', state],
        { cwd: root, env: { ...process.env, COOP_LOG: 'warn' } },
      );
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const timer = setTimeout(() => child.kill(), 60_000);
      child.on('error', reject);
      child.on('close', (status) => {
        clearTimeout(timer);
        resolve({ status, stdout, stderr });
      });
    },
  );
}

describe('coop log watch, as a process, against a served co-op', () => {
  let app: TestApp;
  let url: string;
  const key = generateKey('coop.test');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'coop-watch-process-'));
  const state = path.join(dir, 'watch-state.json');
  const admin = () => app.client('10.0.0.100');

  beforeAll(async () => {
    app = await startTestApp({ COOP_LOG_SIGNING_KEY: key.skey });
    await setUpCoop(app);
    await app.drainJobs();
    url = await app.app.listen({ host: '127.0.0.1', port: 0 });
  });
  afterAll(async () => {
    await app.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const signedIn = async () => {
    const client = admin();
    await client.signIn('admin@example.org', { password: 'correct horse battery' });
    await client.get('/api/session');
    return client;
  };

  it('keeps the first checkpoint, follows the log as it grows, and exits 1 on a fork', async () => {
    const first = await watchProcess(url, key.vkey, state);
    expect(first).toMatchObject({ status: 0, stderr: '' });
    expect(first.stdout).toMatch(/^first checkpoint of coop\.test\/test-hackers-co-op\/log kept/);
    const kept = JSON.parse(fs.readFileSync(state, 'utf8')) as { size: number; rootHash: string };
    expect(kept.size).toBeGreaterThan(0);

    await addMember(app, await signedIn(), {
      email: 'bea@example.org',
      name: 'Bea',
      memberClass: 'hacker',
    });
    await app.drainJobs();
    const second = await watchProcess(url, key.vkey, state);
    expect(second).toMatchObject({ status: 0, stderr: '' });
    expect(second.stdout).toMatch(new RegExp(`^size ${kept.size} → \\d+: consistent; root`));
    const followed = fs.readFileSync(state, 'utf8');
    expect(JSON.parse(followed).size).toBeGreaterThan(kept.size);

    // An administrator with database rights (and the signing key) edits a past event and
    // rebuilds the log from the edited history, as rewrite.test.ts does.
    const db = app.database.db;
    await db.execute(sql`alter table events disable trigger events_append_only`);
    await db.execute(
      sql`update events set data = jsonb_set(data, '{via}', '"rewritten"')
          where seq = (select min(seq) from events where type = 'member.joined')`,
    );
    await db.execute(sql`alter table events enable trigger events_append_only`);
    await db.execute(sql`truncate transparency_leaves, transparency_nodes, transparency_checkpoints,
      transparency_cosignatures, transparency_logs`);
    await db.execute(
      sql`update event_cursors set position = 0, position_tx = '0'::xid8 where consumer = 'transparency'`,
    );
    await addMember(
      app,
      await signedIn(),
      { email: 'cy@example.org', name: 'Cy', memberClass: 'community' },
      '10.0.1.2',
    );
    await app.drainJobs();

    const third = await watchProcess(url, key.vkey, state);
    expect(third.status).toBe(1);
    expect(third.stdout).toBe('');
    expect(third.stderr).toMatch(/^invalid: THE LOG WAS REWRITTEN \(a fork\): /);
    // Both checkpoints are printed: the one kept and the one served now.
    expect(third.stderr).toContain(`size ${JSON.parse(followed).size}`);
    expect(third.stderr).toContain('— coop.test');
    // The honest checkpoint stays in the state file, as evidence.
    expect(fs.readFileSync(state, 'utf8')).toBe(followed);
  });
});
