/**
 * The statement import benchmark (`node bench/statements.ts`): what does importing cost beyond
 * reading the file?
 *
 * 1. A synthetic CAMT.053 statement of 100,000 booked entries (BENCH_STATEMENT_LINES) is written
 *    in memory: one account, a year of days, credits and debits with parties, IBANs, remittance
 *    text, end-to-end ids and every tenth entry a creditor reference; balances that add up.
 * 2. Parsing alone (fast-xml-parser, every amount re-read as integer minor units, plus the
 *    balance check and dedupe keys the import computes) is timed BENCH_STATEMENT_RUNS times
 *    (default 3), the median reported.
 * 3. The full import (`importStatement`, what the API and `coop ledger import-statement` call)
 *    runs into a fresh PGlite database holding a co-op with 500 posted bank entries and 50
 *    organizations to match against. Then the same statement again under another name (an
 *    overlapping file): every line is found already imported and skipped.
 *
 * Printed: both times and the ratio import / parse. Knobs: BENCH_STATEMENT_LINES,
 * BENCH_STATEMENT_RUNS, BENCH_STATEMENT_FORMAT (camt053 or mt940).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { setupCoop } from '../src/coop/commands/setupCoop.ts';
import { postEntry } from '../src/finance/commands/postEntry.ts';
import { importStatement } from '../src/finance/statements/commands/importStatement.ts';
import { minorToDecimal } from '../src/finance/statements/parsers/amounts.ts';
import { parseStatementFile } from '../src/finance/statements/parsers/index.ts';
import { checkBalance, dedupeKeys } from '../src/finance/statements/reconcile.ts';
import { addBankAccount } from '../src/finance/statements/testSupport.ts';
import { organizations } from '../src/organizations/schema.ts';
import { operatorActor } from '../src/platform/actor.ts';
import { runCommand } from '../src/platform/commands.ts';
import { openDatabase } from '../src/platform/db/database.ts';

/** mulberry32: the same statement on every run. */
function generator(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface SyntheticLine {
  day: string;
  minor: bigint;
  name: string;
  iban: string;
  text: string;
  ref: string;
  creditorRef: string | null;
}

function syntheticLines(count: number): SyntheticLine[] {
  const random = generator(2026);
  const names = ['Acme Cloud GmbH', 'Hetzner Online', 'Jane Hacker', 'NS Reizen', 'Foo Foundation'];
  const start = Date.parse('2026-01-01T00:00:00Z');
  return Array.from({ length: count }, (_, i) => {
    const credit = random() < 0.3;
    const cents = BigInt(1 + Math.floor(random() * (credit ? 2_000_000 : 200_000)));
    const day = new Date(start + Math.floor((i / count) * 365) * 86_400_000)
      .toISOString()
      .slice(0, 10);
    return {
      day,
      minor: credit ? cents : -cents,
      name: names[Math.floor(random() * names.length)]!,
      iban: `NL${String(10 + (i % 89)).padStart(2, '0')}BANK${String(i).padStart(10, '0')}`,
      text: `Invoice ${2026_00000 + i} ${credit ? 'sponsorship' : 'services'} period ${day.slice(0, 7)}`,
      ref: `BENCH${String(i).padStart(12, '0')}`,
      creditorRef: i % 10 === 0 ? `RF18${String(i).padStart(21, '0')}` : null,
    };
  });
}

function camtStatement(lines: SyntheticLine[], opening: bigint): string {
  const amount = (minor: bigint) => minorToDecimal(minor < 0n ? -minor : minor, 'EUR');
  const closing = lines.reduce((sum, l) => sum + l.minor, opening);
  const balance = (code: string, minor: bigint, day: string) =>
    `<Bal><Tp><CdOrPrtry><Cd>${code}</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">${amount(minor)}</Amt><CdtDbtInd>${minor < 0n ? 'DBIT' : 'CRDT'}</CdtDbtInd><Dt><Dt>${day}</Dt></Dt></Bal>`;
  const parts = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08"><BkToCstmrStmt>',
    '<GrpHdr><MsgId>BENCH</MsgId><CreDtTm>2027-01-01T00:00:00</CreDtTm></GrpHdr>',
    '<Stmt><Id>BENCH-2026</Id><FrToDt><FrDtTm>2026-01-01T00:00:00</FrDtTm><ToDtTm>2026-12-31T23:59:59</ToDtTm></FrToDt>',
    '<Acct><Id><IBAN>NL91BENCH0000000001</IBAN></Id><Ccy>EUR</Ccy></Acct>',
    balance('OPBD', opening, '2025-12-31'),
    balance('CLBD', closing, '2026-12-31'),
  ];
  for (const l of lines) {
    const credit = l.minor > 0n;
    const party = credit
      ? `<Dbtr><Pty><Nm>${l.name}</Nm></Pty></Dbtr><DbtrAcct><Id><IBAN>${l.iban}</IBAN></Id></DbtrAcct>`
      : `<Cdtr><Pty><Nm>${l.name}</Nm></Pty></Cdtr><CdtrAcct><Id><IBAN>${l.iban}</IBAN></Id></CdtrAcct>`;
    const strd = l.creditorRef
      ? `<Strd><CdtrRefInf><Tp><CdOrPrtry><Cd>SCOR</Cd></CdOrPrtry></Tp><Ref>${l.creditorRef}</Ref></CdtrRefInf></Strd>`
      : '';
    parts.push(
      `<Ntry><Amt Ccy="EUR">${amount(l.minor)}</Amt><CdtDbtInd>${credit ? 'CRDT' : 'DBIT'}</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts>` +
        `<BookgDt><Dt>${l.day}</Dt></BookgDt><ValDt><Dt>${l.day}</Dt></ValDt><AcctSvcrRef>${l.ref}</AcctSvcrRef>` +
        `<BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>${credit ? 'RCDT' : 'ICDT'}</Cd><SubFmlyCd>ESCT</SubFmlyCd></Fmly></Domn></BkTxCd>` +
        `<NtryDtls><TxDtls><Refs><EndToEndId>E2E-${l.ref}</EndToEndId></Refs><Amt Ccy="EUR">${amount(l.minor)}</Amt><CdtDbtInd>${credit ? 'CRDT' : 'DBIT'}</CdtDbtInd>` +
        `<RltdPties>${party}</RltdPties><RmtInf><Ustrd>${l.text}</Ustrd>${strd}</RmtInf></TxDtls></NtryDtls></Ntry>`,
    );
  }
  parts.push('</Stmt></BkToCstmrStmt></Document>');
  return parts.join('\n');
}

