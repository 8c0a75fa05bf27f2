/**
 * The sign-in benchmark (`npm run bench`): a conference's thundering herd against `coop serve`.
 *
 * For the embedded database (PGlite) and for PostgreSQL (BENCH_DATABASE_URL, by default the local
 * server if it answers; set BENCH_DATABASE_URL=off to skip it):
 *  1. `coop init`, then `coop members import` of 1,000 members with --codes-out (timed);
 *  2. `coop serve` on a free port;
 *  3. 1,000 first sign-ins with registration codes, all started at once; each code again (410);
 *  4. password sign-ins from a few concurrent clients, against the bare argon2id verification
 *     cost measured in this process at the same concurrency, in the same run.
 * Prints a table and writes bench/results-latest.json. Knobs: BENCH_MEMBERS, BENCH_CONCURRENCY,
 * BENCH_PASSWORD_ACCOUNTS, BENCH_PASSWORD_SECONDS, BENCH_HASH_SECONDS.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { comparePasswordPath } from './compare.ts';
import { createScratchDatabase, defaultAdminUrl } from './postgres.ts';
import { coopEnv, runCli, startBareServer, startServer, type Target } from './processes.ts';
import {
  checkSessions,
  codeHerd,
  reuseCodes,
  setPasswords,
  soloSignIns,
  type Credentials,
} from './signins.ts';
import { round } from './stats.ts';

const num = (name: string, fallback: number) => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number`);
  return value;
};
const settings = {
  members: num('BENCH_MEMBERS', 1000),
  passwordAccounts: num('BENCH_PASSWORD_ACCOUNTS', 200),
  concurrency: num('BENCH_CONCURRENCY', 8),
  passwordSeconds: num('BENCH_PASSWORD_SECONDS', 10),
  hashSeconds: num('BENCH_HASH_SECONDS', 6),
};
const password = 'bench-passphrase-correct-horse';
const earlyBirds = 25; // the first 5 warm the path up and are not counted
const benchDir = import.meta.dirname;
const log = (message: string) => console.error(`[bench] ${message}`);

// On Ctrl-C, still remove the temporary data (processes.ts kills the children on exit).
const temporaryDirs = new Set<string>();
process.on('exit', () => {
  for (const dir of temporaryDirs) fs.rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
});
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.once(signal, () => {
    log(`${signal}: stopping (a PostgreSQL scratch database, if any, is left: see its name above)`);
    process.exit(130);
  });

function memberCsv(count: number, prefix = 'attendee'): string {
  const lines = ['email,name,class,organization'];
  for (let i = 1; i <= count; i++) {
    // Mostly hackers, some sponsors' staff and community members, as at a conference.
    const memberClass = i % 20 === 0 ? 'sponsor' : i % 20 === 1 ? 'community' : 'hacker';
    const organization = memberClass === 'sponsor' ? `Sponsor ${(i / 20) % 10}` : '';
    lines.push(`${prefix}${i}@bench.example.org,${prefix} ${i},${memberClass},${organization}`);
  }
  return `${lines.join('\n')}\n`;
}

function readCodes(file: string): Credentials[] {
  const [header, ...lines] = fs.readFileSync(file, 'utf8').trim().split('\n');
  if (header !== 'email,code') throw new Error(`unexpected codes header: ${header}`);
  return lines.map((line) => {
    const [email, code] = line.split(',');
    return { email: email!, code: code! };
  });
}

async function benchDatabase(label: string, makeTarget: (tmp: string) => Target) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'coop-bench-'));
  temporaryDirs.add(tmp);
  try {
    const target = makeTarget(tmp);
    const env = coopEnv(target);
    const csvFile = path.join(tmp, 'members.csv');
    const codesFile = path.join(tmp, 'codes.csv');
    fs.writeFileSync(csvFile, memberCsv(settings.members));

    log(`${label}: coop init`);
    const init = await runCli(
      ['init', '--name', 'Bench Con', '--admin-email', 'admin@bench.example.org'].concat([
        '--admin-password',
        'admin-passphrase-for-bench',
      ]),
      env,
    );
    log(`${label}: coop members import (${settings.members} members)`);
    const imported = await runCli(['members', 'import', csvFile, '--codes-out', codesFile], env);
    // The same process start-up and database opening, doing nothing: what the import adds.
    const noop = await runCli(['members', 'list', '--status', 'suspended', '--json'], env);
    const codes = readCodes(codesFile);
    // A few early birds, imported separately, sign in one at a time before the doors open: the
    // unloaded latency of the same path, and a warm server, as it would be at a conference.
    const earlyCsv = path.join(tmp, 'early.csv');
    const earlyCodesFile = path.join(tmp, 'early-codes.csv');
    fs.writeFileSync(earlyCsv, memberCsv(earlyBirds, 'earlybird'));
    await runCli(['members', 'import', earlyCsv, '--codes-out', earlyCodesFile], env);
    const earlyCodes = readCodes(earlyCodesFile);
    if (codes.length !== settings.members)
      throw new Error(`expected ${settings.members} codes, got ${codes.length}`);

    log(`${label}: coop serve`);
    const server = await startServer(target);
    try {
      for (let i = 0; i < 20; i++) await (await fetch(`${server.url}/api/session`)).arrayBuffer();
      log(`${label}: ${earlyCodes.length} early birds sign in with codes one at a time`);
      const warm = await soloSignIns(server.url, earlyCodes.slice(0, 5));
      const solo = await soloSignIns(server.url, earlyCodes.slice(5));

      log(`${label}: the same herd against a bare node:http server (the floor)`);
      const bare = await startBareServer();
      let bareHerd;
      try {
        bareHerd = await codeHerd(bare.url, codes);
      } finally {
        await bare.stop();
      }
      log(`${label}: ${codes.length} concurrent first sign-ins with registration codes`);
      const herd = await codeHerd(server.url, codes);
      const reuse = await reuseCodes(server.url, codes);
      const sample = herd.signedIn.filter((_, i) => i % 50 === 0);
      const sessions = await checkSessions(server.url, sample);

      const accounts = herd.signedIn.slice(0, settings.passwordAccounts);
      log(`${label}: ${accounts.length} members set a password`);
      const passwordsSet = await setPasswords(server.url, accounts, password, settings.concurrency);

      log(
        `${label}: password sign-ins (${settings.concurrency} concurrent, ${settings.passwordSeconds} s) ` +
          `alternating with bare verifyPassword in-process (${settings.hashSeconds} s)`,
      );
      const passwords = await comparePasswordPath({
        base: server.url,
        emails: accounts.map((a) => a.email),
        password,
        concurrency: settings.concurrency,
        pathSeconds: settings.passwordSeconds,
        hashSeconds: settings.hashSeconds,
      });

      return {
        label,
        database: target.kind,
        importMs: imported.ms,
        cliNoopMs: noop.ms,
        initMs: init.ms,
        serverStartMs: server.startMs,
        soloCodeSignIns: solo,
        codeSignIns: { ...herd, signedIn: undefined },
        bareHerd: { ...bareHerd, signedIn: undefined },
        /** Herd throughput over one-at-a-time throughput: what concurrency buys. */
        herdToSoloRatio: herd.perSecond / solo.perSecond,
        codeReuse: reuse,
        sessionsChecked: sessions,
        passwordsSet,
        passwords,
        checks: {
          earlyBirdsOk: warm.ok + solo.ok === earlyCodes.length,
          allCodeSignInsOk: herd.ok === codes.length && herd.distinctPeople === codes.length,
          allReusesRefused410: reuse.refused410 === codes.length,
          sessionsWork: sessions.ok === sessions.checked,
          allPasswordsSet: passwordsSet.ok === accounts.length,
          noPasswordFailures: passwords.path.failed === 0,
        },
      };
    } finally {
      await server.stop();
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
    temporaryDirs.delete(tmp);
  }
}

