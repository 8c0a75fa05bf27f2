import { systemClock } from '../../platform/clock.ts';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobHandlers } from '../../app.ts';
import { queryRows } from '../../platform/db/rows.ts';
import { startWorker, type Worker } from '../../platform/jobs.ts';
import {
  addMember,
  setUpCoop,
  startTestApp,
  type TestApp,
  type TestClient,
} from '../../testing/testApp.ts';
import { systemActor } from '../../platform/actor.ts';
import { postPayrollOnce } from './commands/runPayroll.ts';
import { payrollJobHandlers, schedulePayroll } from './jobs.ts';
import { monthBounds, overlapDays, prorate } from './months.ts';
import { payrollRoutes } from './routes.ts';

interface Problem {
  detail?: string;
  errors?: { pointer: string; message: string }[];
}
interface Posting {
  account: string;
  amount_minor: string;
  memo: string;
}
interface Entry {
  number: number;
  id: string;
  effective_on: string;
  description: string;
  postings: Posting[];
}
interface Report extends Problem {
  target: { annual: string; description: string };
  complete: boolean;
  hackers: {
    personId: string;
    displayName: string;
    annualGross: string | null;
    percentOfTarget: number | null;
    gapToTarget: string | null;
  }[];
  totals: { paidHackers: number; annualGross: string; averagePercentOfTarget: number | null };
}