function mt940Statement(lines: SyntheticLine[], opening: bigint): string {
  const swift = (minor: bigint) =>
    minorToDecimal(minor < 0n ? -minor : minor, 'EUR').replace('.', ',');
  const yymmdd = (day: string) => day.slice(2).replaceAll('-', '');
  const closing = lines.reduce((sum, l) => sum + l.minor, opening);
  const out = [
    ':20:BENCH',
    ':25:NL91BENCH0000000001',
    ':28C:1',
    `:60F:C251231EUR${swift(opening)}`,
  ];
  for (const l of lines)
    out.push(
      `:61:${yymmdd(l.day)}${yymmdd(l.day).slice(2)}${l.minor < 0n ? 'D' : 'C'}${swift(l.minor)}NTRFNONREF//${l.ref}`,
      `:86:/CNTP/${l.iban}/BANKNL2A/${l.name}///REMI/USTD//${l.text}/`,
    );
  out.push(`:62F:${closing < 0n ? 'D' : 'C'}261231EUR${swift(closing)}`, '-');
  return out.join('\n');
}

export interface StatementBenchResult {
  node: string;
  format: 'camt053' | 'mt940';
  lines: number;
  megabytes: number;
  runs: number;
  parseMs: number;
  importMs: number;
  overlapMs: number;
  ratio: number;
  added: number;
  skippedOnOverlap: number;
  matched: number;
  suggested: number;
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

export async function runStatementBench(
  options: {
    lines?: number | undefined;
    runs?: number | undefined;
    format?: 'camt053' | 'mt940' | undefined;
    log?: (line: string) => void;
  } = {},
): Promise<StatementBenchResult> {
  const count = options.lines ?? 100_000;
  const runs = options.runs ?? 3;
  const format = options.format ?? 'camt053';
  const log = options.log ?? (() => undefined);
  const synthetic = syntheticLines(count);
  const content = (format === 'camt053' ? camtStatement : mt940Statement)(synthetic, 5_000_000n);
  const fileName = format === 'camt053' ? 'bench.xml' : 'bench.sta';
  log(`${count.toLocaleString('en')} lines, ${(content.length / 1e6).toFixed(1)} MB of ${format}`);

  log('parsing…');
  const parseTimes: number[] = [];
  for (let run = 0; run <= runs; run++) {
    const t0 = performance.now();
    const { statements } = parseStatementFile(fileName, content);
    for (const s of statements) {
      if (checkBalance(s).status !== 'ok') throw new Error('the synthetic statement must add up');
      dedupeKeys(s.lines);
    }
    if (run > 0) parseTimes.push(performance.now() - t0); // the first run warms up
  }

  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'coop-bench-statements-'));
  const database = await openDatabase({ dataDir, holder: 'bench/statements.ts' });
  try {
    log('setting up a co-op with entries and organizations to match against…');
    const { coop } = await setupCoop(database.db, {
      name: 'Bench Co-op',
      admin: { displayName: 'Bench', email: 'bench@example.org', password: 'bench password 1' },
    });
    await addBankAccount(database.db, coop.id, '1190', 'bench');
    await database.db.insert(organizations).values(
      Array.from({ length: 50 }, (_, i) => ({
        coopId: coop.id,
        legalName: i === 0 ? 'Acme Cloud GmbH' : `Sponsor ${i} Ltd`,
        displayName: i === 0 ? 'Acme Cloud' : `Sponsor ${i}`,
      })),
    );
    await database.db.transaction(async (tx) => {
      for (let i = 0; i < 500; i++) {
        const l = synthetic[i * Math.floor(count / 500)]!;
        const amount = minorToDecimal(l.minor, 'EUR');
        const other = amount.startsWith('-') ? amount.slice(1) : `-${amount}`;
        await runCommand(
          postEntry,
          {
            effectiveOn: l.day,
            description: i % 2 === 0 ? l.text : `Booked by hand ${i}`,
            postings: [
              { account: '1190', amount },
              { account: l.minor < 0n ? '5200' : '4100', amount: other },
            ],
          },
          { db: database.db, actor: operatorActor(coop.id), publicUrl: '', tx },
        );
      }
    });
    const ctx = { db: database.db, actor: operatorActor(coop.id), publicUrl: 'http://bench' };
    log('importing…');
    const t0 = performance.now();
    const imported = await runCommand(importStatement, { fileName, content, account: '1190' }, ctx);
    const importMs = performance.now() - t0;
    log('importing it again as an overlapping file…');
    const t1 = performance.now();
    const again = await runCommand(
      importStatement,
      { fileName: `again-${fileName}`, content: `${content}\n` },
      ctx,
    );
    const overlapMs = performance.now() - t1;
    const parseMs = median(parseTimes);
    const s = imported.statements[0]!;
    return {
      node: process.version,
      format,
      lines: count,
      megabytes: content.length / 1e6,
      runs,
      parseMs,
      importMs,
      overlapMs,
      ratio: importMs / parseMs,
      added: s.linesAdded,
      skippedOnOverlap: again.statements[0]!.linesSkipped,
      matched: s.matched,
      suggested: s.suggested,
    };
  } finally {
    await database.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

export function formatStatementBench(r: StatementBenchResult): string {
  return [
    `Statement import benchmark (Node ${r.node}, PGlite)`,
    `${r.lines.toLocaleString('en')}-line ${r.format} statement, ${r.megabytes.toFixed(1)} MB`,
    `  parse alone (median of ${r.runs}) ${r.parseMs.toFixed(0).padStart(8)} ms`,
    `  full import                   ${r.importMs.toFixed(0).padStart(8)} ms   import/parse = ${r.ratio.toFixed(2)}`,
    `    ${r.added.toLocaleString('en')} lines added, ${r.matched} matched by reference, ${r.suggested} suggested for review`,
    `  overlapping re-import         ${r.overlapMs.toFixed(0).padStart(8)} ms   (${r.skippedOnOverlap.toLocaleString('en')} lines skipped)`,
    '',
  ].join('\n');
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const number = (name: string) => {
    const value = process.env[name];
    if (value === undefined) return undefined;
    const n = Number(value);
    if (!Number.isInteger(n) || n <= 0) throw new Error(`${name} must be a positive whole number`);
    return n;
  };
  const format = process.env.BENCH_STATEMENT_FORMAT;
  if (format !== undefined && format !== 'camt053' && format !== 'mt940')
    throw new Error('BENCH_STATEMENT_FORMAT must be camt053 or mt940');
  const result = await runStatementBench({
    lines: number('BENCH_STATEMENT_LINES'),
    runs: number('BENCH_STATEMENT_RUNS'),
    format,
    log: (line) => console.error(`[bench] ${line}`),
  });
  process.stdout.write(formatStatementBench(result));
}
