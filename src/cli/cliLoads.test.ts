/**
 * What `coop --help` and `coop tally` load, seen from inside the process: a module hook records
 * every module Node loads (import and require alike), both from the TypeScript sources and from
 * the bundle (built here into a directory of its own, each chunk mapped back to the sources in
 * it). Neither command may load the database layer, the server, or a domain other than the
 * counting code: that was two seconds of every command's start-up.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCli } from './build.ts';
import * as choices from './choices.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'coop-cli-loads-'));
// Beside the real bundle (same depth, same node_modules), but never the one bin/coop.js runs.
const outdir = path.join(root, 'node_modules/.cache', `coop-cli-test-${process.pid}`);
const hook = path.join(work, 'record-loads.mjs');
const blt = path.join(work, 'small.blt');

fs.writeFileSync(
  hook,
  `import fs from 'node:fs';
import { registerHooks } from 'node:module';
const loaded = [];
registerHooks({
  load(url, context, nextLoad) {
    loaded.push(url);
    return nextLoad(url, context);
  },
});
process.on('exit', () => fs.writeFileSync(process.env.COOP_LOADS_OUT, loaded.join('\\n')));
`,
);
fs.writeFileSync(blt, '3 1\n4 1 2 0\n3 2 0\n2 3 2 0\n0\n"A"\n"B"\n"C"\n"Small"\n');

let built = false;
beforeAll(async () => {
  built = await buildCli({ outdir });
}, 120_000);
afterAll(() => {
  fs.rmSync(work, { recursive: true, force: true });
  fs.rmSync(outdir, { recursive: true, force: true });
});

/** Runs `node ENTRY ARGS`; returns the repository files and the packages the process loaded. */
function loads(entry: string, env: Record<string, string>, args: string[]) {
  const out = path.join(work, `loads-${Math.random().toString(36).slice(2)}.txt`);
  const result = spawnSync(
    process.execPath,
    ['--import', pathToFileURL(hook).href, entry, ...args],
    {
      cwd: root,
      env: { ...process.env, ...env, COOP_LOADS_OUT: out },
      encoding: 'utf8',
      timeout: 60_000,
    },
  );
  expect(result.status, result.stderr).toBe(0);
  const urls = fs.readFileSync(out, 'utf8').split('\n').filter(Boolean);
  const files = new Set<string>();
  const packages = new Set<string>();
  const chunks = fs.existsSync(path.join(outdir, 'metafile.json'))
    ? (JSON.parse(fs.readFileSync(path.join(outdir, 'metafile.json'), 'utf8')) as {
        outputs: Record<string, { inputs: Record<string, unknown> }>;
      })
    : { outputs: {} };
  const inChunk = new Map(
    Object.entries(chunks.outputs).map(([file, o]) => [path.basename(file), Object.keys(o.inputs)]),
  );
  const add = (file: string) => {
    const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file);
    if (pkg) packages.add(pkg[1]!);
    else files.add(file);
  };
  for (const url of urls) {
    if (!url.startsWith('file:')) continue;
    const file = path.relative(root, fileURLToPath(url)).split(path.sep).join('/');
    if (file.startsWith(path.relative(root, outdir))) {
      const inputs = inChunk.get(path.basename(file));
      if (!inputs) throw new Error(`${file} is not in the bundle's metafile`);
      inputs.forEach(add);
    } else add(file);
  }
  return { files: [...files].sort(), packages: [...packages].sort(), stdout: result.stdout };
}

describe.each<{ from: string; entry: string; env: Record<string, string> }>([
  // bin/coop.js, told to ignore any bundle in node_modules/.cache/coop-cli.
  { from: 'the TypeScript sources', entry: 'bin/coop.js', env: { COOP_CLI_FROM_SOURCES: '1' } },
  { from: 'the bundle', entry: path.join(outdir, 'main.mjs'), env: {} },
])('run from $from', ({ entry, env }) => {
  const run = (...args: string[]) => loads(entry, env, args);
  const skipWithoutBundle = (context: { skip: () => void }) => {
    // Without esbuild (an install with --omit=dev) there is no bundle to check.
    if (entry !== 'bin/coop.js' && !built) context.skip();
  };

  it('`coop --help` loads the command declarations and commander only', (context) => {
    skipWithoutBundle(context);
    const { files, packages, stdout } = run('--help');
    expect(stdout).toMatch(/Usage: coop/);
    expect(packages).toEqual(['commander']);
    for (const file of files)
      expect(file).toMatch(
        /^(bin\/coop\.js|src\/cli\/[^/]+\.ts|src\/platform\/errors\.ts|src\/governance\/tally\/types\.ts)$/,
      );
  });

  it('`coop tally` loads the counting code, and no database, server or other domain', (context) => {
    skipWithoutBundle(context);
    const { files, packages, stdout } = run('tally', blt);
    expect(stdout).toMatch(/Elected \(in order\): B/);
    // The hook does see the counting code: the check below cannot pass by seeing nothing.
    expect(files).toContain('src/governance/tally/blt.ts');
    expect(packages).toEqual(['commander']);
    for (const file of files) {
      expect(file).not.toMatch(/^src\/platform\/db\//);
      expect(file).toMatch(
        /^(bin\/coop\.js|src\/cli\/(commands\/)?[^/]+\.ts|src\/platform\/errors\.ts|src\/governance\/tally\/[^/]+\.ts)$/,
      );
    }
  });
});

it('repeats the domain lists of option values exactly, in order', async () => {
  const members = await import('../members/schema.ts');
  const finance = await import('../finance/schema.ts');
  const exports = await import('../finance/exports.ts');
  const decode = await import('../finance/statements/parsers/decode.ts');
  expect(choices.memberClasses).toEqual(members.memberClasses);
  expect(choices.membershipStatuses).toEqual(members.membershipStatuses);
  expect(choices.statementFormats).toEqual(finance.statementFormats);
  expect(choices.exportFormats).toEqual(exports.exportFormats);
  expect(choices.statementCharsets).toEqual(decode.statementCharsets);
});
