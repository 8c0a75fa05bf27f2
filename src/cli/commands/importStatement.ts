import fs from 'node:fs';
import path from 'node:path';
import { importStatement as importBankStatement } from '../../finance/statements/commands/importStatement.ts';
import { saveCsvMapping as saveMapping } from '../../finance/statements/commands/saveCsvMapping.ts';
import type { StatementCharset } from '../../finance/statements/parsers/decode.ts';
import type { statementFormats } from '../../finance/schema.ts';
import { operatorActor } from '../../platform/actor.ts';
import { runCommand } from '../../platform/commands.ts';
import { AppError, badRequest } from '../../platform/errors.ts';
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
    charset?: StatementCharset;
    json?: boolean;
  },
): Promise<void> {
  const contentBase64 = fs.readFileSync(file).toString('base64');
  await withDatabase('ledger import-statement', async (database, config) => {
    const result = await runCommand(
      importBankStatement,
      {
        fileName: path.basename(file),
        contentBase64,
        charset: options.charset,
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
    ).catch((error: unknown) => {
      throw error instanceof AppError ? withOptionHints(error) : error;
    });
    console.log(options.json ? JSON.stringify(result) : describeImport(result));
  });
}

/** The command's answer speaks of fields, as the web form has them; here they are options. */
const optionFor: [RegExp, string][] = [
  [/^\/account/, 'name it with --account CODE (or BANKREF=CODE, once per bank account)'],
  [/^\/mapping/, 'name the saved CSV mapping with --mapping NAME'],
  [/^\/statements\//, 'pass --accept-mismatch to import it flagged as a mismatch'],
];

function withOptionHints(error: AppError): AppError {
  const hints = optionFor
    .filter(([pointer]) => error.errors.some((e) => pointer.test(e.pointer)))
    .map(([, hint]) => hint);
  if (hints.length === 0) return error;
  return new AppError(
    error.status,
    error.code,
    error.title,
    `${error.message} (${hints.join('; ')})`,
    error.errors,
  );
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