type DatabaseResult = Awaited<ReturnType<typeof benchDatabase>>;

// ---------- formatting ----------
const int = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const ms = (v: number) => (v >= 10_000 ? `${(v / 1000).toFixed(1)} s` : `${int.format(v)} ms`);
const secs = (v: number) => `${(v / 1000).toFixed(2)} s`;
const rate = (v: number) => `${v >= 100 ? int.format(v) : v.toFixed(1)} /s`;

function table(results: DatabaseResult[]): string {
  const rows: [string, ...string[]][] = [
    ['', ...results.map((r) => r.label)],
    ['Import', ...results.map(() => '')],
    [
      `  members import ${int.format(settings.members)} (CLI wall)`,
      ...results.map((r) => secs(r.importMs)),
    ],
    ['  same CLI doing nothing (start-up)', ...results.map((r) => secs(r.cliNoopMs))],
    ['  import net of start-up', ...results.map((r) => secs(r.importMs - r.cliNoopMs))],
    ['First sign-ins with codes', ...results.map(() => '')],
    [
      `  one at a time (${earlyBirds - 5} early birds): p50 (rate)`,
      ...results.map(
        (r) => `${ms(r.soloCodeSignIns.latency.p50Ms)} (${rate(r.soloCodeSignIns.perSecond)})`,
      ),
    ],
    [
      `  ${int.format(settings.members)} all at once: succeeded / sent`,
      ...results.map((r) => `${r.codeSignIns.ok} / ${r.codeSignIns.sent}`),
    ],
    ['  client: all requests sent in', ...results.map((r) => ms(r.codeSignIns.dispatchMs))],
    ['  wall time, first sent to last answered', ...results.map((r) => secs(r.codeSignIns.wallMs))],
    ['  throughput', ...results.map((r) => rate(r.codeSignIns.perSecond))],
    [
      '  throughput / one-at-a-time throughput',
      ...results.map((r) => `${r.herdToSoloRatio.toFixed(1)} ×`),
    ],
    ['  latency p50', ...results.map((r) => ms(r.codeSignIns.latency.p50Ms))],
    ['  latency p95', ...results.map((r) => ms(r.codeSignIns.latency.p95Ms))],
    [
      '  latency p99 (goal on PGlite: under 1 s)',
      ...results.map((r) => ms(r.codeSignIns.latency.p99Ms)),
    ],
    ['  latency max', ...results.map((r) => ms(r.codeSignIns.latency.maxMs))],
    [
      '  the same herd at a bare node:http server: ok, p99',
      ...results.map(
        (r) => `${r.bareHerd.ok} / ${r.bareHerd.sent}, ${ms(r.bareHerd.latency.p99Ms)}`,
      ),
    ],
    [
      '  p99: coop serve / bare server',
      ...results.map(
        (r) => `${(r.codeSignIns.latency.p99Ms / r.bareHerd.latency.p99Ms).toFixed(1)} ×`,
      ),
    ],
    [
      '  code used again: 410 Gone',
      ...results.map((r) => `${r.codeReuse.refused410} / ${r.codeReuse.sent}`),
    ],
    [
      '  sessions checked (GET /api/session)',
      ...results.map((r) => `${r.sessionsChecked.ok} / ${r.sessionsChecked.checked}`),
    ],
    [`Password sign-ins, ${settings.concurrency} concurrent clients`, ...results.map(() => '')],
    [
      '  accounts (password set through the API)',
      ...results.map((r) => `${r.passwordsSet.ok} / ${r.passwordsSet.sent}`),
    ],
    [
      '  succeeded / sent',
      ...results.map((r) => `${r.passwords.path.ok} / ${r.passwords.path.sent}`),
    ],
    ['  throughput (path)', ...results.map((r) => rate(r.passwords.path.perSecond))],
    [
      '  latency p50 / p99',
      ...results.map(
        (r) => `${ms(r.passwords.path.latency.p50Ms)} / ${ms(r.passwords.path.latency.p99Ms)}`,
      ),
    ],
    ['Bare verifyPassword, in-process', ...results.map(() => '')],
    [
      '  one at a time',
      ...results.map(
        (r) =>
          `${rate(r.passwords.bare.sequential.perSecond)} (${r.passwords.bare.sequential.meanMs.toFixed(1)} ms)`,
      ),
    ],
    [
      `  ${settings.concurrency} concurrent`,
      ...results.map((r) => rate(r.passwords.bare.concurrent.perSecond)),
    ],
    [
      'Path / bare hash throughput',
      ...results.map((r) => `${(r.passwords.ratio * 100).toFixed(0)} %`),
    ],
    [
      '  time beyond the hash per sign-in',
      ...results.map((r) => `${r.passwords.overheadMsPerSignIn.toFixed(1)} ms`),
    ],
  ];
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((row) => row[c]!.length)));
  return rows
    .map((row) =>
      row
        .map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!)))
        .join('   ')
        .trimEnd(),
    )
    .join('\n');
}

