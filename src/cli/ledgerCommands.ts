import { type Command, InvalidArgumentError } from 'commander';
import { exportFormats, exportLedger, type ExportFormat } from '../finance/exports.ts';
import { trialBalance, verifyBalances } from '../finance/queries.ts';
import { closeYear } from '../finance/yearEnd/closeYear.ts';
import { operatorActor } from '../platform/actor.ts';
import { runCommand } from '../platform/commands.ts';
import { requireCoopId, withDatabase } from './database.ts';
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
    .description('Recompute every kept balance from the postings and report any difference')
    .action(async () => {
      await withDatabase('ledger verify', async (database) => {
        const differences = await verifyBalances(database.db, await requireCoopId(database));
        if (differences.length === 0) {
          console.log('The kept balances equal the balances recomputed from the postings.');
          return;
        }
        for (const d of differences)
          console.error(
            `${d.table} ${d.account} ${d.currency} ${d.period}: kept ${d.kept}, recomputed ${d.recomputed}`,
          );
        process.exitCode = 1;
      });
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
      await withDatabase('ledger export', async (database) => {
        const coopId = await requireCoopId(database);
        for await (const chunk of exportLedger(database.db, coopId, options.format, options)) {
          if (!process.stdout.write(chunk))
            await new Promise((resolve) => process.stdout.once('drain', resolve));
        }
      });
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
      await withDatabase('report trial-balance', async (database) => {
        const at = options.at ?? new Date().toISOString().slice(0, 10);
        const rows = await trialBalance(database.db, await requireCoopId(database), at);
        const accounts = rows.map((r) => ({
          account: r.account,
          currency: r.currency,
          balance_minor: Number(r.balance_minor),
        }));
        if (options.json) {
          console.log(JSON.stringify({ at, accounts }));
          return;
        }
        console.log(`Trial balance at ${at}`);
        for (const a of accounts)
          console.log(
            `${a.account.padEnd(40)} ${String(a.balance_minor).padStart(16)} ${a.currency}`,
          );
      });
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
      await withDatabase('year-end close', async (database, config) => {
        const coopId = await requireCoopId(database);
        const result = await runCommand(
          closeYear,
          { fiscalYear, dryRun: Boolean(options.dryRun) },
          { db: database.db, actor: operatorActor(coopId), publicUrl: config.publicUrl },
        );
        if (options.json) {
          console.log(JSON.stringify(result, null, 2));
          return;
        }
        console.log(
          `Fiscal year ${fiscalYear} (${result.fromDay} to ${result.toDay})${result.dryRun ? ', dry run: nothing posted' : ''}`,
        );
        for (const step of (result.plan as { steps: string[] }).steps) console.log(`  ${step}`);
        if (!result.dryRun)
          console.log(
            `Posted entries ${result.entries.map((e) => e.number).join(', ') || '(none)'}; the year is locked.`,
          );
      });
    });
}
