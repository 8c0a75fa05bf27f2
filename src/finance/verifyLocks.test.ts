import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findCoop } from '../coop/queries.ts';
import { manualClock } from '../platform/clock.ts';
import { queryRows } from '../platform/db/rows.ts';
import { setUpCoop, startTestApp, type TestApp, type TestClient } from '../testing/testApp.ts';

interface Verify {
  ok: boolean;
  differences: unknown[];
  lockedPeriods: { entryNumber: number; effectiveOn: string; period: string; problem: string }[];
}

describe('coop ledger verify and locked periods', () => {
  let app: TestApp;
  let admin: TestClient;
  let coopId: string;

  beforeAll(async () => {
    app = await startTestApp({}, { clock: manualClock('2027-02-15T09:00:00Z') });
    admin = await setUpCoop(app);
    coopId = (await findCoop(app.database.db))!.id;
  });
  afterAll(() => app.stop());

  const donate = (effectiveOn: string, amount: string) =>
    admin.post('/api/ledger/entries', {
      effectiveOn,
      description: 'Donation',
      postings: [
        { account: 'assets:bank:operating', amount },
        { account: 'income:donations', amount: `-${amount}` },
      ],
    });

  /**
   * What the ledger trigger refuses, written as the table's owner with the lock check turned
   * off for the one transaction: an entry dated in a locked period, recorded after the lock.
   */
  const postBehindTheTriggers = async (effectiveOn: string, minor: number) => {
    const [account] = await queryRows<{ bank: string; income: string }>(
      app.database.db,
      sql`select (select id from accounts where coop_id = ${coopId} and path = 'assets:bank:operating') as bank,
                 (select id from accounts where coop_id = ${coopId} and path = 'income:donations') as income`,
    );
    return app.database.db.transaction(async (tx) => {
      await tx.execute(sql`alter table postings disable trigger postings_dated`);
      const [entry] = await queryRows<{ id: string; number: number }>(
        tx,
        sql`insert into journal_entries (coop_id, effective_on, kind, description)
            values (${coopId}, ${effectiveOn}, 'manual', 'Behind the lock') returning id, number::int as number`,
      );
      await tx.execute(
        sql`insert into postings (coop_id, entry_id, account_id, effective_on, amount_minor, currency, coop_amount_minor)
            values (${coopId}, ${entry!.id}, ${account!.bank}, ${effectiveOn}, ${minor}, 'EUR', ${minor}),
                   (${coopId}, ${entry!.id}, ${account!.income}, ${effectiveOn}, ${-minor}, 'EUR', ${-minor})`,
      );
      // The balance check runs now, so that the table has no pending trigger events to alter.
      await tx.execute(sql`set constraints all immediate`);
      await tx.execute(sql`alter table postings enable trigger postings_dated`);
      return entry!.number;
    });
  };

  it('reports an entry recorded inside a locked period after its lock', async () => {
    expect((await donate('2027-01-05', '10.00')).status).toBe(201);
    const lock = await admin.post<{ id: string }>('/api/ledger/period-locks', {
      fromDay: '2027-01-01',
      toDay: '2027-01-31',
    });
    expect(lock.status).toBe(201);
    // Entries before the lock, and after it outside the period, are fine.
    expect((await donate('2027-02-01', '20.00')).status).toBe(201);
    expect((await admin.get<Verify>('/api/ledger/verify')).body).toEqual({
      ok: true,
      differences: [],
      lockedPeriods: [],
    });

    const late = await postBehindTheTriggers('2027-01-20', 500);
    const verify = (await admin.get<Verify>('/api/ledger/verify')).body;
    expect(verify.ok).toBe(false);
    expect(verify.differences).toEqual([]);
    expect(verify.lockedPeriods).toEqual([
      expect.objectContaining({
        entryNumber: late,
        effectiveOn: '2027-01-20',
        period: '2027-01-01..2027-01-31',
      }),
    ]);
    expect(verify.lockedPeriods[0]!.problem).toMatch(/recorded .* after the period .* was locked/);

    // Once the period is reopened, posting into it is the reopening's point: not judged.
    const reopened = await admin.post(`/api/ledger/period-locks/${lock.body.id}/reopen`, {
      reason: 'A late bank fee for January',
    });
    expect(reopened.status).toBe(204);
    expect((await admin.get<Verify>('/api/ledger/verify')).body.ok).toBe(true);
  });

  it('reports income dated in a closed year that its close did not count', async () => {
    expect((await donate('2026-05-01', '100.00')).status).toBe(201);
    expect((await admin.post('/api/ledger/year-end', { fiscalYear: 2026 })).status).toBe(200);
    expect((await admin.get<Verify>('/api/ledger/verify')).body.ok).toBe(true);

    const late = await postBehindTheTriggers('2026-11-30', 1100);
    const verify = (await admin.get<Verify>('/api/ledger/verify')).body;
    expect(verify.ok).toBe(false);
    expect(verify.lockedPeriods.map((f) => [f.entryNumber, f.period])).toEqual([
      [late, '2026-01-01..2026-12-31'],
      [late, '2026-01-01..2026-12-31'],
    ]);
    expect(verify.lockedPeriods[1]!.problem).toContain(
      'fiscal year 2026 is closed, but income:donations still holds -11.00 EUR',
    );
  });
});
