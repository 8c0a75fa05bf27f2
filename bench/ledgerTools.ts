/**
 * ledger-cli and hledger computing the balances of an exported journal, and the checks that
 * they found the same balances as the co-op's trial balance.
 */
import { execFile } from 'node:child_process';
import { parseAmount } from '../src/platform/money/amount.ts';

export interface ToolRun {
  tool: 'ledger-cli' | 'hledger';
  command: string;
  /** Wall time of each timed run, in milliseconds (warm-up excluded). */
  runsMs: number[];
  medianMs: number;
  /** Account path to balance in cents, as the tool printed it. */
  balances: Map<string, bigint>;
}

export const toolCommands = {
  // --args-only: no ~/.ledgerrc or LEDGER_* variables; --flat: full account names, one a line.
  'ledger-cli': (file: string) => ['ledger', '--args-only', '-f', file, 'balance', '--flat'],
  hledger: (file: string) => ['hledger', '-f', file, 'balance', '--flat'],
} as const;

function run(argv: readonly string[]): Promise<{ stdout: string; ms: number }> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    execFile(
      argv[0]!,
      argv.slice(1),
      { maxBuffer: 64 * 2 ** 20, env: { ...process.env, LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8' } },
      (error, stdout, stderr) => {
        const ms = performance.now() - start;
        if (error) reject(new Error(`${argv.join(' ')} failed: ${error.message}\n${stderr}`));
        else resolve({ stdout, ms });
      },
    );
  });
}

/**
 * One balance report line, `  -1,234.56 EUR  income:donations` (ledger-cli and hledger both
 * put the amount first). Both learn the number style from the journal, which has no thousands
 * separators, but commas are accepted anyway; a commodity before the number too.
 */
const line = /^\s*(?:(EUR)\s*)?(-?[\d,]+(?:\.\d+)?)(?:\s*(EUR))?\s{2,}(\S.*?)\s*$/;

export function parseBalanceReport(output: string): Map<string, bigint> {
  const balances = new Map<string, bigint>();
  for (const text of output.split('\n')) {
    if (!text.trim()) continue;
    const m = line.exec(text);
    if (!m || (!m[1] && !m[3]))
      throw new Error(`unexpected line in a balance report: ${JSON.stringify(text)}`);
    const account = m[4]!;
    if (balances.has(account)) throw new Error(`account ${account} printed twice`);
    balances.set(account, parseAmount(m[2]!.replaceAll(',', ''), 'EUR'));
  }
  return balances;
}

/** Runs the tool once to warm the page cache, then `runs` times, timed. */
export async function timeTool(
  tool: ToolRun['tool'],
  file: string,
  runs: number,
  warmUp: boolean,
): Promise<ToolRun> {
  const argv = [...toolCommands[tool](file), '--no-total'];
  let last = warmUp ? await run(argv) : undefined;
  const runsMs: number[] = [];
  for (let i = 0; i < runs; i++) {
    last = await run(argv);
    runsMs.push(last.ms);
  }
  return {
    tool,
    command: argv.join(' '),
    runsMs,
    medianMs: median(runsMs),
    balances: parseBalanceReport(last!.stdout),
  };
}

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Differences between two balance maps (zero balances count as absent), as readable lines. */
export function differences(
  ours: Map<string, bigint>,
  theirs: Map<string, bigint>,
  theirName: string,
): string[] {
  const out: string[] = [];
  for (const account of new Set([...ours.keys(), ...theirs.keys()])) {
    const a = ours.get(account) ?? 0n;
    const b = theirs.get(account) ?? 0n;
    if (a !== b) out.push(`${account}: ours ${a} cents, ${theirName} ${b} cents`);
  }
  return out.sort();
}

/**
 * ledger-cli's `--flat` prints each account with postings with its total *including* its
 * sub-accounts (hledger's `--flat` prints each account's own balance): roll ours up the same way
 * for every account it printed, and require every account of ours to be printed.
 */
export function inclusiveDifferences(
  ours: Map<string, bigint>,
  ledgerCli: Map<string, bigint>,
): string[] {
  const out: string[] = [];
  for (const [account, theirs] of ledgerCli) {
    let sum = 0n;
    for (const [path, balance] of ours)
      if (path === account || path.startsWith(`${account}:`)) sum += balance;
    if (sum !== theirs)
      out.push(`${account} (with sub-accounts): ours ${sum} cents, ledger-cli ${theirs} cents`);
  }
  for (const account of ours.keys())
    if (!ledgerCli.has(account)) out.push(`${account}: not printed by ledger-cli`);
  return out.sort();
}
