/**
 * The ledger benchmark (`node bench/ledger.ts`): a million postings, read back from the kept
 * balances, against ledger-cli and hledger computing the same balances from our export.
 *
 * For PGlite (a temporary data directory) and PostgreSQL (a scratch database on
 * BENCH_DATABASE_URL, by default the local server when it answers; `off` skips it):
 *  1. a co-op is set up (setupCoop: the chart of accounts, in EUR) and two years of two-posting
 *     entries over its 20 leaf accounts are loaded in bulk, up to 5,000 entries per transaction,
 *     with every ledger trigger live (kept balances per month and day, the balance check at
 *     commit); `ANALYZE postings, journal_entries` runs after each transaction (see below);
 *  2. trialBalance at the last day, balanceSheet, and one account's latest page (listEntries,
 *     50 entries) are each run once to warm up, then timed BENCH_LEDGER_RUNS times (median);
 *  3. exportLedger(..., 'hledger') writes the journal to a temporary file (timed); then
 *     `ledger balance --flat` (warm-up + BENCH_LEDGER_TOOL_RUNS timed runs) and `hledger balance
 *     --flat` (one timed run: it takes seconds and gigabytes) compute the balances from it. Their
 *     output is parsed and must equal ours for every account, and ours must equal the balances
 *     the generator says it loaded: the same work, done four ways, or the run fails;
 *  4. an entry more through insertEntry (the command's own path) is timed on the loaded books;
 *  5. a table with the ratios (ledger-cli or hledger time / our trial balance time; the goal is
 *     at least 10), then everything is closed, dropped and deleted.
 *
 * Loading stops early when it would overrun BENCH_LEDGER_LOAD_SECONDS for a database: the
 * figures are then for the books loaded so far, and the table says so.
 *
 * Knobs: BENCH_LEDGER_POSTINGS (1,000,000), BENCH_LEDGER_PGLITE_POSTINGS (that too),
 * BENCH_LEDGER_LOAD_SECONDS (per database), BENCH_LEDGER_PER_TRANSACTION (5,000 entries),
 * BENCH_LEDGER_RUNS (5), BENCH_LEDGER_TOOL_RUNS (3), BENCH_LEDGER_ACCOUNT (expenses:travel),
 * BENCH_DATABASE_URL.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { setupCoop } from '../src/coop/commands/setupCoop.ts';
import { postEntry } from '../src/finance/commands/postEntry.ts';
import { operatorActor } from '../src/platform/actor.ts';
import { runCommand } from '../src/platform/commands.ts';
import { exportLedger } from '../src/finance/exports.ts';
import { listEntries, trialBalance } from '../src/finance/queries.ts';
import { balanceSheet } from '../src/finance/reports/financialReports.ts';
import { openDatabase, type Db } from '../src/platform/db/database.ts';
import { queryRows } from '../src/platform/db/rows.ts';
import { benchAccountPaths, expectedBalances, lastDay } from './ledgerData.ts';
import { loadBenchBooks, type LoadResult } from './ledgerLoad.ts';
import {
  differences,
  inclusiveDifferences,
  median,
  timeTool,
  type ToolRun,
} from './ledgerTools.ts';
import { createScratchDatabase, defaultAdminUrl } from './postgres.ts';

const num = (name: string, fallback: number) => {
  const value = Number((process.env[name] ?? String(fallback)).replaceAll(/[_,]/g, ''));
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number`);
  return value;
};

export function ledgerBenchSettings() {
  const postings = num('BENCH_LEDGER_POSTINGS', 1_000_000);
  return {
    postings,
    // PGlite loads about 4,000 postings/s here, and exportLedger slows as the books grow: a
    // million take over 6 minutes on PGlite alone, so it gets half unless asked for more.
    pglitePostings: num(
      'BENCH_LEDGER_PGLITE_POSTINGS',
      process.env.BENCH_LEDGER_POSTINGS ? postings : 500_000,
    ),
    pgliteLoadSeconds: num('BENCH_LEDGER_PGLITE_LOAD_SECONDS', 180),
    loadSeconds: num('BENCH_LEDGER_LOAD_SECONDS', 60),
    perTransaction: num('BENCH_LEDGER_PER_TRANSACTION', 5000),
    runs: num('BENCH_LEDGER_RUNS', 5),
    toolRuns: num('BENCH_LEDGER_TOOL_RUNS', 3),
    account: process.env.BENCH_LEDGER_ACCOUNT ?? 'expenses:travel',
  };
}
type Settings = ReturnType<typeof ledgerBenchSettings>;

const log = (message: string) => console.error(`[bench:ledger] ${message}`);

async function timed<T>(runs: number, task: () => Promise<T>) {
  let result = await task(); // warm-up
  const runsMs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    result = await task();
    runsMs.push(performance.now() - t0);
  }
  return { result, runsMs, medianMs: median(runsMs) };
}

/** How the commit-time check finds an entry's postings on this database, as EXPLAIN says. */
async function checkLookupPlan(db: Db, entryId: string): Promise<string> {
  const rows = await queryRows<Record<string, string>>(
    db,
    sql`explain select count(*) from postings where entry_id = ${entryId}`,
  );
  const scan = rows
    .map((r) =>
      Object.values(r)[0]!
        .trim()
        .replace(/^->\s*/, ''),
    )
    .find((line) => / on postings/.test(line));
  return (scan ?? 'unknown')
    .replace(/\s+\(cost=.*$/, '')
    .replace(/^(.*) using (\S+) on postings$/, '$1 ($2)')
    .replace(' on postings', '');
}

/**
 * Per-entry load cost against the size of the books (least squares over the transactions), and
 * what loading `postings` would take at that rate: a + b·p per entry, p the postings already in.
 */
function loadTrend(load: LoadResult, postings: number) {
  const points = load.batches
    .slice(1)
    .map((b) => ({ x: b.postingsBefore + b.entries, y: b.ms / b.entries }));
  if (points.length < 2) return undefined;
  const n = points.length;
  const mx = points.reduce((s, p) => s + p.x, 0) / n;
  const my = points.reduce((s, p) => s + p.y, 0) / n;
  const sxy = points.reduce((s, p) => s + (p.x - mx) * (p.y - my), 0);
  const sxx = points.reduce((s, p) => s + (p.x - mx) ** 2, 0);
  const b = sxx > 0 ? Math.max(0, sxy / sxx) : 0;
  const a = Math.max(0, my - b * mx);
  const entries = postings / 2;
  return {
    firstMsPerEntry: points[0]!.y,
    firstAt: points[0]!.x,
    lastMsPerEntry: points.at(-1)!.y,
    lastAt: points.at(-1)!.x,
    // The sum over entries of a + b·2i, scaled by what the transactions' own time leaves out
    // (generating the entries, ANALYZE between transactions).
    projectedMs:
      (a * entries + b * entries * entries) *
      (load.ms / load.batches.reduce((sum, batch) => sum + batch.ms, 0)),
  };
}

interface Target {
  label: string;
  loadSeconds: number;
  databaseUrl?: string;
  note: string;
  drop?: () => Promise<void>;
}

async function benchDatabase(
  target: Target,
  targetPostings: number,
  settings: Settings,
  toolCache: Map<string, { ledgerCli: ToolRun; hledger: ToolRun }>,
  tmp: string,
) {
  const dataDir = path.join(tmp, 'data');
  const database = await openDatabase({
    databaseUrl: target.databaseUrl,
    dataDir,
    holder: 'bench/ledger.ts',
  });
  try {
    const db = database.db;
    const { coop } = await setupCoop(db, {
      name: 'Bench Books Co-op',
      currency: 'EUR',
      admin: {
        displayName: 'Bench Treasurer',
        email: 'treasurer@bench.example.org',
        password: 'bench-passphrase-correct-horse',
      },
    });
    const coopId = coop.id;
    const chart = new Set(
      (
        await queryRows<{ path: string }>(
          db,
          sql`select path from accounts where coop_id = ${coopId}`,
        )
      ).map((r) => r.path),
    );
    const missing = benchAccountPaths.filter((p) => !chart.has(p));
    if (missing.length) throw new Error(`the chart lacks ${missing.join(', ')}`);

    // 1. Load.
    const entries = Math.ceil(targetPostings / 2);
    log(`${target.label}: loading ${entries.toLocaleString('en-US')} entries`);
    let lastReport = 0;
    const load = await loadBenchBooks(db, coopId, {
      entries,
      perTransaction: settings.perTransaction,
      firstTransaction: 100,
      timeLimitMs: target.loadSeconds * 1000,
      // Statistics, so that the planner knows postings_entry_idx serves `entry_id = ?` (a skip
      // scan on PostgreSQL 18). A server's autovacuum does this by itself; PGlite has none.
      afterTransaction: async () => {
        await db.execute(sql`analyze postings, journal_entries`);
      },
      progress: (done, ms) => {
        if (ms - lastReport < 10_000) return;
        lastReport = ms;
        log(
          `${target.label}: ${(done * 2).toLocaleString('en-US')} postings in ${(ms / 1000).toFixed(0)} s`,
        );
      },
    });
    log(
      `${target.label}: ${load.postings.toLocaleString('en-US')} postings loaded in ${(load.ms / 1000).toFixed(1)} s` +
        (load.stoppedByTimeLimit ? ' (stopped by the time limit)' : ''),
    );
    const [someEntry] = await queryRows<{ id: string }>(
      db,
      sql`select id from journal_entries where coop_id = ${coopId} limit 1`,
    );
    const checkPlan = await checkLookupPlan(db, someEntry!.id);

    // 2. Reads.
    log(`${target.label}: timing trial balance, balance sheet, latest page`);
    const tb = await timed(settings.runs, () => trialBalance(db, coopId, lastDay));
    const sheet = await timed(settings.runs, () => balanceSheet(db, coopId, lastDay));
    const page = await timed(settings.runs, () =>
      listEntries(db, coopId, { account: settings.account, limit: 50 }),
    );

    const ours = new Map<string, bigint>();
    for (const row of tb.result) {
      if (row.currency !== 'EUR') throw new Error(`unexpected currency ${row.currency}`);
      ours.set(row.account, BigInt(row.balance_minor));
    }
    const failures: string[] = [];
    const generated = differences(ours, expectedBalances(entries, load.entries), 'generator');
    failures.push(...generated);
    const s = sheet.result;
    if (s.totals.assets !== s.totals.liabilities + s.totals.equity)
      failures.push(
        `balance sheet: assets ${s.totals.assets} ≠ liabilities ${s.totals.liabilities} + equity ${s.totals.equity}`,
      );
    const pageRows = page.result;
    // The page must hold the newest entries touching the account, newest first.
    const [touching] = await queryRows<{ n: number; newest: number | null }>(
      db,
      sql`select count(distinct p.entry_id)::int as n, max(e.number)::int as newest
          from postings p join accounts a on a.id = p.account_id
          join journal_entries e on e.coop_id = p.coop_id and e.id = p.entry_id
          where p.coop_id = ${coopId} and a.path = ${settings.account}`,
    );
    const expectedPage = Math.min(50, touching!.n);
    if (
      pageRows.length !== expectedPage ||
      (expectedPage > 0 && pageRows[0]!.number !== touching!.newest) ||
      pageRows.some((e) => !e.postings.some((p) => p.account === settings.account)) ||
      pageRows.some((e, i) => i > 0 && e.number >= pageRows[i - 1]!.number)
    )
      failures.push(
        `latest page of ${settings.account}: not its ${expectedPage} newest entries, newest first`,
      );

    // 3. Export, then ledger-cli and hledger on it.
    log(`${target.label}: exportLedger hledger`);
    const file = path.join(tmp, 'books.journal');
    const hash = createHash('sha256');
    const t0 = performance.now();
    await pipeline(
      Readable.from(exportLedger(db, coopId, 'hledger')),
      async function* (chunks: AsyncIterable<string>) {
        for await (const chunk of chunks) {
          hash.update(chunk);
          yield chunk;
        }
      },
      fs.createWriteStream(file),
    );
    const exportMs = performance.now() - t0;
    const exportBytes = fs.statSync(file).size;
    const sha256 = hash.digest('hex');
    let tools = toolCache.get(sha256);
    const reused = tools !== undefined;
    if (!tools) {
      log(`${target.label}: ledger-cli balance (warm-up + ${settings.toolRuns})`);
      const ledgerCli = await timeTool('ledger-cli', file, settings.toolRuns, true);
      log(`${target.label}: hledger balance (1 run)`);
      const hledger = await timeTool('hledger', file, 1, false);
      tools = { ledgerCli, hledger };
      toolCache.set(sha256, tools);
    }
    fs.rmSync(file, { force: true });
    failures.push(...inclusiveDifferences(ours, tools.ledgerCli.balances));
    failures.push(...differences(ours, tools.hledger.balances, 'hledger'));

    // 4. One entry more, the way the application posts it (its commit-time check included).
    const post = [];
    for (let i = 0; i < 3; i++) {
      const t1 = performance.now();
      await runCommand(
        postEntry,
        {
          effectiveOn: lastDay,
          kind: 'bank-fee',
          description: `Card processing fee, after the load ${i + 1}`,
          postings: [
            { account: 'expenses:fees', amount: '1.25' },
            { account: 'assets:bank:operating', amount: '-1.25' },
          ],
        },
        { db, actor: operatorActor(coopId), publicUrl: '' },
      );
      post.push(performance.now() - t1);
    }

    return {
      label: target.label,
      note: target.note,
      loadSeconds: target.loadSeconds,
      load,
      trend: loadTrend(load, settings.postings),
      checkPlan,
      accounts: ours.size,
      trialBalance: { medianMs: tb.medianMs, runsMs: tb.runsMs },
      balanceSheet: { medianMs: sheet.medianMs, runsMs: sheet.runsMs },
      page: { medianMs: page.medianMs, runsMs: page.runsMs, rows: pageRows.length },
      export: { ms: exportMs, bytes: exportBytes, sha256 },
      ledgerCli: { ...tools.ledgerCli, balances: undefined, reused },
      hledger: { ...tools.hledger, balances: undefined, reused },
      insertEntryMs: median(post),
      ratios: {
        ledgerCli: tools.ledgerCli.medianMs / tb.medianMs,
        hledger: tools.hledger.medianMs / tb.medianMs,
      },
      failures,
    };
  } finally {
    await database.close();
  }
}

export type LedgerBenchDatabase = Awaited<ReturnType<typeof benchDatabase>>;
export interface LedgerBenchResult {
  settings: Settings;
  databases: LedgerBenchDatabase[];
  skipped: string[];
  totalMs: number;
  goalMet: boolean;
  failures: string[];
}

// ---------- formatting ----------
const int = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const ms = (v: number) =>
  v >= 10_000
    ? `${(v / 1000).toFixed(1)} s`
    : v >= 1000
      ? `${(v / 1000).toFixed(2)} s`
      : v >= 10
        ? `${v.toFixed(0)} ms`
        : `${v.toFixed(2)} ms`;
const duration = (v: number) =>
  v >= 2 * 3600_000
    ? `${(v / 3600_000).toFixed(0)} h`
    : v >= 120_000
      ? `${(v / 60_000).toFixed(0)} min`
      : ms(v);
const times = (v: number) => `${v >= 100 ? int.format(v) : v.toFixed(1)} ×`;

function table(settings: Settings, results: LedgerBenchDatabase[]): string {
  const rows: [string, ...string[]][] = [
    ['', ...results.map((r) => r.label)],
    ['Books', ...results.map(() => '')],
    [
      '  postings loaded (two per entry)',
      ...results.map(
        (r) =>
          `${int.format(r.load.postings)}${r.load.postings < r.load.target * 2 ? ` of ${int.format(r.load.target * 2)}` : ''}`,
      ),
    ],
    ['  accounts with a balance', ...results.map((r) => String(r.accounts))],
    ['  load wall time', ...results.map((r) => ms(r.load.ms))],
    [
      '  load rate',
      ...results.map((r) => `${int.format(r.load.postings / (r.load.ms / 1000))} postings/s`),
    ],
    [
      '  per entry: first transaction → last',
      ...results.map((r) =>
        r.trend
          ? `${r.trend.firstMsPerEntry.toFixed(2)} → ${r.trend.lastMsPerEntry.toFixed(2)} ms`
          : '',
      ),
    ],
    [
      `  projected load of ${int.format(settings.postings)} postings`,
      ...results.map((r) =>
        r.load.postings >= settings.postings || !r.trend ? '' : duration(r.trend.projectedMs),
      ),
    ],
    [`Reads, median of ${settings.runs} after a warm-up`, ...results.map(() => '')],
    [`  trial balance at ${lastDay}`, ...results.map((r) => ms(r.trialBalance.medianMs))],
    ['  balance sheet', ...results.map((r) => ms(r.balanceSheet.medianMs))],
    [`  latest page of ${settings.account} (50)`, ...results.map((r) => ms(r.page.medianMs))],
    ['The same balances from our export', ...results.map(() => '')],
    [
      "  exportLedger 'hledger' (file size)",
      ...results.map((r) => `${ms(r.export.ms)} (${(r.export.bytes / 2 ** 20).toFixed(1)} MiB)`),
    ],
    [
      `  ledger-cli balance --flat (median of ${settings.toolRuns})`,
      ...results.map((r) => `${r.ledgerCli.reused ? '= ' : ''}${ms(r.ledgerCli.medianMs)}`),
    ],
    [
      '  hledger balance --flat (one run)',
      ...results.map((r) => `${r.hledger.reused ? '= ' : ''}${ms(r.hledger.medianMs)}`),
    ],
    [
      '  every balance equal (ours, generator, both tools)',
      ...results.map((r) => (r.failures.length === 0 ? 'yes' : 'NO')),
    ],
    ['Ratios', ...results.map(() => '')],
    ['  ledger-cli / our trial balance', ...results.map((r) => times(r.ratios.ledgerCli))],
    ['  hledger / our trial balance', ...results.map((r) => times(r.ratios.hledger))],
    [
      '  goal: trial balance ≥ 10 × faster than ledger-cli',
      ...results.map((r) => (r.ratios.ledgerCli >= 10 ? 'met' : 'NOT met')),
    ],
    ['After the load', ...results.map(() => '')],
    ['  one entry through insertEntry (median of 3)', ...results.map((r) => ms(r.insertEntryMs))],
    ["  the check's lookup of an entry's postings", ...results.map((r) => r.checkPlan)],
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
export async function runLedgerBench(): Promise<LedgerBenchResult> {
  const settings = ledgerBenchSettings();
  const started = performance.now();
  const toolCache = new Map<string, { ledgerCli: ToolRun; hledger: ToolRun }>();
  const results: LedgerBenchDatabase[] = [];
  const skipped: string[] = [];
  const temporary = new Set<string>();
  const cleanUp = () => {
    for (const dir of temporary) fs.rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
  };
  process.on('exit', cleanUp);

  const targets: { make: () => Promise<Target | undefined>; postings: number }[] = [
    {
      postings: settings.pglitePostings,
      make: async () => ({
        label: 'PGlite (embedded)',
        note: 'PGlite 0.5.16 (PostgreSQL 18)',
        loadSeconds: settings.pgliteLoadSeconds,
      }),
    },
    {
      postings: settings.postings,
      make: async () => {
        const setting = process.env.BENCH_DATABASE_URL;
        if (setting === 'off' || setting === '') {
          skipped.push('PostgreSQL skipped (BENCH_DATABASE_URL=off)');
          return undefined;
        }
        const scratch = await createScratchDatabase(
          setting ?? defaultAdminUrl,
          setting !== undefined,
        );
        if ('skipped' in scratch) {
          skipped.push(`${scratch.skipped}; skipped (set BENCH_DATABASE_URL to require it)`);
          return undefined;
        }
        log(`PostgreSQL ${scratch.serverVersion}: scratch database ${scratch.name}`);
        return {
          label: 'PostgreSQL',
          loadSeconds: settings.loadSeconds,
          databaseUrl: scratch.url,
          note: `PostgreSQL ${scratch.serverVersion}`,
          drop: scratch.drop,
        };
      },
    },
  ];
  try {
    for (const { make, postings } of targets) {
      const target = await make();
      if (!target) continue;
      const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'coop-bench-ledger-'));
      temporary.add(tmp);
      try {
        results.push(await benchDatabase(target, postings, settings, toolCache, tmp));
      } finally {
        await target.drop?.();
        fs.rmSync(tmp, { recursive: true, force: true });
        temporary.delete(tmp);
      }
    }
  } finally {
    process.off('exit', cleanUp);
    cleanUp();
  }
  const failures = results.flatMap((r) => r.failures.map((f) => `${r.label}: ${f}`));
  return {
    settings,
    databases: results,
    skipped,
    totalMs: performance.now() - started,
    goalMet: results.length > 0 && results.every((r) => r.ratios.ledgerCli >= 10),
    failures,
  };
}

export function printLedgerBench(result: LedgerBenchResult): void {
  const { settings, databases } = result;
  console.log(
    `\nHackers Co-op ledger benchmark (node bench/ledger.ts), ${new Date().toISOString()}\n` +
      `Node ${process.version}, ${os.platform()} ${os.arch()}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'unknown'}, ` +
      `${databases.map((d) => d.note).join(', ')}\n`,
  );
  console.log(table(settings, databases));
  const notes: string[] = [
    `Entries: two postings each, EUR, ${benchAccountPaths.length} accounts, 2025-01-01 to ${lastDay}, loaded by multi-row INSERT ... SELECT,`,
    `up to ${int.format(settings.perTransaction)} entries per transaction, with every ledger trigger live; ANALYZE postings, journal_entries`,
    'after each transaction (a server\'s autovacuum would; PGlite has none). "=": the export was byte-identical',
    "to one already measured, so the tools' figures are reused. Ratios: tool wall time (process start,",
    'parsing the journal, the report) over our trial balance, measured in this run.',
  ];
  for (const d of databases) {
    if (d.load.stoppedByTimeLimit)
      notes.push(
        `${d.label}: loading stopped at ${int.format(d.load.postings)} postings, at its ${d.loadSeconds} s limit ` +
          `(${d.label === 'PostgreSQL' ? 'BENCH_LEDGER_LOAD_SECONDS' : 'BENCH_LEDGER_PGLITE_LOAD_SECONDS'}); every figure in its column is for those books.`,
      );
    if (d.trend && d.trend.lastMsPerEntry > 1.5 * d.trend.firstMsPerEntry)
      notes.push(
        `${d.label}: loading slows as the books grow: ${d.trend.firstMsPerEntry.toFixed(2)} ms per entry at ` +
          `${int.format(d.trend.firstAt)} postings, ${d.trend.lastMsPerEntry.toFixed(2)} ms at ${int.format(d.trend.lastAt)}.` +
          (/Seq Scan/.test(d.checkPlan)
            ? ` The commit-time check (ledger_check_entry, migrations/0005_ledger_rules.sql) selects an entry's postings by ` +
              `entry_id alone; postings_entry_idx leads with coop_id, so here it plans as "${d.checkPlan}": each entry's ` +
              `check reads every posting, and posting one entry costs O(postings in the books).`
            : ''),
      );
  }
  if (
    settings.pglitePostings !== settings.postings &&
    databases.some((d) => d.label.startsWith('PGlite'))
  )
    notes.push(
      `PGlite is given ${int.format(settings.pglitePostings)} postings, not ${int.format(settings.postings)}, to keep the run under 6 minutes: ` +
        `a million take PGlite alone over 6 minutes to load, export and check (BENCH_LEDGER_PGLITE_POSTINGS=1000000 runs it).`,
    );
  for (const s of result.skipped) notes.push(s);
  notes.push(
    `Goal (trial balance ≥ 10 × faster than ledger-cli on the same books): ${result.goalMet ? 'met' : 'NOT met'} ` +
      `on ${databases.map((d) => `${d.label} at ${int.format(d.load.postings)} postings`).join(' and ')}. ` +
      `Total run ${(result.totalMs / 1000).toFixed(0)} s.`,
  );
  console.log(`\n${notes.join('\n')}`);
  const commands = [
    ...new Set(
      databases
        .flatMap((d) => [d.ledgerCli.command, d.hledger.command])
        .map((c) => c.replace(/-f \S+/, '-f FILE')),
    ),
  ];
  if (commands.length) console.log(`Commands: ${commands.join('; ')}`);
  if (result.failures.length) console.log(`\nFAILED CHECKS:\n  ${result.failures.join('\n  ')}`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.once(signal, () => {
      log(
        `${signal}: stopping (a PostgreSQL scratch database, if any, is left: see its name above)`,
      );
      process.exit(130);
    });
  const result = await runLedgerBench();
  printLedgerBench(result);
  if (result.failures.length) process.exitCode = 1;
}
