/**
 * `coop ledger import-statement` and `coop ledger save-csv-mapping`: the declarations, and the
 * pure helpers that read the options and describe an import. The imports themselves live in
 * ./commands/importStatement.ts and load only when one of these commands runs.
 */
import { type Command, InvalidArgumentError } from 'commander';
import type { ImportResult } from '../finance/statements/commands/importStatement.ts';
import { badRequest } from '../platform/errors.ts';
import { statementCharsets, statementFormats } from './choices.ts';

const formatNames: Record<string, string> = {
  camt053: 'CAMT.053',
  mt940: 'MT940',
  ofx: 'OFX',
  csv: 'CSV',
};

/** `--account 1110`, or one `--account BANKREF=CODE` per bank account of the file. */
export function accountOption(values: string[]): string | Record<string, string> | undefined {
  if (values.length === 0) return undefined;
  if (values.length === 1 && !values[0]!.includes('=')) return values[0];
  const map: Record<string, string> = {};
  for (const value of values) {
    const at = value.lastIndexOf('=');
    if (at <= 0 || at === value.length - 1)
      throw badRequest(
        `--account ${value}: with several --account options, each is BANKREF=CODE (e.g. NL68INGB0000012345=1110).`,
      );
    map[value.slice(0, at)] = value.slice(at + 1);
  }
  return map;
}

/** What an import did, as the CLI prints it. */
export function describeImport(result: ImportResult): string {
  const out: string[] = [
    `${result.fileName} (${formatNames[result.format]}): ${result.statements.length} statement${result.statements.length === 1 ? '' : 's'} imported`,
  ];
  for (const s of result.statements) {
    const days = s.fromDay && s.toDay ? `, ${s.fromDay} to ${s.toDay}` : '';
    out.push(
      `  ${s.bankAccountRef ?? 'bank account'} -> ${s.account} (${s.accountCode})${s.statementRef ? `, statement ${s.statementRef}` : ''}${days}, ${s.currency}${s.parts > 1 ? `, ${s.parts} parts` : ''}`,
      `    balance check: ${s.balanceCheck}; opening ${s.opening ?? 'not stated'}, closing ${s.closing ?? 'not stated'}`,
    );
    if (s.balanceProblem)
      out.push(`    ${s.balanceCheck === 'mismatch' ? 'MISMATCH' : 'note'}: ${s.balanceProblem}`);
    out.push(
      `    lines: ${s.linesAdded} added, ${s.linesSkipped} skipped (already imported); ${s.matched} matched, ${s.suggested} suggested for review, ${s.unmatched} unmatched`,
    );
    for (const gap of s.gaps) out.push(`    ${gap}`);
    for (const note of s.notes) out.push(`    note: ${note}`);
  }
  return out.join('\n');
}

const collect = (value: string, previous: string[]) => [...previous, value];

/** `coop ledger import-statement` and `coop ledger save-csv-mapping`, under `coop ledger`. */
export function registerStatementCommands(ledger: Command): void {
  ledger
    .command('import-statement')
    .description(
      'Import a bank statement: CAMT.053 (.02 to .08), MT940, OFX, or CSV with a saved column mapping. The same file twice is refused; lines already imported are skipped; new lines are matched to entries or queued for review',
    )
    .argument('<file>', 'the statement file')
    .option(
      '--account <code>',
      'the ledger account (code or path); for a file with several bank accounts, BANKREF=CODE once per account. Not needed for a bank account imported before',
      collect,
      [],
    )
    .option('--mapping <name>', 'the saved CSV column mapping (CSV only)')
    .option('--format <format>', `force the format: ${statementFormats.join(', ')}`, (v) => {
      if (!(statementFormats as readonly string[]).includes(v))
        throw new InvalidArgumentError(`one of ${statementFormats.join(', ')}`);
      return v;
    })
    .option(
      '--charset <charset>',
      `read the file in this character set rather than the one it declares or reads in: ${statementCharsets.join(', ')}`,
      (v) => {
        if (!(statementCharsets as readonly string[]).includes(v))
          throw new InvalidArgumentError(`one of ${statementCharsets.join(', ')}`);
        return v;
      },
    )
    .option(
      '--accept-mismatch',
      'import a statement whose own balances do not add up, flagged as a mismatch (refused otherwise)',
    )
    .option('--json', 'print the result as JSON')
    .action(
      async (
        file: string,
        options: {
          account: string[];
          mapping?: string;
          format?: (typeof statementFormats)[number];
          acceptMismatch?: boolean;
          charset?: (typeof statementCharsets)[number];
          json?: boolean;
        },
      ) => {
        const { importStatement } = await import('./commands/importStatement.ts');
        await importStatement(file, options);
      },
    );

  ledger
    .command('save-csv-mapping')
    .description(
      'Save how a bank’s CSV export reads (a JSON mapping: dateColumn, dateFormat, amountColumn or debitColumn and creditColumn, descriptionColumn, currency, decimalSeparator, thousandsSeparator...) under a name, for its bank account',
    )
    .argument('<name>', 'the mapping’s name, given to import-statement --mapping')
    .argument('<json-file>', 'the mapping as JSON')
    .requiredOption('--account <code>', 'the bank’s ledger account (code or path)')
    .action(async (name: string, jsonFile: string, options: { account: string }) => {
      const { saveCsvMapping } = await import('./commands/importStatement.ts');
      await saveCsvMapping(name, jsonFile, options);
    });
}
