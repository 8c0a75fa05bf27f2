/**
 * The CLI benchmark (`node bench/cli.ts`): whole processes, started the way an operator starts
 * them (`node bin/coop.js ...`), each against a baseline timed in the same run, so that the
 * ratios hold whatever else the machine is doing.
 *
 * 1. Start-up: `coop --help` from the bundle and from the TypeScript sources
 *    (COOP_CLI_FROM_SOURCES=1), against `node -e 0`.
 * 2. `coop tally` of 1,000,000 Scottish STV ballots (20 candidates, 5 seats; bench/tally.ts's
 *    synthetic election, written to a temporary BLT file) against a bare Node script that reads
 *    the same file and counts its lines and numbers byte by byte. Goal: at most 5x.
 * 3. `coop report trial-balance` on a co-op whose ledger holds 1,000,000 postings (bench/
 *    ledgerLoad.ts, every ledger trigger live, in a temporary PGlite data directory) against
 *    `ledger balance` (ledger-cli) on the co-op's own `coop ledger export --format hledger`.
 *    Both must print the same balances, and equal to what the generator loaded. Goal: our CLI
 *    at least 5x faster. The peak memory of one trial-balance process is reported too.
 *
 * The bundle is built first (src/cli/build.ts), so that it matches the sources being measured.
 * Every process has a time limit, and loading the books stops at BENCH_CLI_LOAD_SECONDS: the
 * table then says how many postings were loaded. Knobs: BENCH_CLI_RUNS (5 for start-up, and
 * the timed runs of the rest: 3), BENCH_CLI_BALLOTS (1,000,000), BENCH_CLI_POSTINGS (1,000,000),
 * BENCH_CLI_LOAD_SECONDS (240), BENCH_CLI_LEDGER=off (skip step 3).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { sql } from 'drizzle-orm';
import { setupCoop } from '../src/coop/commands/setupCoop.ts';
import { buildCli } from '../src/cli/build.ts';
import { openDatabase } from '../src/platform/db/database.ts';
import { expectedBalances, lastDay } from './ledgerData.ts';
import { loadBenchBooks } from './ledgerLoad.ts';
import { differences, inclusiveDifferences, median, timeTool } from './ledgerTools.ts';
import { syntheticBlt } from './tally.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const coopBin = path.join(root, 'bin/coop.js');
const log = (message: string) => console.error(`[bench:cli] ${message}`);

const num = (name: string, fallback: number) => {
  const value = Number((process.env[name] ?? String(fallback)).replaceAll(/[_,]/g, ''));
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number`);
  return value;
};
const settings = {
  runs: num('BENCH_CLI_RUNS', 3),
  startupRuns: num('BENCH_CLI_RUNS', 5),
  ballots: num('BENCH_CLI_BALLOTS', 1_000_000),
  postings: num('BENCH_CLI_POSTINGS', 1_000_000),
  loadSeconds: num('BENCH_CLI_LOAD_SECONDS', 240),
  ledger: process.env.BENCH_CLI_LEDGER !== 'off',
};

interface Run {
  ms: number;
  stdout: string;
}

// Written into the temporary directory: each process appends its peak memory when it exits
// (bin/coop.js passes its flags, --import included, to the process it starts).
const rssHook = `import fs from 'node:fs';
process.on('exit', () =>
  fs.appendFileSync(process.env.BENCH_RSS_FILE, process.resourceUsage().maxRSS * 1024 + '\\n'),
);
`;

/** Runs ARGV to completion within `timeoutMs`; rejects on a non-zero exit. */
function run(
  argv: string[],
  options: { env?: NodeJS.ProcessEnv; stdoutFile?: string; importFirst?: string } = {},
  timeoutMs = 180_000,
): Promise<Run> {
  return new Promise((resolve, reject) => {
    const out = options.stdoutFile ? fs.openSync(options.stdoutFile, 'w') : 'pipe';
    const [command, ...rest] = argv;
    const withHook = options.importFirst ? ['--import', options.importFirst, ...rest] : rest;
    const start = performance.now();
    const child = spawn(command!, withHook, {
      cwd: root,
      env: { ...process.env, COOP_LOG: 'warn', ...options.env },
      stdio: ['ignore', out, 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk));
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      const ms = performance.now() - start;
      clearTimeout(timer);
      if (typeof out === 'number') fs.closeSync(out);
      if (code === 0) resolve({ ms, stdout });
      else
        reject(
          new Error(
            `${argv.join(' ')} ${signal ? `killed (${signal}, time limit ${timeoutMs} ms)` : `exited with ${code}`}:\n${stderr}`,
          ),
        );
    });
  });
}