// ---------- main ----------
const started = performance.now();
const machine = {
  node: process.version,
  platform: `${os.platform()} ${os.arch()}`,
  cpus: os.cpus().length,
  cpuModel: os.cpus()[0]?.model ?? 'unknown',
  memoryGiB: round(os.totalmem() / 2 ** 30, 1),
};

const targets: {
  label: string;
  make: () => Promise<
    { target: (tmp: string) => Target; cleanup?: () => Promise<void>; note?: string } | undefined
  >;
}[] = [
  {
    label: 'PGlite (embedded)',
    make: async () => ({ target: (tmp) => ({ kind: 'pglite', dataDir: path.join(tmp, 'data') }) }),
  },
  {
    label: 'PostgreSQL',
    make: async () => {
      const setting = process.env.BENCH_DATABASE_URL;
      if (setting === 'off' || setting === '') {
        log('PostgreSQL skipped (BENCH_DATABASE_URL=off)');
        return undefined;
      }
      const scratch = await createScratchDatabase(
        setting ?? defaultAdminUrl,
        setting !== undefined,
      );
      if ('skipped' in scratch) {
        log(`${scratch.skipped}; skipped (set BENCH_DATABASE_URL to require it)`);
        return undefined;
      }
      log(`PostgreSQL ${scratch.serverVersion}: scratch database ${scratch.name}`);
      return {
        target: () => ({ kind: 'postgres', url: scratch.url }),
        cleanup: scratch.drop,
        note: `PostgreSQL ${scratch.serverVersion}`,
      };
    },
  },
];

