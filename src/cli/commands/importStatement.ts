import fs from 'node:fs';
import path from 'node:path';
import { importStatement as importBankStatement } from '../../finance/statements/commands/importStatement.ts';
import { saveCsvMapping as saveMapping } from '../../finance/statements/commands/saveCsvMapping.ts';
import { decodeStatementFile } from '../../finance/statements/parsers/index.ts';
import type { statementFormats } from '../../finance/schema.ts';
import { operatorActor } from '../../platform/actor.ts';
import { runCommand } from '../../platform/commands.ts';
import { badRequest } from '../../platform/errors.ts';
import { requireCoopId, withDatabase } from '../database.ts';
import { accountOption, describeImport } from '../statementCommands.ts';

/** `coop ledger import-statement FILE ...`. */
export async function importStatement(
  file: string,
  options: {
    account: string[];
    mapping?: string;
    format?: (typeof statementFormats)[number];
    acceptMismatch?: boolean;
    json?: boolean;
  },
): Promise<void> {
  const content = decodeStatementFile(fs.readFileSync(file));
  await withDatabase('ledger import-statement', async (database, config) => {
    const result = await runCommand(
      importBankStatement,
      {
        fileName: path.basename(file),
        content,
        account: accountOption(options.account),
        mapping: options.mapping,
        format: options.format,
        acceptMismatch: options.acceptMismatch ?? false,
      },
      {
        db: database.db,
        actor: operatorActor(await requireCoopId(database)),
        publicUrl: config.publicUrl,
      },
    );
    console.log(options.json ? JSON.stringify(result) : describeImport(result));
  });
}

/** `coop ledger save-csv-mapping NAME JSON-FILE --account CODE`. */
export async function saveCsvMapping(
  name: string,
  jsonFile: string,
  options: { account: string },
): Promise<void> {
  let mapping: unknown;
  try {
    mapping = JSON.parse(fs.readFileSync(jsonFile, 'utf8'));
  } catch (error) {
    throw badRequest(`${jsonFile} is not JSON: ${(error as Error).message}`);
  }
  await withDatabase('ledger save-csv-mapping', async (database, config) => {
    await runCommand(
      saveMapping,
      // Checked by the command's own schema, which names each bad field.
      { name, account: options.account, mapping: mapping as never },
      {
        db: database.db,
        actor: operatorActor(await requireCoopId(database)),
        publicUrl: config.publicUrl,
      },
    );
    console.log(`Saved the CSV mapping “${name}” for ${options.account}.`);
  });
}