/** Runs each task `runs` times, interleaved (so that the machine's load hits all alike). */
async function interleaved<K extends string>(
  runs: number,
  tasks: Record<K, () => Promise<Run>>,
): Promise<Record<K, { medianMs: number; last: Run }>> {
  const times = Object.fromEntries(Object.keys(tasks).map((k) => [k, [] as number[]])) as Record<
    K,
    number[]
  >;
  const last = {} as Record<K, Run>;
  for (let i = 0; i < runs; i++)
    for (const key of Object.keys(tasks) as K[]) {
      last[key] = await tasks[key]();
      times[key].push(last[key].ms);
    }
  return Object.fromEntries(
    (Object.keys(tasks) as K[]).map((k) => [k, { medianMs: median(times[k]), last: last[k] }]),
  ) as Record<K, { medianMs: number; last: Run }>;
}

const node = process.execPath;
const coop = (...args: string[]) => [node, coopBin, ...args];
const fromSources = { COOP_CLI_FROM_SOURCES: '1' };

async function startup() {
  log(`start-up: --help, ${settings.startupRuns} runs each`);
  return interleaved(settings.startupRuns, {
    node: () => run([node, '-e', '0']),
    bundle: () => run(coop('--help')),
    sources: () => run(coop('--help'), { env: fromSources }),
  });
}

async function tallyBench(tmp: string) {
  const file = path.join(tmp, 'election.blt');
  log(`tally: writing ${settings.ballots.toLocaleString('en-US')} ballots`);
  fs.writeFileSync(
    file,
    syntheticBlt({
      ballots: settings.ballots,
      parties: 5,
      perParty: 4,
      seats: 5,
      seed: 20_261_204,
    }),
  );
  const bare = path.join(tmp, 'bare-parse.mjs');
  fs.writeFileSync(
    bare,
    `import fs from 'node:fs';
const bytes = fs.readFileSync(process.argv[2]);
let lines = 0, numbers = 0, inNumber = false;
for (let i = 0; i < bytes.length; i++) {
  const c = bytes[i];
  if (c === 10) lines++;
  const digit = c >= 48 && c <= 57;
  if (digit && !inNumber) numbers++;
  inNumber = digit;
}
console.log(lines, numbers);
`,
  );
  log(`tally: coop tally and the bare parse, ${settings.runs} runs each`);
  const result = await interleaved(settings.runs, {
    bare: () => run([node, bare, file]),
    tally: () => run(coop('tally', file)),
  });
  const elected = /Elected \(in order\): (.*)/.exec(result.tally.last.stdout)?.[1]?.split(', ');
  if (elected?.length !== 5) throw new Error('coop tally did not elect 5 candidates');
  return { bytes: fs.statSync(file).size, elected, ...result };
}

async function ledgerBench(tmp: string) {
  const dataDir = path.join(tmp, 'data');
  const env = { COOP_DATA_DIR: dataDir };
  const entries = Math.ceil(settings.postings / 2);
  const database = await openDatabase({ dataDir, holder: 'bench/cli.ts' });
  let load;
  try {
    const { coop: books } = await setupCoop(database.db, {
      name: 'Bench CLI Co-op',
      currency: 'EUR',
      admin: {
        displayName: 'Bench Treasurer',
        email: 'treasurer@bench.example.org',
        password: 'bench-passphrase-correct-horse',
      },
    });
    log(
      `ledger: loading ${entries.toLocaleString('en-US')} entries (at most ${settings.loadSeconds} s)`,
    );
    let lastReport = 0;
    load = await loadBenchBooks(database.db, books.id, {
      entries,
      perTransaction: 5000,
      firstTransaction: 100,
      timeLimitMs: settings.loadSeconds * 1000,
      // As in bench/ledger.ts: statistics, so that the commit-time check uses its index.
      afterTransaction: async () => {
        await database.db.execute(sql`analyze postings, journal_entries`);
      },
      progress: (done, ms) => {
        if (ms - lastReport < 20_000) return;
        lastReport = ms;
        log(
          `ledger: ${(done * 2).toLocaleString('en-US')} postings in ${(ms / 1000).toFixed(0)} s`,
        );
      },
    });
  } finally {
    await database.close(); // releases the data directory for the CLI
  }
  log(
    `ledger: ${load.postings.toLocaleString('en-US')} postings in ${(load.ms / 1000).toFixed(0)} s`,
  );

  const journal = path.join(tmp, 'books.journal');
  log('ledger: coop ledger export --format hledger');
  const exported = await run(coop('ledger', 'export', '--format', 'hledger'), {
    env,
    stdoutFile: journal,
  });

  log(`ledger: coop report trial-balance and ledger balance, ${settings.runs} runs each`);
  const trialBalance = () =>
    run(coop('report', 'trial-balance', '--at', lastDay, '--json'), { env });
  await trialBalance(); // warm-up: the page cache, as ledger-cli's warm-up below
  const ours = await interleaved(settings.runs, {
    trialBalance,
    withoutLiftoff: () =>
      run(coop('report', 'trial-balance', '--at', lastDay, '--json'), {
        env: { ...env, COOP_CLI_LIFTOFF: '0' },
      }),
  });
  const ledgerCli = await timeTool('ledger-cli', journal, settings.runs, true);

  const hookFile = path.join(tmp, 'rss-hook.mjs');
  const rssFile = path.join(tmp, 'rss.txt');
  fs.writeFileSync(hookFile, rssHook);
  await run(coop('report', 'trial-balance', '--at', lastDay, '--json'), {
    env: { ...env, BENCH_RSS_FILE: rssFile },
    importFirst: pathToFileURL(hookFile).href,
  });
  const maxRss = Math.max(...fs.readFileSync(rssFile, 'utf8').trim().split('\n').map(Number));

  const balances = new Map<string, bigint>();
  const printed = JSON.parse(ours.trialBalance.last.stdout) as {
    accounts: { account: string; currency: string; balance_minor: number }[];
  };
  for (const a of printed.accounts) balances.set(a.account, BigInt(a.balance_minor));
  const failures = [
    ...differences(balances, expectedBalances(entries, load.entries), 'generator'),
    ...inclusiveDifferences(balances, ledgerCli.balances),
  ];
  if (failures.length) throw new Error(`the balances differ:\n${failures.join('\n')}`);
  return {
    load,
    accounts: balances.size,
    exportMs: exported.ms,
    exportBytes: fs.statSync(journal).size,
    ...ours,
    ledgerCliMs: ledgerCli.medianMs,
    maxRss,
  };
}

