import fs from 'node:fs';
import readline from 'node:readline';
import { createGunzip, createGzip } from 'node:zlib';
import { pipeline } from 'node:stream/promises';
import { sql } from 'drizzle-orm';
import type { Db, Executor, Tx } from './database.ts';
import { queryRows } from './rows.ts';
import { migrationsFolder } from './database.ts';
import { readMigrationFiles } from 'drizzle-orm/migrator';

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
  'sponsor_labour',
  'vulnerabilities',
  'vulnerability_prenotifications',
  'vulnerability_impact_notes',
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
  'invoicing_settings',
  'invoice_number_counters',
  'invoices',
  'invoice_lines',
  'invoice_settlements',
  'dunning_notices',
  'invoice_sendings',
  'events',
  'event_cursors',
  'jobs',
  'outbox',
  'login_failures',
  'webhook_endpoints',
  'webhook_deliveries',
  'digest_preferences',
  'tiers',
  'tier_versions',
  'quotes',
  'agreements',
  'agreement_renewal_notices',
  'purchase_orders',
  'purchase_order_draws',
  'hacker_service_hours',
  // After the agreements they count under and the invoices their credits were issued on.
  'service_calendars',
  'service_clocks',
  'service_clock_entries',
  'service_level_followed_events',
  'service_credits',
  'sponsor_requests',
  'sponsor_request_entries',
  'sponsor_request_attachments',
  'sponsor_request_notices',
  'opportunities',
  'document_versions',
  'document_acceptances',
  'repositories',
  'repository_refs',
  'commits',
  'history_rewrites',
  'branch_checks',
  'contributors',
  'transparency_logs',
  'transparency_leaves',
  'transparency_nodes',
  'transparency_checkpoints',
  'transparency_witnesses',
  'transparency_cosignatures',
  'releases',
  'sponsor_concerns',
  'topic_tags',
  'consultations',
  'consultation_recipients',
  'consultation_answers',
  'sponsor_digests',
  'sponsor_digest_mailings',
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
  /** Set when the backup holds one co-op: its id and slug. */
  coop?: { id: string; slug: string } | undefined;
}

/** Which rows of a table belong to a co-op: its `coop_id`, or for `coops` its own id. */
const ofCoop = (table: string, coopId: string) =>
  table === 'coops' ? sql`where t.id = ${coopId}` : sql`where t.coop_id = ${coopId}`;

/**
 * A consistent snapshot (one repeatable-read transaction) as gzip'd NDJSON: a header line,
 * then per table a line `{"table","count"}` followed by its rows. Of every table, or with
 * `coopId` of one co-op's rows. The same file restores onto PGlite or PostgreSQL.
 */