describe('payroll', () => {
  let app: TestApp;
  let admin: TestClient;
  let coopId: string;
  let worker: Worker;
  let ada: { client: TestClient; personId: string };
  let bo: { client: TestClient; personId: string };
  let cy: { client: TestClient; personId: string };

  const payrollEntries = () =>
    queryRows<Entry>(
      app.database.db,
      sql`select e.number::int as number, e.id, e.effective_on::text as effective_on, e.description,
                 (select json_agg(json_build_object('account', a.path, 'amount_minor', p.amount_minor::text, 'memo', p.memo) order by p.id)
                    from postings p join accounts a on a.id = p.account_id where p.entry_id = e.id) as postings
          from journal_entries e where e.kind = 'payroll' order by e.effective_on, e.number`,
    );
  const salary = (personId: string, gross: string, employer: string, from: string) =>
    admin.post<Problem & { id: string; effectiveTo: string | null }>('/api/payroll/salaries', {
      personId,
      grossMonthly: gross,
      employerCostMonthly: employer,
      effectiveFrom: from,
    });

  beforeAll(async () => {
    app = await startTestApp();
    // Until the routes and the job handler are wired into the app, the test mounts its own.
    if (!app.app.hasRoute({ method: 'POST', url: '/api/payroll/runs' }))
      payrollRoutes(app.app, { database: app.database, config: app.config, clock: systemClock });
    worker = startWorker(
      app.database.db,
      { ...jobHandlers(app.config), ...payrollJobHandlers() },
      app.log,
      { autostart: false },
    );
    admin = await setUpCoop(app);
    coopId = (await queryRows<{ id: string }>(app.database.db, sql`select id from coops`))[0]!.id;
    ada = await addMember(app, admin, {
      email: 'ada@example.org',
      name: 'Ada Hacker',
      memberClass: 'hacker',
    });
    bo = await addMember(
      app,
      admin,
      { email: 'bo@example.org', name: 'Bo Hacker', memberClass: 'hacker' },
      '10.0.1.2',
    );
    cy = await addMember(
      app,
      admin,
      { email: 'cy@example.org', name: 'Cy Community', memberClass: 'community' },
      '10.0.1.3',
    );
  });
  afterAll(async () => {
    await worker.stop();
    await app.stop();
  });

  it('prorates by calendar days', () => {
    expect(monthBounds('2024-02')).toEqual({ first: '2024-02-01', last: '2024-02-29', days: 29 });
    expect(monthBounds('2025-12')).toEqual({ first: '2025-12-01', last: '2025-12-31', days: 31 });
    expect(overlapDays('2025-01-16', null, '2025-01-01', '2025-01-31')).toBe(16);
    expect(overlapDays('2024-12-01', '2025-01-10', '2025-01-01', '2025-01-31')).toBe(10);
    expect(overlapDays('2025-02-01', null, '2025-01-01', '2025-01-31')).toBe(0);
    expect(prorate(480_000n, 16, 31)).toBe(247_742n); // 247741.93...
    expect(prorate(480_000n, 31, 31)).toBe(480_000n);
  });

  it('sets salaries for hackers only, by the treasurer, in the currency’s decimals', async () => {
    const set = await salary(ada.personId, '5000.00', '1000.00', '2025-01-01');
    expect(set.status).toBe(201);
    expect(set.body.effectiveTo).toBeNull();
    expect((await salary(bo.personId, '4000', '800', '2025-01-16')).status).toBe(201);

    const community = await salary(cy.personId, '100.00', '0', '2025-01-01');
    expect(community.status).toBe(400);
    expect(community.body.errors).toEqual([
      { pointer: '/personId', message: 'not a hacker of the co-op' },
    ]);
    const decimals = await salary(ada.personId, '5000.001', '0', '2025-06-01');
    expect(decimals.body.errors).toEqual([
      {
        pointer: '/grossMonthly',
        message: 'EUR has 2 decimals: “5000.001” has 3',
        code: 'amount.decimals',
        params: { currency: 'EUR', decimals: 2, text: '5000.001' },
      },
    ]);
    const currency = await admin.post<Problem>('/api/payroll/salaries', {
      personId: ada.personId,
      grossMonthly: '5000',
      employerCostMonthly: '0',
      currency: 'USD',
      effectiveFrom: '2025-06-01',
    });
    expect(currency.body.errors).toEqual([{ pointer: '/currency', message: 'must be EUR' }]);
    const before = await salary(ada.personId, '5100', '1000', '2024-12-01');
    expect(before.status).toBe(409);
    expect(before.body.errors).toEqual([
      { pointer: '/effectiveFrom', message: 'must be after 2025-01-01' },
    ]);
    const byHacker = await ada.client.post('/api/payroll/salaries', {
      personId: ada.personId,
      grossMonthly: '9000',
      employerCostMonthly: '0',
      effectiveFrom: '2025-06-01',
    });
    expect(byHacker.status).toBe(403);
  });

  it('posts each month once from the background job, per hacker', async () => {
    // As if the server had run on 10 February 2025: January (overdue) and February are due.
    await schedulePayroll(app.database.db, new Date('2025-02-10T12:00:00Z'));
    await worker.drain();
    const entries = await payrollEntries();
    expect(entries.map((e) => [e.effective_on, e.description])).toEqual([
      ['2025-01-31', 'Payroll 2025-01: 2 hackers'],
      ['2025-02-28', 'Payroll 2025-02: 2 hackers'],
    ]);
    expect(entries[0]!.postings).toEqual([
      {
        account: 'expenses:salaries',
        amount_minor: '600000',
        memo: 'Ada Hacker: gross 5000.00 + employer costs 1000.00',
      },
      {
        account: 'liabilities:payables',
        amount_minor: '-600000',
        memo: 'Ada Hacker: pay and employer costs for 2025-01',
      },
      {
        account: 'expenses:salaries',
        amount_minor: '247742', // (4000 + 800) × 16/31: 2064.52 + 412.90
        memo: 'Bo Hacker: gross 2064.52 + employer costs 412.90 (16/31 days)',
      },
      {
        account: 'liabilities:payables',
        amount_minor: '-247742',
        memo: 'Bo Hacker: pay and employer costs for 2025-01',
      },
    ]);
    expect(entries[1]!.postings.map((p) => p.amount_minor)).toEqual([
      '600000',
      '-600000',
      '480000',
      '-480000',
    ]);

    // Idempotent: scheduling and draining again, even a duplicate job, posts nothing more.
    await schedulePayroll(app.database.db, new Date('2025-02-10T12:00:00Z'));
    expect(await worker.drain()).toBe(0);
    await app.database.db.execute(
      sql`insert into jobs (coop_id, kind, payload) values (${coopId}, 'payroll.run', ${JSON.stringify({ month: '2025-01' })}::jsonb)`,
    );
    expect(await worker.drain()).toBe(1);
    expect(await payrollEntries()).toEqual(entries);
    const runs = await admin.get<{ runs: { month: string; total: string; reversed: boolean }[] }>(
      '/api/payroll/runs',
    );
    expect(runs.body.runs).toEqual([
      expect.objectContaining({ month: '2025-02', total: '10800.00', reversed: false }),
      expect.objectContaining({ month: '2025-01', total: '8477.42', reversed: false }),
    ]);
    const failed = await queryRows<{ n: number }>(
      app.database.db,
      sql`select count(*)::int as n from jobs where kind = 'payroll.run' and (failed_at is not null or done_at is null)`,
    );
    expect(failed[0]!.n).toBe(0);
  });

  it('runs a month by hand, once even when asked twice at once', async () => {
    const again = await admin.post<Problem>('/api/payroll/runs', { month: '2025-01' });
    expect(again.status).toBe(409);
    expect(again.body.detail).toMatch(/^The payroll for 2025-01 is already posted \(entry #\d+\)/);

    const before = (await payrollEntries()).length;
    const results = await Promise.all([
      admin.post<Problem>('/api/payroll/runs', { month: '2025-03' }),
      admin.post<Problem>('/api/payroll/runs', { month: '2025-03' }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    const posted = results.find((r) => r.status === 201)!.body as unknown as {
      total: string;
      lines: { displayName: string; gross: string }[];
    };
    expect(posted.total).toBe('10800.00');
    expect(posted.lines.map((l) => [l.displayName, l.gross])).toEqual([
      ['Ada Hacker', '5000.00'],
      ['Bo Hacker', '4000.00'],
    ]);
    expect((await payrollEntries()).length).toBe(before + 1);

    // The two processes race in postPayroll itself too.
    const asTheCoop = { db: app.database.db, actor: systemActor(coopId), publicUrl: '' };
    const both = await Promise.all([
      postPayrollOnce(asTheCoop, '2025-04'),
      postPayrollOnce(asTheCoop, '2025-04'),
    ]);
    expect(both.map((r) => r.status).sort()).toEqual(['already-posted', 'posted']);
    expect((await payrollEntries()).length).toBe(before + 2);

    expect((await admin.post('/api/payroll/runs', { month: '2999-01' })).status).toBe(400);
    expect((await admin.post('/api/payroll/runs', { month: '2025-13' })).status).toBe(400);
    expect((await ada.client.post('/api/payroll/runs', { month: '2025-05' })).status).toBe(403);
    const empty = await admin.post<Problem>('/api/payroll/runs', { month: '2024-06' });
    expect(empty.status).toBe(409);
    expect(empty.body.detail).toBe('No hacker has a salary in force in 2024-06: nothing to post.');
  });

  it('does not let a salary change rewrite a posted month, until its entry is reversed', async () => {
    const retro = await salary(ada.personId, '5500.00', '1100.00', '2025-04-15');
    expect(retro.status).toBe(409);
    expect(retro.body.errors).toEqual([
      { pointer: '/effectiveFrom', message: '2025-04 is already posted' },
    ]);
    const april = (await payrollEntries()).find((e) => e.effective_on === '2025-04-30')!;
    expect(
      (
        await admin.post(`/api/ledger/entries/${april.id}/reverse`, {
          reason: 'Ada’s raise from mid-April',
          effectiveOn: '2025-04-30',
        })
      ).status,
    ).toBe(201);
    expect((await salary(ada.personId, '5500.00', '1100.00', '2025-04-15')).status).toBe(201);
    const salaries = await admin.get<{
      salaries: { grossMonthly: string; effectiveFrom: string; effectiveTo: string | null }[];
    }>(`/api/payroll/salaries?personId=${ada.personId}`);
    expect(salaries.body.salaries).toEqual([
      expect.objectContaining({
        grossMonthly: '5500.00',
        effectiveFrom: '2025-04-15',
        effectiveTo: null,
      }),
      expect.objectContaining({
        grossMonthly: '5000.00',
        effectiveFrom: '2025-01-01',
        effectiveTo: '2025-04-14',
      }),
    ]);
    const rerun = await admin.post<{ lines: { displayName: string; gross: string }[] }>(
      '/api/payroll/runs',
      { month: '2025-04' },
    );
    expect(rerun.status).toBe(201);
    // 5000 × 14/30 + 5500 × 16/30 = 2333.33 + 2933.33
    expect(rerun.body.lines[0]).toMatchObject({ displayName: 'Ada Hacker', gross: '5266.66' });
    const runs = await admin.get<{ runs: { month: string; entryId: string }[] }>(
      '/api/payroll/runs',
    );
    expect(runs.body.runs.find((r) => r.month === '2025-04')!.entryId).not.toBe(april.id);
  });

  it('writes its entries and memos as facts beside the English, a reversal’s reason as typed', async () => {
    const journal = await admin.get<{
      entries: (Omit<Entry, 'postings'> & {
        kind: string;
        description_fact: unknown;
        postings: (Posting & { memo_fact: unknown })[];
      })[];
    }>('/api/ledger/entries?account=expenses:salaries&limit=500');
    const january = journal.body.entries.find((e) => e.effective_on === '2025-01-31')!;
    expect(january.description_fact).toEqual({
      code: 'payroll',
      params: { month: '2025-01', hackers: 2 },
    });
    expect(january.postings.map((p) => p.memo_fact)).toEqual([
      {
        code: 'payroll-cost',
        params: {
          name: 'Ada Hacker',
          grossMinor: '500000',
          employerCostMinor: '100000',
          currency: 'EUR',
        },
      },
      { code: 'payroll-owed', params: { name: 'Ada Hacker', month: '2025-01' } },
      {
        code: 'payroll-cost',
        params: {
          name: 'Bo Hacker',
          grossMinor: '206452',
          employerCostMinor: '41290',
          currency: 'EUR',
          days: 16,
          daysInMonth: 31,
        },
      },
      { code: 'payroll-owed', params: { name: 'Bo Hacker', month: '2025-01' } },
    ]);
    const reversal = journal.body.entries.find((e) => e.kind === 'reversal')!;
    expect(reversal.description_fact).toMatchObject({
      code: 'reversal',
      params: { reason: 'Ada’s raise from mid-April' },
    });
    // The reversal's postings carry the memos of the entry it undoes, facts and all.
    expect(reversal.postings.map((p) => (p.memo_fact as { code: string }).code).sort()).toEqual([
      'payroll-cost',
      'payroll-cost',
      'payroll-owed',
      'payroll-owed',
    ]);
  });

  it('ends a salary, prorating the last month', async () => {
    expect(
      (
        await admin.post('/api/payroll/salaries/end', {
          personId: bo.personId,
          lastDay: '2025-05-10',
        })
      ).status,
    ).toBe(204);
    const may = await admin.post<{ lines: { displayName: string; gross: string; days: number }[] }>(
      '/api/payroll/runs',
      { month: '2025-05' },
    );
    expect(may.body.lines.find((l) => l.displayName === 'Bo Hacker')).toMatchObject({
      gross: '1290.32', // 4000 × 10/31
      days: 10,
    });
  });

  it('shows the bylaws’ compensation target against actual pay', async () => {
    const report = await admin.get<Report>('/api/payroll/compensation?at=2025-04-20');
    expect(report.status).toBe(200);
    expect(report.body.target).toEqual({
      annual: '90000.00',
      description: 'A comfortable living: a senior engineer’s total compensation in Germany',
    });
    expect(report.body.complete).toBe(true);
    const byName = Object.fromEntries(report.body.hackers.map((h) => [h.displayName, h]));
    expect(byName['Ada Hacker']).toMatchObject({
      annualGross: '66000.00',
      percentOfTarget: 73.3,
      gapToTarget: '24000.00',
    });
    expect(byName['Bo Hacker']).toMatchObject({ annualGross: '48000.00', percentOfTarget: 53.3 });
    // The administrator is an active hacker with no salary: listed, unpaid.
    expect(byName['Ada Admin']).toMatchObject({ annualGross: null, percentOfTarget: null });
    expect(byName['Cy Community']).toBeUndefined();
    expect(report.body.totals).toMatchObject({
      paidHackers: 2,
      annualGross: '114000.00',
      averagePercentOfTarget: 63.3,
    });
    // Bo's salary has ended by the summer.
    const later = await admin.get<Report>('/api/payroll/compensation?at=2025-07-01');
    expect(later.body.hackers.find((h) => h.displayName === 'Bo Hacker')!.annualGross).toBeNull();

    // The bylaws do not publish personal pay: a hacker sees their own line only.
    const own = await ada.client.get<Report>('/api/payroll/compensation?at=2025-04-20');
    expect(own.body.complete).toBe(false);
    expect(own.body.hackers.map((h) => h.personId)).toEqual([ada.personId]);
    const history = await bo.client.get<{ salaries: { personId: string }[] }>(
      '/api/payroll/salaries',
    );
    expect(history.body.salaries.every((s) => s.personId === bo.personId)).toBe(true);
    expect((await app.client('10.9.9.9').get('/api/payroll/compensation')).status).toBe(401);
  });
  it('describes its routes in the OpenAPI document', async () => {
    const doc = await admin.get<{ paths: Record<string, unknown> }>('/api/openapi.json');
    expect(doc.status).toBe(200);
    expect(Object.keys(doc.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/payroll/salaries',
        '/api/payroll/runs',
        '/api/payroll/compensation',
      ]),
    );
  });
});
