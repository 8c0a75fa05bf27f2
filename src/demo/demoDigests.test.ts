import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lastEndedPeriod } from '../digests/periods.ts';
import { queryRows } from '../platform/db/rows.ts';
import { systemClock } from '../platform/clock.ts';
import { startTestApp, type TestApp } from '../testing/testApp.ts';
import { fillDemo } from './fillDemo.ts';

describe('the demo’s sponsor digests', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
    await fillDemo(app.database.db, app.config.publicUrl);
    while ((await app.drainJobs()) > 0);
  }, 300_000);
  afterAll(() => app?.stop());

  it('sends the monthly sponsor the digest of the last month that has ended, with its question in it', async () => {
    const rows = await queryRows<{
      organization: string;
      frequency: string;
      state: string;
      from: string;
      to: string;
      requests: { subject: string; minutes: number; firstResponseMinutes: number }[];
    }>(
      app.database.db,
      sql`select o.display_name as organization, d.frequency, d.state,
            d.period_from::text as "from", d.period_to::text as "to",
            d.content->'requests' as requests
          from sponsor_digests d
          join organizations o on o.coop_id = d.coop_id and o.id = d.organization_id
          order by d.frequency`,
    );
    const today = systemClock.today();
    const lastMonth = lastEndedPeriod('monthly', today);
    const monthly = rows.find((r) => r.frequency === 'monthly')!;
    expect([monthly.organization, monthly.state, monthly.from, monthly.to]).toEqual([
      'Aalto Data',
      'sent',
      lastMonth.from,
      lastMonth.to,
    ]);
    expect(monthly.to < today).toBe(true);
    expect(monthly.requests.map((r) => [r.subject, r.minutes, r.firstResponseMinutes])).toEqual([
      ['Upgrade path from 3.x to 4.x', 40, 180],
    ]);
    // The weekly sponsor's last week, prepared for an officer's preview.
    const weekly = rows.find((r) => r.frequency === 'weekly')!;
    expect([weekly.organization, weekly.state, weekly.to < today]).toEqual([
      'Nordlicht Cloud',
      'prepared',
      true,
    ]);
  });
});
