import fs from 'node:fs';
import readline from 'node:readline';
import { createGunzip, createGzip } from 'node:zlib';
import { pipeline } from 'node:stream/promises';
import { sql } from 'drizzle-orm';
import type { Db, Executor } from './database.ts';
import { queryRows } from './rows.ts';

/** Parents before children, so that foreign keys hold while restoring. */
export const backupTables = [
  'coops',
  'people',
  'organizations',
  'person_emails',
  'memberships',
  'membership_status_changes',
  'officer_terms',
  'organization_contacts',
  'invitations',
  'registration_codes',
  'sessions',
  'email_tokens',
  'bylaws_versions',
  'cycles',
  'work_items',
  'hacker_availability',
  'funding',
  'sponsor_points',
  'survey_ballots',
  'hacker_declarations',
  'plan_items',
  'plan_assignments',
  'plan_computations',
  'time_entries',
  'polls',
  'poll_options',
  'nominations',
  'poll_participation',
  'poll_ballots',
  'accounts',
  'journal_entries',
  'postings',
  // After the postings: restoring a posting into a period locked already would be refused.
  'period_locks',
  'files',
  'bank_statements',
  'bank_lines',
  'csv_mappings',
  'expense_claims',
  'expense_approvals',
  'salaries',
  'salary_runs',
  'budgets',
  'year_end_closes',
  'dividends',
  'events',
  'jobs',
  'outbox',
  'login_failures',
] as const;

/**
 * Kept by triggers from other tables (the ledger's balances, rebuilt as the postings are
 * restored): emptied on restore, never written to a backup.
 */
const derivedTables = ['monthly_balances', 'daily_balances'] as const;

const format = 'hackers-coop-backup';

async function appliedMigrations(executor: Executor): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    executor,
    sql`select count(*)::int as n from drizzle.__drizzle_migrations`,
  );
  return row?.n ?? 0;
}

async function tablesInSchema(executor: Executor): Promise<string[]> {
  const rows = await queryRows<{ name: string }>(
    executor,
    sql`select table_name as name from information_schema.tables
        where table_schema = 'public' and table_type = 'BASE TABLE'`,
  );
  return rows.map((r) => r.name);
}

/** Guards against a table added by a migration but forgotten here: it would not be backed up. */
async function assertAllTablesCovered(executor: Executor): Promise<void> {
  const covered: readonly string[] = [...backupTables, ...derivedTables];
  const missing = (await tablesInSchema(executor)).filter((t) => !covered.includes(t));
  if (missing.length > 0) throw new Error(`backup does not cover tables: ${missing.join(', ')}`);
}

export interface BackupSummary {
  tables: Record<string, number>;
  migrations: number;
}

/**
 * A consistent snapshot (one repeatable-read transaction) of every table as gzip'd NDJSON: a
 * header line, then per table a line `{"table","count"}` followed by its rows. The same file
 * restores onto PGlite or PostgreSQL.
 */
export async function writeBackup(db: Db, file: string): Promise<BackupSummary> {
  const summary: BackupSummary = { tables: {}, migrations: 0 };
  const tmp = `${file}.partial`;
  async function* lines() {
    const chunks: string[] = [];
    await db.transaction(
      async (tx) => {
        await assertAllTablesCovered(tx);
        summary.migrations = await appliedMigrations(tx);
        chunks.push(
          JSON.stringify({
            format,
            version: 1,
            createdAt: new Date().toISOString(),
            migrations: summary.migrations,
          }),
        );
        for (const table of backupTables) {
          const rows = await queryRows<{ j: string }>(
            tx,
            sql`select row_to_json(t)::text as j from ${sql.identifier(table)} t`,
          );
          summary.tables[table] = rows.length;
          chunks.push(JSON.stringify({ table, count: rows.length }));
          for (const row of rows) chunks.push(row.j);
        }
      },
      { isolationLevel: 'repeatable read', accessMode: 'read only' },
    );
    for (const chunk of chunks) yield `${chunk}\n`;
  }
  await pipeline(lines, createGzip(), fs.createWriteStream(tmp));
  // Rename last: an interrupted backup never leaves a truncated file under the real name.
  fs.renameSync(tmp, file);
  return summary;
}

/** Replaces everything in the database with the backup's contents, in one transaction. */
export async function restoreBackup(db: Db, file: string): Promise<BackupSummary> {
  const input = readline.createInterface({
    input: fs.createReadStream(file).pipe(createGunzip()),
    crlfDelay: Infinity,
  });
  const iterator = input[Symbol.asyncIterator]();
  const next = async () => {
    const { value, done } = await iterator.next();
    return done ? undefined : (value as string);
  };
  const headerLine = await next();
  const header = headerLine
    ? (JSON.parse(headerLine) as { format?: string; migrations?: number })
    : {};
  if (header.format !== format) throw new Error(`${file} is not a Hackers Co-op backup`);
  const summary: BackupSummary = { tables: {}, migrations: header.migrations ?? 0 };
  await db.transaction(async (tx) => {
    const current = await appliedMigrations(tx);
    if (summary.migrations > current)
      throw new Error(
        `The backup comes from a newer version (${summary.migrations} migrations; this one has ${current}). Upgrade first.`,
      );
    await tx.execute(
      sql.raw(
        `truncate ${[...backupTables, ...derivedTables].map((t) => `"${t}"`).join(', ')} restart identity cascade`,
      ),
    );
    for (;;) {
      const line = await next();
      if (line === undefined) break;
      if (!line.trim()) continue;
      const { table, count } = JSON.parse(line) as { table: string; count: number };
      if (!(backupTables as readonly string[]).includes(table))
        throw new Error(`unknown table ${table} in backup`);
      let batch: string[] = [];
      const flush = async () => {
        if (batch.length === 0) return;
        await tx.execute(
          sql`insert into ${sql.identifier(table)} overriding system value
              select * from json_populate_recordset(null::${sql.identifier(table)}, ${`[${batch.join(',')}]`}::json)`,
        );
        batch = [];
      };
      for (let i = 0; i < count; i++) {
        const row = await next();
        if (row === undefined) throw new Error(`the backup ends inside table ${table}`);
        batch.push(row);
        if (batch.length === 1000) await flush();
      }
      await flush();
      summary.tables[table] = count;
    }
    // Identity sequences continue after the restored rows.
    for (const [table, column] of [
      ['events', 'seq'],
      ['jobs', 'id'],
      ['login_failures', 'id'],
      ['journal_entries', 'number'],
      ['postings', 'id'],
    ] as const) {
      await tx.execute(
        sql.raw(
          `select setval(pg_get_serial_sequence('${table}', '${column}'), coalesce((select max(${column}) from ${table}), 0) + 1, false)`,
        ),
      );
    }
  });
  return summary;
}
