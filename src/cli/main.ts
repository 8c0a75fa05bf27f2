import fs from 'node:fs';
import { Command, InvalidArgumentError } from 'commander';
import { startApp } from '../app.ts';
import { setupCoop } from '../coop/commands/setupCoop.ts';
import { demoAdmin, demoPassword, fillDemo } from '../demo/fillDemo.ts';
import { importMembers } from '../members/commands/importMembers.ts';
import { listMembers } from '../members/queries.ts';
import { memberClasses, membershipStatuses } from '../members/schema.ts';
import { operatorActor } from '../platform/actor.ts';
import { runCommand } from '../platform/commands.ts';
import { loadConfig } from '../platform/config.ts';
import { restoreBackup, writeBackup } from '../platform/db/backup.ts';
import { DataDirLockedError } from '../platform/db/dataDirLock.ts';
import { AppError } from '../platform/errors.ts';
import { requireCoopId, withDatabase } from './database.ts';
import { registerLedgerCommands } from './ledgerCommands.ts';
import { registerTallyCommand } from './tallyCommand.ts';

const program = new Command('coop')
  .description('Hackers Co-op: run and administer an open source hackers cooperative')
  .showHelpAfterError()
  .addHelpText(
    'after',
    '\nConfiguration comes from the environment: COOP_DATA_DIR (default ./data) for the embedded\ndatabase, or DATABASE_URL for PostgreSQL; HOST, PORT, SMTP_URL, MAIL_FROM, PUBLIC_URL.',
  );

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

program
  .command('serve')
  .description('Run the web app, API and background jobs (what `npm start` runs)')
  .action(async () => {
    const running = await startApp(loadConfig());
    running.log.info(`Hackers Co-op on ${running.url} (database: ${running.database.kind})`);
    const stop = async (signal: string) => {
      running.log.info(`${signal}: shutting down`);
      await running.close();
      process.exit(0);
    };
    process.once('SIGINT', () => void stop('SIGINT'));
    process.once('SIGTERM', () => void stop('SIGTERM'));
  });

program
  .command('init')
  .description(
    'Create the co-op and its first administrator (the first-run wizard, without a browser)',
  )
  .requiredOption('--name <name>', 'the co-op’s name')
  .requiredOption('--admin-email <email>', 'the first administrator’s email')
  .requiredOption('--admin-password <password>', 'their password (at least 10 characters)')
  .option('--admin-name <name>', 'their display name', 'Administrator')
  .option('--currency <code>', 'ISO 4217 currency of the books', 'EUR')
  .option('--fiscal-year-start <month>', 'month the fiscal year starts, 1-12', month, 1)
  .action(
    async (options: {
      name: string;
      adminEmail: string;
      adminPassword: string;
      adminName: string;
      currency: string;
      fiscalYearStart: number;
    }) => {
      await withDatabase('init', async ({ db }) => {
        const { coop } = await setupCoop(db, {
          name: options.name,
          currency: options.currency,
          fiscalYearStartMonth: options.fiscalYearStart,
          admin: {
            displayName: options.adminName,
            email: options.adminEmail,
            password: options.adminPassword,
          },
        });
        console.log(
          `Created ${coop.name} (${coop.currency}); ${options.adminEmail} is its administrator.`,
        );
      });
    },
  );

const members = program.command('members').description('Members: import, list');

