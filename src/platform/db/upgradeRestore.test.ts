import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createGunzip, gunzipSync, gzipSync } from 'node:zlib';
import readline from 'node:readline';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupCoop } from '../../coop/commands/setupCoop.ts';
import { setLocale } from '../../../web/src/app/i18n.ts';
import { balanceTexts } from '../../../web/src/finance/statementWords.ts';
import { adminCredentials, setUpCoop, startTestApp, type TestApp } from '../../testing/testApp.ts';
import { restoreBackup, writeBackup } from './backup.ts';
import { queryRows } from './rows.ts';

const fixture = path.join(import.meta.dirname, 'fixtures', 'demo-at-migration-8.backup.gz');

/** What a statement said before its checks were kept as facts: English only. */
const englishOnly =
  'no opening balance stated: the closing balance (62F) €47,107.50 less the lines implies an opening of €65,880.00';

/**
 * The fixture with its bank statement's check as an older version wrote one it could not
 * make: in English, with no facts beside it (the demo's statement adds up).
 */
function withEnglishOnlyCheck(dir: string): string {
  const text = gunzipSync(fs.readFileSync(fixture)).toString('utf8');
  const stated = '"balance_check":"ok","balance_problem":null';
  if (!text.includes(stated)) throw new Error('the fixture’s statement changed');
  const file = path.join(dir, 'demo-english-check.backup.gz');
  fs.writeFileSync(
    file,
    gzipSync(
      text.replace(
        stated,
        `"balance_check":"unknown","balance_problem":${JSON.stringify(englishOnly)}`,
      ),
    ),
  );
  return file;
}

/** The row count of each table as the backup file states it. */
async function countsInFile(file: string): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  const lines = readline.createInterface({
    input: fs.createReadStream(file).pipe(createGunzip()),
    crlfDelay: Infinity,
  });
  let skip = 0;
  let first = true;
  for await (const line of lines) {
    if (first) {
      first = false;
      continue;
    }
    if (skip > 0) {
      skip--;
      continue;
    }
    const { table, count } = JSON.parse(line) as { table: string; count: number };
    counts[table] = count;
    skip = count;
  }
  return counts;
}

const countOf = async (app: TestApp, table: string, where = sql``) =>
  (
    await queryRows<{ n: number }>(
      app.database.db,
      sql`select count(*)::int as n from ${sql.identifier(table)} ${where}`,
    )
  )[0]!.n;

describe('a backup written by an earlier version', () => {
  let app: TestApp;
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'coop-old-backup-'));
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => {
    await app.stop();
    setLocale('en', { remember: false });
    fs.rmSync(work, { recursive: true, force: true });
  });

  it('restores with nothing lost, upgraded by the migrations written since', async () => {
    const expected = await countsInFile(fixture);
    const summary = await restoreBackup(app.database.db, withEnglishOnlyCheck(work));
    expect(summary.migrations).toBe(9); // 0000 to 0008
    // Every row is there; the events besides those a later migration added (each dividend
    // notice's `dividend.declared`, backfilled).
    const added = sql`where type = 'dividend.declared'`;
    for (const [table, count] of Object.entries(expected))
      expect({
        table,
        count:
          (await countOf(app, table)) - (table === 'events' ? await countOf(app, table, added) : 0),
      }).toEqual({ table, count });
    expect(await countOf(app, 'events', added)).toBe(await countOf(app, 'dividends'));
    expect(await countOf(app, 'dividends')).toBeGreaterThan(0);
    // Migration 0009 named the co-op and versioned its events.
    const [coop] = await queryRows<{ slug: string; name: string }>(
      app.database.db,
      sql`select slug, name from coops`,
    );
    expect(coop).toEqual({ slug: 'demo-hackers-co-op', name: 'Demo Hackers Co-op' });
    expect(await countOf(app, 'events', sql`where version <> 1`)).toBe(0);
    // The books still balance, and the demo administrator signs in.
    const [unbalanced] = await queryRows<{ n: number }>(
      app.database.db,
      sql`select count(*)::int as n from (select entry_id from postings group by entry_id
            having sum(amount_minor) <> 0) t`,
    );
    expect(unbalanced!.n).toBe(0);
    // Entries written before facts keep only their English, which the books then show.
    expect(await countOf(app, 'journal_entries', sql`where description_fact is not null`)).toBe(0);
    expect(await countOf(app, 'postings', sql`where memo_fact is not null`)).toBe(0);
    expect(await countOf(app, 'journal_entries', sql`where kind = 'payroll'`)).toBeGreaterThan(0);
    const admin = app.client();
    const login = await admin.signIn('admin@demo.coop', { password: 'cooperate-demo-2026' });
    expect(login.status).toBe(200);
    // A statement imported before its checks were kept as facts shows its English, in German too.
    const listed = await admin.get<{
      statements: Parameters<typeof balanceTexts>[0][];
    }>('/api/ledger/statements');
    expect(listed.body.statements).toMatchObject([
      { balanceProblem: englishOnly, balanceFacts: null },
    ]);
    setLocale('de', { remember: false });
    expect(balanceTexts(listed.body.statements[0]!)).toEqual([englishOnly]);
  });
});

describe('one co-op backed up and restored on a shared deployment', () => {
  let app: TestApp;
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'coop-one-backup-'));
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => {
    await app.stop();
    fs.rmSync(work, { recursive: true, force: true });
  });

  it('replaces that co-op’s rows alone', async () => {
    const admin = await setUpCoop(app);
    await admin.post('/api/organizations', { legalName: 'First Sponsor GmbH' });
    const { coop: other } = await setupCoop(
      app.database.db,
      {
        name: 'Neighbour Co-op',
        admin: { displayName: 'Nora', email: 'nora@example.org', password: 'long password here' },
      },
      { alone: false },
    );
    const [first] = await queryRows<{ id: string }>(
      app.database.db,
      sql`select id from coops where id <> ${other.id}`,
    );
    const file = path.join(work, 'first.backup.gz');
    const summary = await writeBackup(app.database.db, file, { coopId: first!.id });
    expect(summary.coop?.slug).toBe('test-hackers-co-op');
    expect(summary.tables.coops).toBe(1);

    // After the backup: a second organization in the first co-op, and one in the neighbour.
    await admin.post('/api/organizations', { legalName: 'Later Sponsor GmbH' });
    await app.database.db.execute(
      sql`insert into organizations (coop_id, legal_name, display_name, kind, member_class)
          values (${other.id}, 'Neighbour Sponsor', 'Neighbour Sponsor', 'company', 'sponsor')`,
    );
    const neighbourEvents = await countOf(app, 'events', sql`where coop_id = ${other.id}`);

    await restoreBackup(app.database.db, file);
    const names = await queryRows<{ coop_id: string; legal_name: string }>(
      app.database.db,
      sql`select coop_id, legal_name from organizations order by legal_name`,
    );
    expect(names).toEqual([
      { coop_id: first!.id, legal_name: 'First Sponsor GmbH' },
      { coop_id: other.id, legal_name: 'Neighbour Sponsor' },
    ]);
    expect(await countOf(app, 'events', sql`where coop_id = ${other.id}`)).toBe(neighbourEvents);
    expect(await countOf(app, 'coops')).toBe(2);
    const login = await app.client('10.9.9.9').signIn(adminCredentials.email, adminCredentials);
    expect(login.status).toBe(200);
  });
});
