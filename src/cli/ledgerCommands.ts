/**
 * `coop ledger ...`, `coop report ...` and `coop year-end ...`: the declarations only. Each
 * action imports its implementation (under ./commands/) when it runs, so that the other
 * commands, and `--help`, do not load the finance domain or the database.
 */
import { type Command, InvalidArgumentError } from 'commander';
import type { ExportFormat } from '../finance/exports.ts';
import { exportFormats } from './choices.ts';
import { registerStatementCommands } from './statementCommands.ts';

const isoDay = (value: string) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value)))
    throw new InvalidArgumentError('a date as YYYY-MM-DD');
  return value;
};

export function registerLedgerCommands(program: Command): void {
  const ledger = program
    .command('ledger')
    .description('The books: verify, export, import statements');
  registerStatementCommands(ledger);
  ledger
    .command('verify')
    .description(
      'Recompute every kept balance from the postings and report any difference, and any entry recorded inside a locked period after its lock',
    )
    .action(async () => {
      const { ledgerVerify } = await import('./commands/ledgerVerify.ts');
      await ledgerVerify();
    });
  ledger
    .command('export')
    .description('Print the ledger as an hledger journal, a Beancount file or CSV')
    .requiredOption('--format <format>', `one of ${exportFormats.join(', ')}`, (v) => {
      if (!(exportFormats as readonly string[]).includes(v))
        throw new InvalidArgumentError(`one of ${exportFormats.join(', ')}`);
      return v;
    })
    .option('--from <date>', 'first day', isoDay)
    .option('--to <date>', 'last day', isoDay)
    .action(async (options: { format: ExportFormat; from?: string; to?: string }) => {
      const { ledgerExport } = await import('./commands/ledgerExport.ts');
      await ledgerExport(options);
    });

  program
    .command('report')
    .description('Financial reports')
    .command('trial-balance')
    .description(
      'Balances per account and currency at the end of a day (debits positive, as hledger prints them)',
    )
    .option('--at <date>', 'the day (default today)', isoDay)
    .option('--json', 'print {"at","accounts":[{"account","currency","balance_minor"}]}')
    .action(async (options: { at?: string; json?: boolean }) => {
      const { reportTrialBalance } = await import('./commands/trialBalance.ts');
      await reportTrialBalance(options);
    });

  program
    .command('year-end')
    .description('The fiscal year end')
    .command('close')
    .description(
      'Close a fiscal year: income and expenses to the surplus, reserves, dividends by patronage, the year locked',
    )
    .argument('<year>', 'the fiscal year (it starts in this calendar year)', (v) => {
      const n = Number(v);
      if (!Number.isInteger(n) || n < 1900 || n > 3000)
        throw new InvalidArgumentError('a year such as 2026');
      return n;
    })
    .option('--dry-run', 'show the arithmetic and post nothing')
    .option('--json', 'print JSON')
    .action(async (fiscalYear: number, options: { dryRun?: boolean; json?: boolean }) => {
      const { yearEndClose } = await import('./commands/yearEndClose.ts');
      await yearEndClose(fiscalYear, options);
    });
}
