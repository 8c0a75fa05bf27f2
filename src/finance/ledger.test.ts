import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findCoop } from '../coop/queries.ts';
import { sponsorWeights } from '../governance/sponsorWeights.ts';
import { defaultBylaws } from '../bylaws/document.ts';
import {
  addMember,
  setUpCoop,
  startTestApp,
  type TestApp,
  type TestClient,
} from '../testing/testApp.ts';
import { verifyBalances } from './queries.ts';

interface TB {
  at: string;
  accounts: { account: string; currency: string; balance_minor: number }[];
}

const entry = (
  postings: { account: string; amount: string; currency?: string; coopAmount?: string }[],
  effectiveOn = '2026-03-10',
) => ({
  effectiveOn,
  description: 'Test entry',
  postings,
});

describe('the ledger', () => {
  let app: TestApp;
  let admin: TestClient;
  let coopId: string;
  const count = async () =>
    Number(
      (
        (await app.database.db.execute(
          sql`select count(*)::int as n from journal_entries`,
        )) as unknown as { rows: { n: number }[] }
      ).rows[0]!.n,
    );
  const tb = async (at = '2026-12-31') =>
    (await admin.get<TB>(`/api/reports/trial-balance?at=${at}`)).body.accounts;

  beforeAll(async () => {
    app = await startTestApp();
    admin = await setUpCoop(app);
    coopId = (await findCoop(app.database.db))!.id;
  });
  afterAll(() => app.stop());

  it('starts from the co-op chart of accounts', async () => {
    const accounts = (
      await admin.get<{ accounts: { path: string; code: string }[] }>('/api/ledger/accounts')
    ).body.accounts;
    expect(accounts.map((a) => a.path)).toEqual(
      expect.arrayContaining([
        'assets:bank:operating',
        'income:sponsorship',
        'expenses:salaries',
        'equity:reserves',
      ]),
    );
  });

  it('posts a balanced entry and keeps the balances', async () => {
    const r = await admin.post(
      '/api/ledger/entries',
      entry([
        { account: '1110', amount: '1500.00' },
        { account: 'income:donations', amount: '-1500' },
      ]),
    );
    expect(r.status).toBe(201);
    expect(await tb()).toEqual([
      { account: 'assets:bank:operating', currency: 'EUR', balance_minor: 150000 },
      { account: 'income:donations', currency: 'EUR', balance_minor: -150000 },
    ]);
    expect(await tb('2026-03-09')).toEqual([]);
  });

  it('refuses bad entries with the field named, writing nothing', async () => {
    const before = await count();
    const unbalanced = await admin.post(
      '/api/ledger/entries',
      entry([
        { account: '1110', amount: '10.00' },
        { account: '4400', amount: '-9.99' },
      ]),
    );
    expect(unbalanced.status).toBe(400);
    expect(unbalanced.body.detail).toBe(
      'The entry does not balance: its EUR postings differ by 0.01 EUR',
    );
    const decimals = await admin.post(
      '/api/ledger/entries',
      entry([
        { account: '1110', amount: '10.005' },
        { account: '4400', amount: '-10.005' },
      ]),
    );
    expect(decimals.body.errors).toEqual([
      {
        pointer: '/postings/0/amount',
        message: 'EUR has 2 decimals: “10.005” has 3',
        code: 'amount.decimals',
        params: { text: '10.005', currency: 'EUR', decimals: 2 },
      },
      {
        pointer: '/postings/1/amount',
        message: 'EUR has 2 decimals: “-10.005” has 3',
        code: 'amount.decimals',
        params: { text: '-10.005', currency: 'EUR', decimals: 2 },
      },
    ]);
    const unknown = await admin.post(
      '/api/ledger/entries',
      entry([
        { account: 'assets:cash-box', amount: '1' },
        { account: '4400', amount: '-1' },
      ]),
    );
    expect(unknown.body.errors).toEqual([
      { pointer: '/postings/0/account', message: 'no account assets:cash-box' },
    ]);
    const lonely = await admin.post(
      '/api/ledger/entries',
      entry([{ account: '1110', amount: '0' }]),
    );
    expect(lonely.status).toBe(400);
    const foreign = await admin.post(
      '/api/ledger/entries',
      entry([
        { account: '1110', amount: '100', currency: 'USD' },
        { account: '4400', amount: '-100', currency: 'USD' },
      ]),
    );
    expect(foreign.body.errors).toEqual([
      ...[0, 1].map((i) => ({
        pointer: `/postings/${i}/coopAmount`,
        message: 'required: the amount in EUR',
        code: 'coop-amount.required',
        params: { foreign: 'USD', currency: 'EUR' },
      })),
    ]);
    expect(await count()).toBe(before);
  });

  it('is guarded by the database itself: no code path can write an unbalanced or changed entry', async () => {
    const [account] = (
      (await app.database.db.execute(
        sql`select id from accounts where path = 'assets:bank:operating'`,
      )) as unknown as { rows: { id: string }[] }
    ).rows;
    await expect(
      app.database.db.transaction(async (tx) => {
        const [e] = (
          (await tx.execute(
            sql`insert into journal_entries (coop_id, effective_on, kind, description) values (${coopId}, '2026-03-11', 'manual', 'sneaky') returning id`,
          )) as unknown as { rows: { id: string }[] }
        ).rows;
        await tx.execute(
          sql`insert into postings (coop_id, entry_id, account_id, effective_on, amount_minor, currency, coop_amount_minor) values (${coopId}, ${e!.id}, ${account!.id}, '2026-03-11', 500, 'EUR', 500)`,
        );
      }),
    ).rejects.toThrow();
    await expect(
      app.database.db.execute(sql`update postings set amount_minor = 1`),
    ).rejects.toThrow();
    await expect(app.database.db.execute(sql`delete from journal_entries`)).rejects.toThrow();
  });

  it('keeps amounts in both currencies for a foreign payment', async () => {
    const r = await admin.post(
      '/api/ledger/entries',
      entry([
        { account: '1110', amount: '1000.00', currency: 'USD', coopAmount: '920.00' },
        { account: '4200', amount: '-1000.00', currency: 'USD', coopAmount: '-920.00' },
      ]),
    );
    expect(r.status).toBe(201);
    const lines = await tb();
    expect(lines).toContainEqual({
      account: 'income:grants',
      currency: 'USD',
      balance_minor: -100000,
    });
    const rate = (
      (await app.database.db.execute(
        sql`select rate from postings where currency = 'USD' limit 1`,
      )) as unknown as { rows: { rate: string }[] }
    ).rows[0]!.rate;
    expect(rate).toBe('0.92000000');
  });

  it('books the realised exchange gain or loss when a foreign receivable or payable settles', async () => {
    // An invoice of USD 1,000 booked at 920.00; paid when it was worth 950.00: a gain of 30.00.
    await admin.post(
      '/api/ledger/entries',
      entry(
        [
          {
            account: 'assets:receivables',
            amount: '1000.00',
            currency: 'USD',
            coopAmount: '920.00',
          },
          {
            account: 'income:services',
            amount: '-1000.00',
            currency: 'USD',
            coopAmount: '-920.00',
          },
        ],
        '2026-04-01',
      ),
    );
    const settled = await admin.post<{ realisedMinor: string }>('/api/ledger/settlements', {
      account: 'assets:receivables',
      currency: 'USD',
      amount: '1000.00',
      coopAmount: '950.00',
      effectiveOn: '2026-04-20',
      description: 'Invoice 17 paid',
    });
    expect(settled.status).toBe(201);
    expect(settled.body.realisedMinor).toBe('3000');
    // A bill of USD 200 booked at 184.00, paid at 190.00: a loss of 6.00.
    await admin.post(
      '/api/ledger/entries',
      entry(
        [
          { account: 'expenses:fees', amount: '200.00', currency: 'USD', coopAmount: '184.00' },
          {
            account: 'liabilities:payables',
            amount: '-200.00',
            currency: 'USD',
            coopAmount: '-184.00',
          },
        ],
        '2026-04-02',
      ),
    );
    const paid = await admin.post<{ realisedMinor: string }>('/api/ledger/settlements', {
      account: 'liabilities:payables',
      currency: 'USD',
      amount: '200.00',
      coopAmount: '190.00',
      effectiveOn: '2026-04-21',
    });
    expect(paid.body.realisedMinor).toBe('-600');
    const statement = await admin.get<{
      income: { account: string; balance: string }[];
      expenses: { account: string; balance: string }[];
    }>('/api/reports/income-statement?from=2026-04-01&to=2026-04-30');
    expect(statement.body.income).toContainEqual(
      expect.objectContaining({ account: 'income:exchange-gains', balance: '3000' }),
    );
    expect(statement.body.expenses).toContainEqual(
      expect.objectContaining({ account: 'expenses:exchange-losses', balance: '600' }),
    );
    const tooMuch = await admin.post('/api/ledger/settlements', {
      account: 'assets:receivables',
      currency: 'USD',
      amount: '5.00',
      coopAmount: '5.00',
      effectiveOn: '2026-04-22',
    });
    expect(tooMuch.status).toBe(400);
  });

  it('corrects by reversal, once', async () => {
    const wrong = await admin.post<{ id: string }>(
      '/api/ledger/entries',
      entry([
        { account: '5200', amount: '300' },
        { account: '1110', amount: '-300' },
      ]),
    );
    const reversal = await admin.post(`/api/ledger/entries/${wrong.body.id}/reverse`, {
      reason: 'booked to the wrong month',
      effectiveOn: '2026-03-12',
    });
    expect(reversal.status).toBe(201);
    expect((await tb()).find((l) => l.account === 'expenses:infrastructure')).toBeUndefined();
    expect(
      (await admin.post(`/api/ledger/entries/${wrong.body.id}/reverse`, { reason: 'again please' }))
        .status,
    ).toBe(409);
  });

  it('locks a period; only an officer reopens it, with a reason', async () => {
    const lock = await admin.post<{ id: string }>('/api/ledger/period-locks', {
      fromDay: '2026-01-01',
      toDay: '2026-01-31',
    });
    expect(lock.status).toBe(201);
    const late = await admin.post(
      '/api/ledger/entries',
      entry(
        [
          { account: '1110', amount: '5' },
          { account: '4400', amount: '-5' },
        ],
        '2026-01-15',
      ),
    );
    expect(late.status).toBe(409);
    expect(late.body.detail).toMatch(/the period containing 2026-01-15 is locked/);
    const member = await addMember(app, admin, {
      email: 'm@example.org',
      name: 'Member',
      memberClass: 'community',
    });
    expect(
      (
        await member.client.post(`/api/ledger/period-locks/${lock.body.id}/reopen`, {
          reason: 'I would like to',
        })
      ).status,
    ).toBe(403);
    expect(
      (await admin.post(`/api/ledger/period-locks/${lock.body.id}/reopen`, { reason: 'short' }))
        .status,
    ).toBe(400);
    expect(
      (
        await admin.post(`/api/ledger/period-locks/${lock.body.id}/reopen`, {
          reason: 'a missed bank fee from January',
        })
      ).status,
    ).toBe(204);
    expect(
      (
        await admin.post(
          '/api/ledger/entries',
          entry(
            [
              { account: '5500', amount: '5' },
              { account: '1110', amount: '-5' },
            ],
            '2026-01-15',
          ),
        )
      ).status,
    ).toBe(201);
    // Members read the books but do not keep them.
    expect((await member.client.get('/api/reports/trial-balance')).status).toBe(200);
    expect(
      (
        await member.client.post(
          '/api/ledger/entries',
          entry([
            { account: '1110', amount: '1' },
            { account: '4400', amount: '-1' },
          ]),
        )
      ).status,
    ).toBe(403);
  });

  it('books a sponsor payment that also weights the sponsor’s vote', async () => {
    const org = (
      await admin.post<{ id: string }>('/api/organizations', { legalName: 'Payer GmbH' })
    ).body.id;
    expect(
      (
        await admin.post('/api/ledger/sponsor-payments', {
          organizationId: org,
          receivedOn: '2026-03-20',
          amount: '12000.00',
          reference: 'INV-7',
        })
      ).status,
    ).toBe(201);
    const weights = await sponsorWeights(app.database.db, coopId, defaultBylaws(), '2026-06-30');
    expect(weights[org]).toBe(1_200_000n);
    expect(await tb()).toContainEqual({
      account: 'income:sponsorship',
      currency: 'EUR',
      balance_minor: -1_200_000,
    });
  });

  it('keeps balances equal to balances recomputed, after random entries and reversals', async () => {
    let seed = 99;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const paths = ['1110', '1200', '2100', '4100', '4300', '5100', '5200', '5400'];
    const ids: string[] = [];
    for (let i = 0; i < 60; i++) {
      const day = `2026-${String(2 + random(10)).padStart(2, '0')}-${String(1 + random(28)).padStart(2, '0')}`;
      if (i % 7 === 6 && ids.length > 0) {
        await admin.post(`/api/ledger/entries/${ids[random(ids.length)]}/reverse`, {
          reason: 'random reversal',
          effectiveOn: day,
        });
        continue;
      }
      const cents = [1 + random(100_000), 1 + random(5_000)];
      const r = await admin.post<{ id: string }>(
        '/api/ledger/entries',
        entry(
          [
            { account: paths[random(8)]!, amount: (cents[0]! / 100).toFixed(2) },
            { account: paths[random(8)]!, amount: (cents[1]! / 100).toFixed(2) },
            { account: paths[random(8)]!, amount: (-(cents[0]! + cents[1]!) / 100).toFixed(2) },
          ],
          day,
        ),
      );
      if (r.status === 201) ids.push(r.body.id);
    }
    expect(await verifyBalances(app.database.db, coopId)).toEqual([]);
    // ...and after the year's close, which posts and locks.
    expect((await admin.post('/api/ledger/year-end', { fiscalYear: 2026 })).status).toBe(200);
    expect(await verifyBalances(app.database.db, coopId)).toEqual([]);
    // The trial balance always sums to zero per currency.
    const sums = new Map<string, number>();
    for (const l of await tb()) sums.set(l.currency, (sums.get(l.currency) ?? 0) + l.balance_minor);
    expect([...sums.values()].every((s) => s === 0)).toBe(true);
  });

  const hasHledger = fs.existsSync('/usr/bin/hledger');
  const hasBeancount = fs.existsSync('/usr/bin/bean-check');

  it.skipIf(!hasHledger)('exports an hledger journal whose balances equal ours', async () => {
    const journal = (await admin.get<string>('/api/ledger/export?format=hledger')).body;
    const out = execFileSync(
      'hledger',
      ['-f', '-', 'balance', '--flat', '--no-total', '-O', 'csv', '-e', '2027-01-01'],
      { input: journal, encoding: 'utf8' },
    );
    const theirs = out
      .trim()
      .split('\n')
      .slice(1)
      .flatMap((line) => {
        const [account, amounts] = line.split('","').map((s) => s.replaceAll('"', ''));
        return amounts!.split(', ').map((a) => {
          const [value, currency] = a.trim().split(' ');
          return `${account} ${currency} ${Math.round(Number(value) * 100)}`;
        });
      })
      .sort();
    const ours = (await tb()).map((l) => `${l.account} ${l.currency} ${l.balance_minor}`).sort();
    expect(theirs).toEqual(ours);
  });

  it.skipIf(!hasBeancount)('exports a Beancount file that bean-check accepts', async () => {
    const file = `${app.target.dataDir}/ledger.beancount`;
    fs.writeFileSync(file, (await admin.get<string>('/api/ledger/export?format=beancount')).body);
    expect(() =>
      execFileSync('bean-check', [file], { encoding: 'utf8', stdio: 'pipe' }),
    ).not.toThrow();
  });

  it('exports CSV with versioned columns', async () => {
    const csv = (await admin.get<string>('/api/ledger/export?format=csv')).body.split('\n');
    expect(csv[0]).toBe(
      'format_version,entry_number,effective_on,kind,description,account,account_code,amount,currency,coop_amount,coop_currency,rate,memo',
    );
    expect(csv[1]).toMatch(
      /^coop-ledger-csv-1,1,2026-03-10,manual,Test entry,assets:bank:operating,1110,1500.00,EUR,1500.00,EUR,,$/,
    );
  });
});