export async function writeBackup(
  db: Db,
  file: string,
  options: { coopId?: string } = {},
): Promise<BackupSummary> {
  const summary: BackupSummary = { tables: {}, migrations: 0 };
  const tmp = `${file}.partial`;
  async function* lines() {
    const chunks: string[] = [];
    await db.transaction(
      async (tx) => {
        await assertAllTablesCovered(tx);
        summary.migrations = await appliedMigrations(tx);
        if (options.coopId) {
          const [coop] = await queryRows<{ id: string; slug: string }>(
            tx,
            sql`select id, slug from coops where id = ${options.coopId}`,
          );
          if (!coop) throw new Error('No such co-op to back up.');
          summary.coop = coop;
        }
        chunks.push(
          JSON.stringify({
            format,
            version: 1,
            createdAt: new Date().toISOString(),
            migrations: summary.migrations,
            ...(summary.coop ? { coop: summary.coop } : {}),
          }),
        );
        for (const table of backupTables) {
          const rows = await queryRows<{ j: string }>(
            tx,
            sql`select row_to_json(t)::text as j from ${sql.identifier(table)} t ${
              options.coopId ? ofCoop(table, options.coopId) : sql``
            }`,
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

/** Applies migrations [from, to) by hand in the caller's transaction, recording each as drizzle does. */
async function applyMigrations(tx: Tx, from: number, to: number): Promise<void> {
  const migrations = readMigrationFiles({ migrationsFolder });
  if (from >= to) return;
  // The ledger's balance checks are deferred to commit, and PostgreSQL refuses to alter a table
  // with checks still pending ("pending trigger events"): the restored rows are checked now, as
  // the commit would have, and the checks deferred again for what the migrations write. The
  // ledger's two constraint triggers are the only deferrable constraints, both initially deferred.
  await tx.execute(sql.raw('set constraints all immediate'));
  await tx.execute(sql.raw('set constraints all deferred'));
  for (const migration of migrations.slice(from, to)) {
    for (const statement of migration.sql)
      if (statement.trim()) await tx.execute(sql.raw(statement));
    await tx.execute(
      sql`insert into drizzle.__drizzle_migrations (hash, created_at)
          values (${migration.hash}, ${migration.folderMillis})`,
    );
  }
}

/**
 * Rebuilds the schema as it was at migration `count`, so that a backup written by an earlier
 * version loads into the tables it was taken from; the later migrations then bring its rows
 * forward exactly as they brought a live database (backfills included).
 */
async function rewindSchema(tx: Tx, count: number): Promise<void> {
  await tx.execute(sql.raw('drop schema public cascade'));
  await tx.execute(sql.raw('create schema public'));
  await tx.execute(sql.raw('delete from drizzle.__drizzle_migrations'));
  await applyMigrations(tx, 0, count);
}

async function columnsOf(tx: Tx, table: string): Promise<string[]> {
  const rows = await queryRows<{ name: string }>(
    tx,
    sql`select column_name as name from information_schema.columns
        where table_schema = 'public' and table_name = ${table} order by ordinal_position`,
  );
  return rows.map((r) => r.name);
}

/**
 * Columns a restore writes afresh instead of copying: an event's transaction id belongs to the
 * database that wrote it, and consumers order events by it (see the events table).
 */
const regenerated: Record<string, string[]> = { events: ['tx_id'] };

/**
 * Replaces the database's contents with the backup's, in one transaction: everything, or for a
 * one-co-op backup that co-op's rows alone (the others are untouched). A whole backup from an
 * earlier version is upgraded on the way in.
 */
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
    ? (JSON.parse(headerLine) as {
        format?: string;
        migrations?: number;
        coop?: { id: string; slug: string };
      })
    : {};
  if (header.format !== format) throw new Error(`${file} is not a Hackers Co-op backup`);
  const summary: BackupSummary = {
    tables: {},
    migrations: header.migrations ?? 0,
    coop: header.coop,
  };
  await db.transaction(async (tx) => {
    const current = await appliedMigrations(tx);
    if (summary.migrations > current)
      throw new Error(
        `The backup comes from a newer version (${summary.migrations} migrations; this one has ${current}). Upgrade first.`,
      );
    const older = summary.migrations < current;
    if (header.coop) {
      if (older)
        throw new Error(
          `This one-co-op backup comes from an earlier version (${summary.migrations} migrations; this one has ${current}). Restore it whole onto an empty database, then back the co-op up again.`,
        );
      // Children first: the reverse of the restore order. The append-only guards (event log,
      // ledger) refuse row deletes, so they stand aside for this transaction alone; the
      // balance triggers are back on before the postings are inserted again.
      const order = [...derivedTables, ...[...backupTables].reverse()];
      for (const table of order)
        await tx.execute(sql`alter table ${sql.identifier(table)} disable trigger user`);
      for (const table of order)
        await tx.execute(
          sql`delete from ${sql.identifier(table)} t ${ofCoop(table, header.coop.id)}`,
        );
      for (const table of order)
        await tx.execute(sql`alter table ${sql.identifier(table)} enable trigger user`);
    } else {
      if (older) await rewindSchema(tx, summary.migrations);
      const present = await tablesInSchema(tx);
      const emptied = [...backupTables, ...derivedTables].filter((t) => present.includes(t));
      await tx.execute(
        sql.raw(`truncate ${emptied.map((t) => `"${t}"`).join(', ')} restart identity cascade`),
      );
    }
    const tables = older ? await tablesInSchema(tx) : [...backupTables];
    for (;;) {
      const line = await next();
      if (line === undefined) break;
      if (!line.trim()) continue;
      const { table, count } = JSON.parse(line) as { table: string; count: number };
      if (!(backupTables as readonly string[]).includes(table) || !tables.includes(table))
        throw new Error(`unknown table ${table} in backup`);
      const columns = (await columnsOf(tx, table)).filter(
        (c) => !(regenerated[table] ?? []).includes(c),
      );
      const list = sql.raw(columns.map((c) => `"${c}"`).join(', '));
      let batch: string[] = [];
      const flush = async () => {
        if (batch.length === 0) return;
        await tx.execute(
          sql`insert into ${sql.identifier(table)} (${list}) overriding system value
              select ${list} from json_populate_recordset(null::${sql.identifier(table)}, ${`[${batch.join(',')}]`}::json)`,
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
    if (older) await applyMigrations(tx, summary.migrations, current);
    // The restored events now carry this transaction's id: a consumer that had handled up to
    // seq N stands after (this transaction, N), so it neither repeats nor skips them.
    await tx.execute(
      sql`update event_cursors t set position_tx = pg_current_xact_id() ${
        header.coop ? ofCoop('event_cursors', header.coop.id) : sql``
      }`,
    );
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
          `select setval(pg_get_serial_sequence('${table}', '${column}'), greatest(coalesce((select max(${column}) from ${table}), 0) + 1, nextval(pg_get_serial_sequence('${table}', '${column}'))), false)`,
        ),
      );
    }
  });
  return summary;
}