const results: DatabaseResult[] = [];
const notes: string[] = [];
for (const { label, make } of targets) {
  const made = await make();
  if (!made) continue;
  if (made.note) notes.push(made.note);
  try {
    results.push(await benchDatabase(label, made.target));
  } finally {
    await made.cleanup?.();
  }
}

const totalMs = performance.now() - started;
const failedChecks = results.flatMap((r) =>
  Object.entries(r.checks)
    .filter(([, ok]) => !ok)
    .map(([check]) => `${r.label}: ${check}`),
);

console.log(
  `\nHackers Co-op sign-in benchmark (npm run bench), ${new Date().toISOString()}\n` +
    `Node ${machine.node}, ${machine.platform}, ${machine.cpus} × ${machine.cpuModel}, ` +
    `${machine.memoryGiB} GiB${notes.length ? `, ${notes.join(', ')}` : ''}\n`,
);
console.log(table(results));
console.log(
  `\nPath / bare: password sign-ins per second over bare argon2id verifications per second in\n` +
    `this process at the same concurrency (${settings.concurrency}); the two alternate in short rounds of\n` +
    `one run. Time beyond the hash = 1/path rate − 1/bare rate. Total run ${secs(totalMs)}.`,
);
for (const r of results) {
  const odd = Object.entries(r.codeSignIns.statuses).filter(([s]) => s !== '200');
  if (odd.length)
    console.log(`${r.label} code sign-in statuses: ${JSON.stringify(r.codeSignIns.statuses)}`);
  if (r.passwords.path.failed)
    console.log(
      `${r.label} password sign-in statuses: ${JSON.stringify(r.passwords.path.statuses)}`,
    );
}
if (failedChecks.length) console.log(`\nFAILED CHECKS:\n  ${failedChecks.join('\n  ')}`);

const out = path.join(benchDir, 'results-latest.json');
fs.writeFileSync(
  out,
  `${JSON.stringify({ date: new Date().toISOString(), command: 'npm run bench', machine, settings, totalMs, results, failedChecks }, null, 2)}\n`,
);
console.log(`\nWrote ${path.relative(process.cwd(), out)}`);
if (failedChecks.length) process.exitCode = 1;