/** Found before the books are loaded, rather than after five minutes of loading. */
const hasLedgerCli = () =>
  run(['ledger', '--version']).then(
    () => true,
    () => false,
  );

const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const x = (ratio: number) => `${ratio.toFixed(1)}x`;
const row = (label: string, value: string) => `  ${label.padEnd(62)} ${value.padStart(14)}`;

// PGlite only: the CLI must open the data directory loaded here, not a server named elsewhere.
delete process.env.DATABASE_URL;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'coop-bench-cli-'));
const cleanUp = () => fs.rmSync(tmp, { recursive: true, force: true });
process.on('exit', cleanUp);
try {
  if (settings.ledger && !(await hasLedgerCli()))
    throw new Error(
      'ledger-cli is not installed (apt-get install ledger); BENCH_CLI_LEDGER=off skips the trial balance',
    );
  log('building the CLI bundle');
  if (!(await buildCli())) throw new Error('esbuild is missing: the bundle cannot be built');
  const up = await startup();
  const tally = await tallyBench(tmp);
  log(
    `tally: ${s(tally.tally.medianMs)}, bare parse ${s(tally.bare.medianMs)}, ${x(tally.tally.medianMs / tally.bare.medianMs)}`,
  );
  const ledger = settings.ledger ? await ledgerBench(tmp) : undefined;

  const lines = [
    `CLI, whole processes (node ${process.versions.node}, ${os.cpus().length} CPUs, medians of ${settings.runs} runs, start-up ${settings.startupRuns})`,
    'Start-up',
    row('node -e 0', s(up.node.medianMs)),
    row('coop --help (bundle)', s(up.bundle.medianMs)),
    row('coop --help (TypeScript sources)', s(up.sources.medianMs)),
    `coop tally, ${settings.ballots.toLocaleString('en-US')} ballots, 20 candidates, 5 seats (${(tally.bytes / 2 ** 20).toFixed(1)} MiB)`,
    row('bare Node byte parse (lines and numbers)', s(tally.bare.medianMs)),
    row('coop tally', s(tally.tally.medianMs)),
    row(
      'coop tally / bare parse (goal: at most 5x)',
      x(tally.tally.medianMs / tally.bare.medianMs),
    ),
  ];
  if (ledger) {
    const short = ledger.load.stoppedByTimeLimit ? ' (load stopped by the time limit)' : '';
    lines.push(
      `Trial balance, ${ledger.load.postings.toLocaleString('en-US')} postings on PGlite${short}`,
      row(
        'coop ledger export --format hledger (once)',
        `${s(ledger.exportMs)}, ${(ledger.exportBytes / 2 ** 20).toFixed(0)} MiB`,
      ),
      row('ledger balance on the export (ledger-cli)', s(ledger.ledgerCliMs)),
      row('coop report trial-balance', s(ledger.trialBalance.medianMs)),
      row('  same, without --liftoff-only (COOP_CLI_LIFTOFF=0)', s(ledger.withoutLiftoff.medianMs)),
      row('  peak memory of the process', `${(ledger.maxRss / 2 ** 20).toFixed(0)} MiB`),
      row(
        'ledger-cli / coop report trial-balance (goal: at least 5x)',
        x(ledger.ledgerCliMs / ledger.trialBalance.medianMs),
      ),
      row(`balances checked (${ledger.accounts} accounts): generator, ledger-cli`, 'equal'),
    );
  }
  console.log(lines.join('\n'));
} finally {
  cleanUp();
}
