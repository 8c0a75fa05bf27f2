import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../../platform/clock.ts';
import {
  addMember,
  setUpCoop,
  startTestApp,
  type TestApp,
  type TestClient,
} from '../../testing/testApp.ts';

describe('financial reports', () => {
  let app: TestApp;
  let admin: TestClient;
  let member: Awaited<ReturnType<typeof addMember>>;
  beforeAll(async () => {
    // The public summary covers the twelve months to today: today stays in the books' year.
    app = await startTestApp({}, { clock: manualClock('2026-09-15T12:00:00Z') });
    admin = await setUpCoop(app);
    member = await addMember(app, admin, {
      email: 'm@example.org',
      name: 'Mem',
      memberClass: 'community',
    });
    const org = async (legalName: string) =>
      (await admin.post<{ id: string }>('/api/organizations', { legalName })).body.id;
    const [big, mid, small] = [await org('Big'), await org('Mid'), await org('Small')];
    await admin.post('/api/ledger/sponsor-payments', {
      organizationId: big,
      receivedOn: '2026-01-10',
      amount: '70000.00',
    });
    await admin.post('/api/ledger/sponsor-payments', {
      organizationId: mid,
      receivedOn: '2026-02-10',
      amount: '20000.00',
    });
    await admin.post('/api/ledger/sponsor-payments', {
      organizationId: small,
      receivedOn: '2026-03-10',
      amount: '10000.00',
    });
    for (const [month, amount] of [
      ['04', '9000.00'],
      ['05', '12000.00'],
      ['06', '15000.00'],
    ] as const)
      await admin.post('/api/ledger/entries', {
        effectiveOn: `2026-${month}-25`,
        description: 'Payroll',
        postings: [
          { account: 'expenses:salaries', amount },
          { account: 'assets:bank:operating', amount: `-${amount}` },
        ],
      });
    await admin.post('/api/ledger/entries', {
      effectiveOn: '2026-05-02',
      description: 'Loan',
      postings: [
        { account: 'assets:bank:operating', amount: '5000.00' },
        { account: 'liabilities:payables', amount: '-5000.00' },
      ],
    });
  });
  afterAll(() => app.stop());

  it('balances the balance sheet, with the unclosed surplus in equity', async () => {
    const r = await admin.get<{
      totals: { assets: string; liabilities: string; equity: string };
      unclosedSurplus: string;
    }>('/api/reports/balance-sheet?at=2026-06-30');
    expect(r.body.totals).toEqual({ assets: '6900000', liabilities: '500000', equity: '6400000' });
    expect(r.body.unclosedSurplus).toBe('6400000');
  });

  it('states income and expenses for a period', async () => {
    const r = await admin.get<{ totals: Record<string, string> }>(
      '/api/reports/income-statement?from=2026-04-01&to=2026-06-30',
    );
    expect(r.body.totals).toEqual({ income: '0', expenses: '3600000', surplus: '-3600000' });
    const csv = await admin.get<string>(
      '/api/reports/income-statement?from=2026-01-01&to=2026-06-30&format=csv',
    );
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body.split('\n')[0]).toBe('account,code,type,balance');
    expect(csv.body).toContain('Surplus,,,');
  });

  it('computes runway from the last three months’ burn, showing the formula', async () => {
    const r = await admin.get<{
      cash: string;
      netBurn: string;
      grossBurn: string;
      runwayMonths: number;
      formula: string;
    }>('/api/reports/runway?at=2026-07-15');
    expect(r.body).toMatchObject({
      cash: '6900000',
      netBurn: '1200000',
      grossBurn: '1200000',
      runwayMonths: 5.7,
    });
    expect(r.body.formula).toBe(
      'runway = cash 69000.00 EUR / average net burn 12000.00 EUR of 2026-04, 2026-05, 2026-06 = 5.7 months',
    );
  });

  it('measures funding concentration and warns officers only', async () => {
    const r = await admin.get<{
      hhi: number;
      largestSharePercent: number;
      sponsorsForHalf: number;
      warnings: string[];
      alerts: unknown[];
    }>('/api/reports/concentration?at=2026-07-01');
    // Shares 70/20/10: HHI 4900 + 400 + 100.
    expect(r.body).toMatchObject({ hhi: 5400, largestSharePercent: 70, sponsorsForHalf: 1 });
    expect(r.body.warnings).toHaveLength(2);
    // The same two as facts, for the reader's language.
    expect(r.body.alerts).toEqual([
      { kind: 'hhi', value: 5400, limit: 2500 },
      { kind: 'largest-sponsor', name: expect.any(String), value: 70, limit: 40 },
    ]);
    const seen = await member.client.get<{ hhi: number; warnings: string[]; alerts: unknown[] }>(
      '/api/reports/concentration?at=2026-07-01',
    );
    expect(seen.body).toMatchObject({ hhi: 5400, warnings: [], alerts: [] });
  });

  it('sets budgets against actuals', async () => {
    expect(
      (
        await admin.post('/api/budgets', {
          account: 'expenses:salaries',
          fromDay: '2026-04-01',
          toDay: '2026-06-30',
          amount: '30000.00',
        })
      ).status,
    ).toBe(201);
    const bad = await admin.post('/api/budgets', {
      account: 'assets:bank:operating',
      fromDay: '2026-04-01',
      toDay: '2026-06-30',
      amount: '1.00',
    });
    expect(bad.body.errors).toEqual([
      {
        pointer: '/account',
        message: 'assets:bank:operating is an asset account',
        code: 'budget.account-type',
        params: { account: 'assets:bank:operating', accountType: 'asset', line: 1 },
      },
    ]);
    const twice = await admin.post('/api/budgets', {
      account: 'expenses:salaries',
      fromDay: '2026-05-01',
      toDay: '2026-05-31',
      amount: '1.00',
    });
    expect(twice.body.errors).toEqual([
      {
        pointer: '/fromDay',
        message: 'the budget of 2026-04-01 to 2026-06-30 covers these days: remove it first',
        code: 'budget.covered',
        params: { fromDay: '2026-04-01', toDay: '2026-06-30', line: 1 },
      },
    ]);
    // A line entered by mistake is taken back, by an officer only.
    const mistake = await admin.post<{ id: string }>('/api/budgets', {
      account: 'expenses:travel',
      fromDay: '2026-04-01',
      toDay: '2026-06-30',
      amount: '99.00',
    });
    expect((await member.client.delete(`/api/budgets/${mistake.body.id}`)).status).toBe(403);
    expect((await admin.delete(`/api/budgets/${mistake.body.id}`)).status).toBe(204);
    expect((await admin.delete(`/api/budgets/${mistake.body.id}`)).status).toBe(404);
    const r = await admin.get<{
      lines: { account: string; amountMinor: string; actualMinor: string; varianceMinor: string }[];
    }>('/api/reports/budget-vs-actual?from=2026-01-01&to=2026-12-31');
    expect(r.body.lines).toEqual([
      expect.objectContaining({
        account: 'expenses:salaries',
        amountMinor: '3000000',
        actualMinor: '3600000',
        varianceMinor: '600000',
      }),
    ]);
  });

  it('publishes income and spending by category, no personal figures', async () => {
    const r = await app
      .client()
      .get<{ income: { category: string }[]; spending: { category: string; amount: string }[] }>(
        '/api/public/finance',
      );
    expect(r.status).toBe(200);
    expect(r.body.spending).toEqual([{ category: 'expenses:salaries', amount: '3600000' }]);
    expect((await app.client().get('/api/reports/balance-sheet')).status).toBe(401);
  });

  it('downloads reports as PDF', async () => {
    const pdf = await admin.get<string>(
      '/api/reports/income-statement?from=2026-01-01&to=2026-06-30&format=pdf',
    );
    expect(pdf.status, JSON.stringify(pdf.body).slice(0, 300)).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.body.startsWith('%PDF-')).toBe(true);
    const sheet = await admin.get<string>('/api/reports/balance-sheet?at=2026-06-30&format=pdf');
    expect(sheet.headers['content-type'], JSON.stringify(sheet.body).slice(0, 300)).toBe(
      'application/pdf',
    );
  });
});
