/**
 * The contributions benchmark (`node bench/contributions.ts`), in one run:
 *
 * 1. A repository of BENCH_COMMITS (100,000) commits, generated with `git fast-import`
 *    (bench/contributionsRepo.ts; kept in the temporary directory between runs).
 * 2. The bare cost: `git log` of every branch and tag with our exact format and `--numstat`,
 *    its output read and thrown away (median of 3), and the same without `--numstat`.
 * 3. Ingestion, whole: registering the repository and `syncRepository` into a fresh PGlite
 *    database (and PostgreSQL when the local server answers), in this process; then
 *    `coop contributions sync` as an operator runs it, a process of its own on a fresh PGlite
 *    data directory, start-up included, three times, each beside a git log of its own.
 *    Throughput ratio: git log time / ingestion time.
 * 4. The DCO check of a 1,000-commit range: `checkRange` in-process, and
 *    `coop contributions check-dco --range` as a process (run before the ingestions, and printed
 *    after them).
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { registerRepository } from '../src/contributions/commands/registerRepository.ts';
import { checkRange } from '../src/contributions/dco/checkRange.ts';
import { logArgs } from '../src/contributions/git/readCommits.ts';
import { gitEnv } from '../src/contributions/git/runGit.ts';
import { syncRepository } from '../src/contributions/ingest/syncRepository.ts';
import { setupCoop } from '../src/coop/commands/setupCoop.ts';
import { operatorActor } from '../src/platform/actor.ts';
import { runCommand } from '../src/platform/commands.ts';
import { openDatabase } from '../src/platform/db/database.ts';
import { generateRepository } from './contributionsRepo.ts';
import { createScratchDatabase, defaultAdminUrl } from './postgres.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const commits = Number(process.env.BENCH_COMMITS ?? 100_000);
const log = (s: string) => console.log(`[contributions] ${s}`);
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

async function timeProcess(command: string, args: string[], env: NodeJS.ProcessEnv = gitEnv()) {
  const started = performance.now();
  await new Promise<void>((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'inherit'] });
    child.stdout.on('data', () => undefined);
    child.on('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`${command} exit ${code}`)),
    );
  });
  return performance.now() - started;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function ingest(databaseUrl: string | undefined, repoDir: string) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-contrib-db-'));
  const database = await openDatabase({ databaseUrl, dataDir, holder: 'bench/contributions.ts' });
  try {
    const { coop } = await setupCoop(database.db, {
      name: 'Bench Co-op',
      admin: { displayName: 'Bench', email: 'bench@example.org', password: 'bench password 1' },
    });
    const ctx = { db: database.db, actor: operatorActor(coop.id), publicUrl: '' };
    const started = performance.now();
    const { id } = await runCommand(registerRepository, { name: 'bench', location: repoDir }, ctx);
    const result = await syncRepository(ctx, id, {
      mirrorsDir: path.join(dataDir, 'repositories'),
    });
    const ms = performance.now() - started;
    if (result.newCommits !== commits + Math.floor(commits / 50))
      throw new Error(`ingested ${result.newCommits} commits`);
    const again = performance.now();
    const second = await syncRepository(ctx, id, {
      mirrorsDir: path.join(dataDir, 'repositories'),
    });
    return { ms, result, resyncMs: performance.now() - again, resyncNew: second.newCommits };
  } finally {
    await database.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

function cli(args: string[], env: NodeJS.ProcessEnv) {
  // The operator's process runs on PGlite here, whatever this shell points at.
  const inherited = { ...process.env };
  delete inherited.DATABASE_URL;
  const r = spawnSync(process.execPath, [path.join(root, 'bin/coop.js'), ...args], {
    cwd: root,
    env: { ...inherited, COOP_LOG: 'warn', ...env },
    encoding: 'utf8',
  });
  if (r.status !== 0 && args[1] !== 'check-dco')
    throw new Error(`coop ${args.join(' ')}: ${r.stderr}`);
  return r;
}

async function main() {
  const repoDir = path.join(os.tmpdir(), `coop-bench-repo-${commits}.git`);
  if (!fs.existsSync(path.join(repoDir, 'refs/heads/main'))) {
    fs.rmSync(repoDir, { recursive: true, force: true });
    log(`generating a repository of ${commits} commits with git fast-import…`);
    const t = performance.now();
    await generateRepository(repoDir, commits);
    log(`generated in ${seconds(performance.now() - t)}`);
  }
  // The CLI as `npm install` builds it (a bundle), rebuilt so that sources edited since are
  // measured rather than run from TypeScript.
  const build = spawnSync(process.execPath, [path.join(root, 'src/cli/build.ts')], {
    cwd: root,
    stdio: 'inherit',
  });
  if (build.status !== 0) throw new Error('building the CLI failed');
  const total = commits + Math.floor(commits / 50);
  const gitLog = ['-C', repoDir, ...logArgs(['--branches', '--tags'], { numstat: true })];
  const gitLogPlain = ['-C', repoDir, ...logArgs(['--branches', '--tags'], { numstat: false })];
  const bare: number[] = [];
  const plain: number[] = [];
  for (let i = 0; i < 3; i++) {
    bare.push(await timeProcess('git', gitLog));
    plain.push(await timeProcess('git', gitLogPlain));
  }
  const gitMs = median(bare);
  log(
    `git log --numstat of ${total} commits: ${seconds(gitMs)} (${Math.round(total / (gitMs / 1000))} commits/s); without --numstat ${seconds(median(plain))}`,
  );

  const rows: string[] = [];
  // The DCO check of 1,000 commits on the main line, first: a process grown by an ingestion
  // (PGlite's memory) starts each git more slowly, which would be charged to the check.
  const dco: string[] = [];
  const range = 'main~1000..main';
  const inProcess = performance.now();
  const check = await checkRange(repoDir, range);
  const checkMs = performance.now() - inProcess;
  const processStart = performance.now();
  const r = cli(['contributions', 'check-dco', repoDir, '--range', range, '--json'], {});
  const processMs = performance.now() - processStart;
  const verdicts = JSON.parse(r.stdout) as { ok: boolean }[];
  dco.push(
    `DCO check of ${check.verdicts.length} commits (${verdicts.filter((v) => !v.ok).length} failing): ${seconds(checkMs)} in-process, ${seconds(processMs)} as coop contributions check-dco`,
  );
  log(dco.at(-1)!);
  const pglite = await ingest(undefined, repoDir);
  rows.push(
    `PGlite, in-process: ${seconds(pglite.ms)} (${Math.round(total / (pglite.ms / 1000))} commits/s), throughput ${(gitMs / pglite.ms).toFixed(2)}x git log's; a second sync (nothing new) ${seconds(pglite.resyncMs)}`,
  );
  log(rows.at(-1)!);
  const scratch = await createScratchDatabase(
    process.env.BENCH_PG_URL ?? defaultAdminUrl,
    Boolean(process.env.BENCH_PG_URL),
  );
  if ('url' in scratch) {
    try {
      const pg = await ingest(scratch.url, repoDir);
      rows.push(
        `PostgreSQL ${scratch.serverVersion}, in-process: ${seconds(pg.ms)} (${Math.round(total / (pg.ms / 1000))} commits/s), throughput ${(gitMs / pg.ms).toFixed(2)}x git log's; a second sync ${seconds(pg.resyncMs)}`,
      );
      log(rows.at(-1)!);
    } finally {
      await scratch.drop();
    }
  } else log(scratch.skipped);

  // The whole process, as an operator runs it: three rounds, each beside a git log of its own,
  // so that the ratio compares runs made under the same load of a shared machine.
  const whole: { ms: number; gitMs: number }[] = [];
  for (let round = 0; round < 3; round++) {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-contrib-cli-'));
    const env = { COOP_DATA_DIR: dataDir };
    try {
      cli(
        [
          'init',
          '--name',
          'Bench',
          '--admin-email',
          'b@example.org',
          '--admin-password',
          'bench password 1',
        ],
        env,
      );
      cli(['contributions', 'add', 'bench', repoDir], env);
      const roundGitMs = await timeProcess('git', gitLog);
      const started = performance.now();
      cli(['contributions', 'sync', 'bench'], env);
      whole.push({ ms: performance.now() - started, gitMs: roundGitMs });
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }
  const ratios = whole.map((w) => w.gitMs / w.ms);
  rows.push(
    `coop contributions sync (PGlite), whole process: ${seconds(median(whole.map((w) => w.ms)))}, throughput ${median(ratios).toFixed(2)}x git log's (median of 3 rounds, each beside its own git log: ${ratios.map((r) => r.toFixed(2)).join(', ')})`,
  );
  log(rows.at(-1)!);

  console.log(
    `\nContributions (${total} commits):\n${[...rows, ...dco].map((row) => `  ${row}`).join('\n')}`,
  );
}

await main();
