#!/usr/bin/env node
// A .js shim so that `npx coop` works. Plain JavaScript importing nothing of ours: whatever is
// here is paid at every start.
//
// 1. Commands that open the database and exit run with V8's --liftoff-only: PGlite is a 9 MB
//    WebAssembly module, and compiling its hot functions again with the optimizing compiler
//    costs a short command more than it saves (on the demo books, `coop report trial-balance`
//    used 4.7 s of CPU and 640 MB with it, 1.8 s and 270 MB without). V8 takes the flag only at
//    start-up, so this process starts a second one with it. `serve` runs long and keeps the
//    optimizing compiler; `tally` and `--help` do not use the database. COOP_CLI_LIFTOFF=0
//    turns this off.
// 2. It runs the CLI's bundle, built into node_modules/.cache/coop-cli/ by `npm install` and
//    `npm start` (src/cli/build.ts), when every source file in it is as it was at the build;
//    otherwise (no bundle, a source edited since, or COOP_CLI_FROM_SOURCES=1) the TypeScript
//    sources, which Node strips of their types.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const oneShotDatabaseCommands = new Set([
  'init',
  'members',
  'backup',
  'restore',
  'create',
  'list',
  'demo',
  'ledger',
  'report',
  'year-end',
]);

function wantsLiftoff() {
  if (process.env.COOP_CLI_LIFTOFF === '0' || process.execArgv.includes('--liftoff-only'))
    return false;
  if (args.includes('--help') || args.includes('-h')) return false;
  // The command is the first word that is neither an option nor the value of `--coop`.
  const command = args.find((a, i) => !a.startsWith('-') && args[i - 1] !== '--coop');
  return oneShotDatabaseCommands.has(command ?? '');
}

function bundleIsCurrent(root, bundle) {
  if (process.env.COOP_CLI_FROM_SOURCES === '1') return false;
  let manifest;
  try {
    manifest = JSON.parse(fs.readFileSync(new URL('manifest.json', bundle), 'utf8'));
  } catch {
    return false;
  }
  for (const [file, [size, mtimeMs]] of Object.entries(manifest.sources)) {
    const stat = fs.statSync(new URL(file, root), { throwIfNoEntry: false });
    if (!stat || stat.size !== size || stat.mtimeMs !== mtimeMs) return false;
  }
  return true;
}

if (wantsLiftoff()) {
  const child = spawn(
    process.execPath,
    [...process.execArgv, '--liftoff-only', fileURLToPath(import.meta.url), ...args],
    { stdio: 'inherit' },
  );
  // A terminal's Ctrl-C reaches both processes; a signal sent to this one alone is passed on.
  const forward = (signal) => child.kill(signal);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, forward);
  child.on('error', (error) => {
    console.error(error.message);
    process.exit(1);
  });
  child.on('exit', (code, signal) => {
    if (signal) {
      for (const s of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.off(s, forward);
      process.kill(process.pid, signal);
    } else process.exit(code ?? 1);
  });
} else {
  const root = new URL('../', import.meta.url);
  const bundle = new URL('node_modules/.cache/coop-cli/', root);
  await import(
    bundleIsCurrent(root, bundle) ? new URL('main.mjs', bundle).href : '../src/cli/main.ts'
  );
}
