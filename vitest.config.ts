import os from 'node:os';
import path from 'node:path';
import { defineConfig } from 'vitest/config';

// Node caches compiled modules for the workers and for every `coop` process the tests spawn
// (the CLI and server tests start dozens): read at each process's start, so set here.
process.env.NODE_COMPILE_CACHE ??= path.join(os.tmpdir(), 'node-compile-cache');

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'server',
          include: ['src/**/*.test.ts'],
          globalSetup: ['src/testing/globalSetup.ts'],
          // PGlite instances are heavy (~350 MB each); two workers fit the machine.
          maxWorkers: 2,
          // Each file would otherwise import the whole app afresh (~1 s of CPU); every file
          // opens its own database and nothing is kept in module state, so files can share.
          isolate: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['web/e2e/**/*.test.ts'],
          globalSetup: ['src/testing/globalSetup.ts'],
          // Each browser test serves its own co-op (its own data directory and port), so two
          // run at a time, after the server tests (a group of their own).
          maxWorkers: 2,
          sequence: { groupOrder: 1 },
          // A page answers within a second on a quiet machine, not always on a loaded one.
          expect: { poll: { timeout: 15_000 } },
          testTimeout: 300_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