members
  .command('import')
  .description(
    'Pre-provision accounts from a CSV (email,name,class[,organization]) with one-time registration codes',
  )
  .argument('<file>', 'CSV file with a header line')
  .option('--codes-out <file>', 'write the codes as email,code to this CSV instead of mailing them')
  .action(async (file: string, options: { codesOut?: string }) => {
    const text = fs.readFileSync(file, 'utf8');
    await withDatabase('members import', async (database, config) => {
      const coopId = await requireCoopId(database);
      const result = await runCommand(
        importMembers,
        { csv: text, mailCodes: !options.codesOut },
        { db: database.db, actor: operatorActor(coopId), publicUrl: config.publicUrl },
      );
      if (options.codesOut) {
        const lines = ['email,code', ...result.created.map((c) => `${c.email},${c.code}`)];
        fs.writeFileSync(options.codesOut, `${lines.join('\n')}\n`, { mode: 0o600 });
      }
      console.log(
        `Imported ${result.created.length} new member(s); ${result.unchanged.length} already existed and were left unchanged.` +
          (result.organizationsCreated.length
            ? `\nNew organizations: ${result.organizationsCreated.join(', ')}.`
            : '') +
          (result.created.length === 0
            ? ''
            : options.codesOut
              ? `\nRegistration codes written to ${options.codesOut}.`
              : '\nRegistration codes were mailed (see the outbox if no SMTP server is configured).'),
      );
    });
  });

members
  .command('list')
  .description('List members')
  .option('--json', 'print JSON')
  .option('--class <class>', 'only this class', oneOf(memberClasses))
  .option('--status <status>', 'only this status', oneOf(membershipStatuses))
  .action(
    async (options: {
      json?: boolean;
      class?: (typeof memberClasses)[number];
      status?: (typeof membershipStatuses)[number];
    }) => {
      await withDatabase('members list', async (database) => {
        const coopId = await requireCoopId(database);
        const { members: rows } = await listMembers(
          database.db,
          coopId,
          { memberClass: options.class, status: options.status, limit: 1_000_000, offset: 0 },
          true,
        );
        if (options.json) {
          console.log(JSON.stringify(rows, null, 2));
          return;
        }
        for (const m of rows) {
          console.log(
            [m.displayName, m.email, m.memberClass, m.status, m.organizationName ?? ''].join('\t'),
          );
        }
        console.error(`${rows.length} member(s)`);
      });
    },
  );

program
  .command('backup')
  .description(
    'Write a consistent snapshot of the whole co-op to FILE (gzip NDJSON); restores onto either database',
  )
  .argument('<file>')
  .action(async (file: string) => {
    await withDatabase('backup', async ({ db }) => {
      const summary = await writeBackup(db, file);
      const rows = Object.values(summary.tables).reduce((a, b) => a + b, 0);
      console.log(
        `Backed up ${rows} rows from ${Object.keys(summary.tables).length} tables to ${file}.`,
      );
    });
  });

program
  .command('restore')
  .description('Replace everything in the database with the contents of a backup FILE')
  .argument('<file>')
  .action(async (file: string) => {
    if (!fs.existsSync(file)) throw new Error(`${file} does not exist`);
    await withDatabase('restore', async ({ db }) => {
      const summary = await restoreBackup(db, file);
      const rows = Object.values(summary.tables).reduce((a, b) => a + b, 0);
      console.log(
        `Restored ${rows} rows into ${Object.keys(summary.tables).length} tables from ${file}.`,
      );
    });
  });

program
  .command('demo')
  .description(
    'Fill an empty co-op with a demo: 3 hackers, 6 sponsor organizations, 200 community members',
  )
  .action(async () => {
    await withDatabase('demo', async (database, config) => {
      const result = await fillDemo(database.db, config.publicUrl);
      console.log(
        `Demo co-op filled: ${result.people} members, ${result.organizations} sponsor organizations.\n` +
          `Every demo account's password is ${demoPassword}. Try:\n` +
          [
            ...(result.createdCoop
              ? [{ email: demoAdmin.email, memberClass: 'administrator' }]
              : []),
            ...result.sampleLogins,
          ]
            .map((l) => `  ${l.email} (${l.memberClass})`)
            .join('\n'),
      );
    });
  });

registerTallyCommand(program);
registerLedgerCommands(program);

try {
  await program.parseAsync();
} catch (error) {
  if (error instanceof DataDirLockedError) {
    console.error(error.message);
    process.exit(2);
  }
  if (error instanceof AppError) {
    console.error(`${error.title}: ${error.message}`);
    process.exit(1);
  }
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
