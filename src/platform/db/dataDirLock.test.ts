import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, startServerProcess } from '../../testing/serverProcess.ts';

describe('one process per embedded data directory', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'coop-lock-'));
  // Always PGlite: the lock exists because PGlite has no server of its own.
  const env = { COOP_DATA_DIR: dataDir, DATABASE_URL: undefined };
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('refuses a CLI command and a second server while a server holds it, and recovers after a crash', async () => {
    expect(
      runCli(
        [
          'init',
          '--name',
          'Lock Co-op',
          '--admin-email',
          'a@example.org',
          '--admin-password',
          'long password here',
        ],
        env,
      ).status,
    ).toBe(0);
    const server = await startServerProcess(env);
    try {
      const cli = runCli(['members', 'list'], env);
      expect(cli.status).toBe(2);
      expect(cli.stderr).toContain(
        `is in use by process ${server.child.pid} (coop serve on 127.0.0.1:`,
      );
      await expect(startServerProcess(env)).rejects.toThrow(/in use by process/);
      // The first server is unharmed.
      expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
    } finally {
      await server.stop('SIGKILL');
    }
    // The lock of a killed process is stale: the next command takes it over.
    const after = runCli(['members', 'list', '--json'], env);
    expect(after.status).toBe(0);
    expect(JSON.parse(after.stdout)).toHaveLength(1);
    expect(fs.existsSync(path.join(dataDir, 'coop.lock'))).toBe(false);
  });
});
