import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../platform/db/rows.ts';
import { startTestApp, type TestApp } from '../testing/testApp.ts';
import { fillDemo } from './fillDemo.ts';

describe('the demo’s service credit', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
    await fillDemo(app.database.db, app.config.publicUrl);
    while ((await app.drainJobs()) > 0);
  }, 300_000);
  afterAll(() => app?.stop());

  it('has a breached first response and a breached impact note, each proposing its credit', async () => {
    const rows = await queryRows<{ kind: string; state: string; credit: string; amount: string }>(
      app.database.db,
      sql`select k.kind, k.state, c.state as credit, c.amount_minor::text as amount
          from service_credits c join service_clocks k on k.id = c.clock_id order by k.kind`,
    );
    // 2% of the platinum tier's yearly fee of 90,000.00 for the incident answered a day late;
    // the vulnerability's impact note the gold sponsor never got: 1% of its 36,000.00.
    expect(rows).toEqual([
      { kind: 'first-response', state: 'breached', credit: 'proposed', amount: '180000' },
      { kind: 'impact-note', state: 'breached', credit: 'proposed', amount: '36000' },
    ]);
  });

  it('has a disclosed vulnerability whose impact note came in time for one sponsor, not the other', async () => {
    const rows = await queryRows<{ kind: string; state: string; n: number; agreements: number }>(
      app.database.db,
      sql`select kind, state, count(*)::int as n, count(agreement_id)::int as agreements
          from service_clocks where subject_type = 'vulnerability'
          group by kind, state order by kind, state`,
    );
    expect(rows).toEqual([
      { kind: 'impact-note', state: 'breached', n: 1, agreements: 1 },
      { kind: 'impact-note', state: 'met', n: 1, agreements: 1 },
    ]);
  });
});
