import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findCoop } from '../../coop/queries.ts';
import { manualClock } from '../../platform/clock.ts';
import { queryRows } from '../../platform/db/rows.ts';
import { setUpCoop, startTestApp, type TestApp, type TestClient } from '../../testing/testApp.ts';

/**
 * A close, or a period lock, racing postings into the period it locks. The race only exists
 * where transactions run side by side: on PostgreSQL, with the pool's connections. On PGlite
 * (one connection, one transaction at a time) the same test runs and must pass too: it checks
 * that the lock the close takes works on a single connection.
 */
describe('closing or locking a period while entries are posted into it', () => {
  let app: TestApp;
  let admin: TestClient;
  let coopId: string;
  const clock = manualClock('2027-02-15T09:00:00Z');
  const postings = 40;

  beforeAll(async () => {
    app = await startTestApp({}, { clock });
    admin = await setUpCoop(app);
    coopId = (await findCoop(app.database.db))!.id;
  });
  afterAll(() => app.stop());

  const donation = (effectiveOn: string, i: number) =>
    admin.post('/api/ledger/entries', {
      effectiveOn,
      description: `Donation ${i}`,
      postings: [
        { account: 'assets:bank:operating', amount: `${100 + i}.00` },
        { account: 'income:donations', amount: `-${100 + i}.00` },
      ],
    });

  /** Every posting either went in before the lock or was refused as locked. */
  const expectEachInOrRefused = (responses: { status: number; body: unknown }[]) => {
    for (const r of responses) {
      if (r.status === 201) continue;
      expect(r.status).toBe(409);
      expect(JSON.stringify(r.body)).toMatch(/locked/);
    }
  };

  it('closes a year with every entry dated in it either in its figures or refused', async () => {
    for (let i = 0; i < 5; i++) expect((await donation('2026-03-01', i)).status).toBe(201);
    const day = (i: number) => `2026-${String((i % 12) + 1).padStart(2, '0')}-10`;
    const [close, ...posted] = await Promise.all([
      // The close starts after a few postings are already under way.
      new Promise<Awaited<ReturnType<typeof admin.post>>>((resolve) =>
        setTimeout(() => resolve(admin.post('/api/ledger/year-end', { fiscalYear: 2026 })), 5),
      ),
      ...Array.from({ length: postings }, (_, i) => donation(day(i), i)),
    ]);
    expect(close!.status).toBe(200);
    expectEachInOrRefused(posted);

    // The close zeroed every income and expense account of the year: anything left dated in
    // the year was posted outside its figures.
    const left = await queryRows<{ path: string; total: string }>(
      app.database.db,
      sql`select a.path, sum(p.amount_minor)::text as total from postings p join accounts a on a.id = p.account_id
          where p.coop_id = ${coopId} and a.type in ('income', 'expense')
            and p.effective_on between '2026-01-01' and '2026-12-31'
          group by a.path having sum(p.amount_minor) <> 0`,
    );
    expect(left).toEqual([]);
    // The surplus is the donations that went in: the five before, and the racing ones accepted.
    const racing = posted.reduce((s, r, i) => s + (r.status === 201 ? 100 + i : 0), 0);
    const surplus = (close!.body as { plan: { surplusMinor: string } }).plan.surplusMinor;
    expect(BigInt(surplus)).toBe(BigInt((100 + 101 + 102 + 103 + 104 + racing) * 100));
    const verify = await admin.get<{ ok: boolean }>('/api/ledger/verify');
    expect(verify.body.ok).toBe(true);
  });

  it('locks a period with every entry dated in it recorded before the lock or refused', async () => {
    const [lock, ...posted] = await Promise.all([
      new Promise<Awaited<ReturnType<typeof admin.post>>>((resolve) =>
        setTimeout(
          () =>
            resolve(
              admin.post('/api/ledger/period-locks', {
                fromDay: '2027-01-01',
                toDay: '2027-01-31',
              }),
            ),
          5,
        ),
      ),
      ...Array.from({ length: postings }, (_, i) => donation(`2027-01-${10 + (i % 10)}`, i)),
    ]);
    expect(lock!.status).toBe(201);
    expectEachInOrRefused(posted);
    const verify = await admin.get<{ ok: boolean }>('/api/ledger/verify');
    expect(verify.body).toMatchObject({ ok: true });
  });
});
