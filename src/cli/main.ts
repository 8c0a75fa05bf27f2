/**
 * The `coop` command line. This module declares every command (its arguments, options and help)
 * and nothing else: each action imports its implementation from ./commands/ when it runs. So
 * `coop --help` loads commander and these declarations, `coop tally` adds the counting code, and
 * only the commands that need them load the database, the server or a domain (loading the whole
 * graph took 2 s of every command's start-up).
 *
 * Options common to every command belong on the root program in createProgram(); commander
 * hands them to an action through `command.optsWithGlobals()`.
 */
import { Command, InvalidArgumentError } from 'commander';
import { AppError } from '../platform/errors.ts';
import type { MemberClass, MembershipStatus } from '../members/schema.ts';
import type { InitOptions } from './commands/init.ts';
import { memberClasses, membershipStatuses } from './choices.ts';
import { registerAgreementCommands } from './agreementCommands.ts';
import { registerContributionsCommands } from './contributionsCommands.ts';
import { registerInvoiceCommands } from './invoiceCommands.ts';
import { registerLedgerCommands } from './ledgerCommands.ts';
import { registerLogCommands } from './logCommands.ts';
import { selectCoop } from './selectedCoop.ts';
import { registerCountPollCommand, registerTallyCommand } from './tallyCommand.ts';
import { registerMailCommands } from './mailCommands.ts';
import { registerSlaCommands } from './slaCommands.ts';

const oneOf = (values: readonly string[]) => (value: string) => {
  if (!values.includes(value))
    throw new InvalidArgumentError(`expected one of ${values.join(', ')}`);
  return value;
};
const month = (value: string) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 12)
    throw new InvalidArgumentError('a month number, 1 to 12');
  return n;
};

function registerCoopCommands(program: Command): void {
  program
    .command('serve')
    .description('Run the web app, API and background jobs (what `npm start` runs)')
    .action(async () => {
      const { serve } = await import('./commands/serve.ts');
      await serve();
    });

  const coopOptions = (command: Command) =>
    command
      .requiredOption('--name <name>', 'the co-op’s name')
      .requiredOption('--admin-email <email>', 'the first administrator’s email')
      .requiredOption('--admin-password <password>', 'their password (at least 10 characters)')
      .option('--admin-name <name>', 'their display name', 'Administrator')
      .option('--admin-locale <locale>', 'the language they read the co-op in: en or de', 'en')
      .option('--currency <code>', 'ISO 4217 currency of the books', 'EUR')
      .option('--fiscal-year-start <month>', 'month the fiscal year starts, 1-12', month, 1)
      .option('--slug <slug>', 'how `--coop` names it (default: made from the name)');

  coopOptions(
    program
      .command('init')
      .description(
        'Create the co-op and its first administrator (the first-run wizard, without a browser)',
      ),
  ).action(async (options: InitOptions) => {
    const { init } = await import('./commands/init.ts');
    await init(options);
  });

  coopOptions(
    program
      .command('create')
      .description(
        'Add another co-op to this deployment (a host running many co-ops on one database)',
      ),
  )
    .option('--host <name>', 'the host name its members reach it by, e.g. acme.coops.example')
    .action(async (options: InitOptions) => {
      const { init } = await import('./commands/init.ts');
      await init(options, 'create');
    });

  program
    .command('list')
    .description('The co-ops on this deployment: slug, name, host name')
    .option('--json', 'print JSON')
    .action(async (options: { json?: boolean }) => {
      const { listCoopsCommand } = await import('./commands/listCoops.ts');
      await listCoopsCommand(options);
    });

  const members = program.command('members').description('Members: import, list');

  members
    .command('import')
    .description(
      'Pre-provision accounts from a CSV (email,name,class[,organization]) with one-time registration codes',
    )
    .argument('<file>', 'CSV file with a header line')
    .option(
      '--codes-out <file>',
      'write the codes as email,code to this CSV instead of mailing them',
    )
    .action(async (file: string, options: { codesOut?: string }) => {
      const { membersImport } = await import('./commands/membersImport.ts');
      await membersImport(file, options);
    });

  members
    .command('list')
    .description('List members')
    .option('--json', 'print JSON')
    .option('--class <class>', 'only this class', oneOf(memberClasses))
    .option('--status <status>', 'only this status', oneOf(membershipStatuses))
    .action(async (options: { json?: boolean; class?: MemberClass; status?: MembershipStatus }) => {
      const { membersList } = await import('./commands/membersList.ts');
      await membersList(options);
    });

  program
    .command('backup')
    .description(
      'Write a consistent snapshot of every co-op, or with --coop of that one, to FILE (gzip NDJSON); restores onto either database',
    )
    .argument('<file>')
    .action(async (file: string) => {
      const { backup } = await import('./commands/backup.ts');
      await backup(file);
    });

  program
    .command('restore')
    .description(
      'Replace the database’s contents with a backup FILE: everything, or for a one-co-op backup that co-op alone',
    )
    .argument('<file>')
    .action(async (file: string) => {
      const { restore } = await import('./commands/backup.ts');
      await restore(file);
    });

  program
    .command('demo')
    .description(
      'Fill an empty co-op with a demo: 3 hackers, 6 sponsor organizations, 200 community members',
    )
    .action(async () => {
      const { demo } = await import('./commands/demo.ts');
      await demo();
    });
}

/** The whole command tree, without running anything. */
export function createProgram(): Command {
  const program = new Command('coop')
    .description('Hackers Co-op: run and administer an open source hackers cooperative')
    .showHelpAfterError()
    .addHelpText(
      'after',
      '\nConfiguration comes from the environment: COOP_DATA_DIR (default ./data) for the embedded\ndatabase, or DATABASE_URL for PostgreSQL; HOST, PORT, SMTP_URL, MAIL_FROM, MAIL_REPLY_TO, PUBLIC_URL.',
    );
  program.option(
    '--coop <slug>',
    'the co-op to act on, where the deployment hosts several (default: the only one)',
  );
  program.hook('preAction', (_program, action) => {
    selectCoop(action.optsWithGlobals<{ coop?: string }>().coop);
  });
  registerCoopCommands(program);
  registerTallyCommand(program);
  registerCountPollCommand(program);
  registerLedgerCommands(program);
  registerContributionsCommands(program);
  registerLogCommands(program);
  registerInvoiceCommands(program);
  registerAgreementCommands(program);
  registerSlaCommands(program);
  registerMailCommands(program);
  return program;
}

try {
  await createProgram().parseAsync();
} catch (error) {
  if (error instanceof AppError) {
    console.error(`${error.title}: ${error.message}`);
    process.exit(1);
  }
  // Imported on this path only: dataDirLock.ts belongs to the database layer.
  const { DataDirLockedError } = await import('../platform/db/dataDirLock.ts');
  if (error instanceof DataDirLockedError) {
    console.error(error.message);
    process.exit(2);
  }
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
