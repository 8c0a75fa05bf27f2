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
import { bareVerifyCost } from './hashCost.ts';
import { createScratchDatabase, defaultAdminUrl } from './postgres.ts';
import { coopEnv, runCli, startServer, type Target } from './processes.ts';
import {
  checkSessions,
  codeHerd,
  passwordLoad,
  reuseCodes,
  setPasswords,
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
const benchDir = path.dirname(new URL(import.meta.url).pathname);
const log = (message: string) => console.error(`[bench] ${message}`);

function memberCsv(count: number): string {
  const lines = ['email,name,class,organization'];
  for (let i = 1; i <= count; i++) {
    // Mostly hackers, some sponsors' staff and community members, as at a conference.
    const memberClass = i % 20 === 0 ? 'sponsor' : i % 20 === 1 ? 'community' : 'hacker';
    const organization = memberClass === 'sponsor' ? `Sponsor ${(i / 20) % 10}` : '';
    lines.push(`attendee${i}@bench.example.org,Attendee ${i},${memberClass},${organization}`);
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

async function benchDatabase(target: Target, label: string) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'coop-bench-'));
  try {
    if (target.kind === 'pglite') target.dataDir = path.join(tmp, 'data');
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
    if (codes.length !== settings.members)
      throw new Error(`expected ${settings.members} codes, got ${codes.length}`);

    log(`${label}: coop serve`);
    const server = await startServer(target);
    try {
      // Let the server answer a few plain requests first, as it would before the doors open.
      for (let i = 0; i < 20; i++) await (await fetch(`${server.url}/api/session`)).arrayBuffer();

      log(`${label}: ${codes.length} concurrent first sign-ins with registration codes`);
      const herd = await codeHerd(server.url, codes);
      const reuse = await reuseCodes(server.url, codes);
      const sample = herd.signedIn.filter((_, i) => i % 50 === 0);
      const sessions = await checkSessions(server.url, sample);

      const accounts = herd.signedIn.slice(0, settings.passwordAccounts);
      log(`${label}: ${accounts.length} members set a password`);
      const passwordsSet = await setPasswords(server.url, accounts, password, settings.concurrency);

      log(`${label}: bare verifyPassword cost in-process (server idle)`);
      const bare = await bareVerifyCost(password, settings.concurrency, settings.hashSeconds);

      log(
        `${label}: password sign-ins, ${settings.concurrency} concurrent, ${settings.passwordSeconds} s`,
      );
      const passwords = await passwordLoad(
        server.url,
        accounts.map((a) => a.email),
        password,
        settings.concurrency,
        settings.passwordSeconds,
      );

      const ratio = passwords.perSecond / bare.concurrent.perSecond;
      return {
        label,
        database: target.kind,
        importMs: imported.ms,
        cliNoopMs: noop.ms,
        initMs: init.ms,
        serverStartMs: server.startMs,
        codeSignIns: { ...herd, signedIn: undefined },
        codeReuse: reuse,
        sessionsChecked: sessions,
        passwordsSet,
        passwordSignIns: passwords,
        bareVerify: bare,
        pathToBareRatio: ratio,
        // Seconds of the whole machine one sign-in costs beyond the hash, at this concurrency.
        pathOverheadMsPerSignIn: 1000 / passwords.perSecond - 1000 / bare.concurrent.perSecond,
        checks: {
          allCodeSignInsOk: herd.ok === codes.length && herd.distinctPeople === codes.length,
          allReusesRefused410: reuse.refused410 === codes.length,
          sessionsWork: sessions.ok === sessions.checked,
          allPasswordsSet: passwordsSet.ok === accounts.length,
          noPasswordFailures: passwords.failed === 0,
        },
      };
    } finally {
      await server.stop();
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
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
    ['First sign-ins with codes, all at once', ...results.map(() => '')],
    ['  succeeded / sent', ...results.map((r) => `${r.codeSignIns.ok} / ${r.codeSignIns.sent}`)],
    ['  wall time', ...results.map((r) => secs(r.codeSignIns.wallMs))],
    ['  throughput', ...results.map((r) => rate(r.codeSignIns.perSecond))],
    ['  latency p50', ...results.map((r) => ms(r.codeSignIns.latency.p50Ms))],
    ['  latency p95', ...results.map((r) => ms(r.codeSignIns.latency.p95Ms))],
    ['  latency p99', ...results.map((r) => ms(r.codeSignIns.latency.p99Ms))],
    ['  latency max', ...results.map((r) => ms(r.codeSignIns.latency.maxMs))],
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
      '  succeeded / sent',
      ...results.map((r) => `${r.passwordSignIns.ok} / ${r.passwordSignIns.sent}`),
    ],
    ['  throughput (path)', ...results.map((r) => rate(r.passwordSignIns.perSecond))],
    [
      '  latency p50 / p99',
      ...results.map(
        (r) => `${ms(r.passwordSignIns.latency.p50Ms)} / ${ms(r.passwordSignIns.latency.p99Ms)}`,
      ),
    ],
    ['Bare verifyPassword, in-process', ...results.map(() => '')],
    [
      '  one at a time',
      ...results.map(
        (r) =>
          `${rate(r.bareVerify.sequential.perSecond)} (${r.bareVerify.sequential.msEach.toFixed(1)} ms)`,
      ),
    ],
    [
      `  ${settings.concurrency} concurrent`,
      ...results.map((r) => rate(r.bareVerify.concurrent.perSecond)),
    ],
    [
      'Path / bare hash throughput',
      ...results.map((r) => `${(r.pathToBareRatio * 100).toFixed(0)} %`),
    ],
    [
      '  cost beyond the hash, per sign-in',
      ...results.map((r) => `${r.pathOverheadMsPerSignIn.toFixed(1)} ms`),
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
  make: () => Promise<{ target: Target; cleanup?: () => Promise<void>; note?: string } | undefined>;
}[] = [
  {
    label: 'PGlite (embedded)',
    make: async () => ({ target: { kind: 'pglite', dataDir: '' } }),
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
        target: { kind: 'postgres', url: scratch.url },
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
    results.push(await benchDatabase(made.target, label));
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
  `\nPath / bare: password sign-ins per second over the bare argon2id verifications per second\n` +
    `at the same concurrency (${settings.concurrency}), both measured in this run. Total ${secs(totalMs)}.`,
);
for (const r of results) {
  const odd = Object.entries(r.codeSignIns.statuses).filter(([s]) => s !== '200');
  if (odd.length)
    console.log(`${r.label} code sign-in statuses: ${JSON.stringify(r.codeSignIns.statuses)}`);
}
if (failedChecks.length) console.log(`\nFAILED CHECKS:\n  ${failedChecks.join('\n  ')}`);

const out = path.join(benchDir, 'results-latest.json');
fs.writeFileSync(
  out,
  `${JSON.stringify({ date: new Date().toISOString(), command: 'npm run bench', machine, settings, totalMs, results, failedChecks }, null, 2)}\n`,
);
console.log(`\nWrote ${path.relative(process.cwd(), out)}`);
if (failedChecks.length) process.exitCode = 1;
