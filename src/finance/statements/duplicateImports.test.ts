import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findCoop } from '../../coop/queries.ts';
import { queryRows } from '../../platform/db/rows.ts';
import { setUpCoop, startTestApp, type TestApp, type TestClient } from '../../testing/testApp.ts';
import type { ImportResult } from './commands/importStatement.ts';
import { readSample } from './samples.ts';
import { addBankAccount, withStatementRoutes } from './testSupport.ts';

/**
 * One statement arriving many times at once, each copy a few bytes different (re-downloaded,
 * re-saved with other line ends): its lines go in once, and the copies leave nothing behind.
 * On PGlite the imports queue behind one connection; on PostgreSQL (TEST_DATABASE_URL) they
 * run side by side on the pool's connections.
 */
describe('a statement imported again, or many times at once', () => {
  let app: TestApp;
  let admin: TestClient;
  let coopId: string;
  const file = 'mt940-ing-nl-structured.sta';
  const count = async (table: 'bank_statements' | 'bank_lines') =>
    (
      await queryRows<{ n: number }>(
        app.database.db,
        sql`select count(*)::int as n from ${sql.identifier(table)} where coop_id = ${coopId}`,
      )
    )[0]!.n;
  /** The same statement, `i` blank lines longer (and with CRLF for odd `i`): another hash. */
  const copy = (i: number) => {
    const text = readSample(file) + '\n'.repeat(i);
    return i % 2 === 1 ? text.replace(/\r?\n/g, '\r\n') : text;
  };
  const importCopy = (i: number, content = copy(i)) =>
    admin.post<ImportResult & { detail: string }>('/api/ledger/statements', {
      fileName: `ing-${i}.sta`,
      content,
      account: '1141',
    });

  beforeAll(async () => {
    app = await startTestApp();
    withStatementRoutes(app);
    admin = await setUpCoop(app);
    coopId = (await findCoop(app.database.db))!.id;
    await addBankAccount(app.database.db, coopId, '1141', 'ing');
    await addBankAccount(app.database.db, coopId, '1142', 'empty');
  });
  afterAll(() => app.stop());

  it('adds the lines once and one statement, whatever the concurrency', async () => {
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => importCopy(i + 1)));
    const created = results.filter((r) => r.status === 201);
    expect(created).toHaveLength(1);
    expect(created[0]!.body.statements[0]).toMatchObject({ linesAdded: 21, linesSkipped: 0 });
    for (const r of results.filter((r) => r.status !== 201)) {
      expect(r.status).toBe(409);
      expect(r.body.detail).toMatch(/already imported/);
    }
    expect(await count('bank_statements')).toBe(1);
    expect(await count('bank_lines')).toBe(21);
  });

  it('refuses a copy imported later, writing nothing', async () => {
    const again = await importCopy(40);
    expect(again.status).toBe(409);
    expect(again.body.detail).toMatch(/already imported/);
    expect(await count('bank_statements')).toBe(1);
    expect(await count('bank_lines')).toBe(21);
  });

  it('records a statement without lines once', async () => {
    const empty = (i: number) =>
      admin.post<ImportResult & { detail: string }>('/api/ledger/statements', {
        fileName: `empty-${i}.sta`,
        content: `:20:EMPTY1\n:25:NL00TEST0000000001\n:28C:1/1\n:60F:C240101EUR10,00\n:62F:C240101EUR10,00\n${'\n'.repeat(i)}`,
        account: '1142',
      });
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => empty(i)));
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    expect(results.filter((r) => r.status === 409)).toHaveLength(9);
    expect(await count('bank_statements')).toBe(2);
  });
});
