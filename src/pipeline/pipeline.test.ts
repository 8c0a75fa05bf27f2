import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../platform/clock.ts';
import { queryRows } from '../platform/db/rows.ts';
import {
  addMember,
  adminCredentials,
  setUpCoop,
  startTestApp,
  type TestApp,
  type TestClient,
} from '../testing/testApp.ts';

interface Problem {
  errors?: { pointer: string }[];
}
interface Opportunity {
  id: string;
  stage: string;
  probabilityPercent: number;
  amountMinor: string;
  kind: string;
  lostReason: string | null;
  agreementId: string | null;
  engineerMonths: string | null;
  champion: { personId: string | null; name: string; email: string | null } | null;
  stale: string[];
}
interface Board {
  stages: { stage: string; opportunities: Opportunity[] }[];
}

const entitlements = {
  responseHours: { critical: 6, high: 24, normal: 72, low: null },
  expertHoursPerMonth: 4,
  reciprocalAccess: true,
  meetingsPerYear: 4,
  digest: 'monthly',
  publicAcknowledgement: true,
};

describe('the pipeline', () => {
  const clock = manualClock('2027-01-10T10:00:00Z');
  let app: TestApp;
  let admin: TestClient;
  let hacker: TestClient;
  let rep: TestClient;
  let acmeId: string;
  let globexId: string;
  let repId: string;
  let acmeOpp: string;
  let goldId: string;

  const board = async (client = admin) => (await client.get<Board>('/api/pipeline')).body;
  const all = (b: Board) => b.stages.flatMap((s) => s.opportunities);

  beforeAll(async () => {
    app = await startTestApp({}, { clock });
    admin = await setUpCoop(app);
    acmeId = (await admin.post<{ id: string }>('/api/organizations', { legalName: 'Acme Cloud' }))
      .body.id;
    globexId = (await admin.post<{ id: string }>('/api/organizations', { legalName: 'Globex' }))
      .body.id;
    const r = await addMember(app, admin, {
      email: 'rep@acme.example',
      name: 'Rita Rep',
      memberClass: 'sponsor',
      organizationId: acmeId,
    });
    rep = r.client;
    repId = r.personId;
    hacker = (
      await addMember(
        app,
        admin,
        { email: 'hal@coop.example', name: 'Hal Hacker', memberClass: 'hacker' },
        '10.0.1.3',
      )
    ).client;
    goldId = (
      await admin.post<{ id: string }>('/api/tiers', {
        slug: 'gold',
        name: 'Gold',
        price: '30000.00',
        currency: 'EUR',
        periodMonths: 12,
        entitlements,
        serviceHoursPerMonth: 6,
      })
    ).body.id;
  });
  afterAll(async () => app?.stop());

  it('opens an opportunity with exact money, the engineer-months answer and a champion', async () => {
    const created = await admin.post<{ id: string }>('/api/opportunities', {
      organizationId: acmeId,
      title: 'Acme gold',
      amount: '30000.00',
      currency: 'EUR',
      expectedCloseOn: '2027-03-15',
      nextStep: 'Call the CTO',
      nextStepOn: '2027-01-20',
      champion: { personId: repId },
      engineerMonths: '2.5',
    });
    expect(created.status).toBe(201);
    acmeOpp = created.body.id;
    const o = (await admin.get<Opportunity>(`/api/opportunities/${acmeOpp}`)).body;
    expect(o).toMatchObject({
      stage: 'lead',
      probabilityPercent: 10,
      amountMinor: '3000000',
      engineerMonths: '2.5',
      champion: { personId: repId, name: 'Rita Rep' },
      stale: [],
    });
    const [row] = await queryRows<{ t: number }>(
      app.database.db,
      sql`select engineer_months_tenths as t from opportunities`,
    );
    expect(row!.t).toBe(25);
  });

  it('refuses bad input with field pointers', async () => {
    const bad = await admin.post<Problem>('/api/opportunities', {
      organizationId: globexId,
      title: 'Globex',
      amount: '10.001',
      currency: 'EUR',
      expectedCloseOn: '2027-03-15',
      champion: { personId: repId },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors?.map((e) => e.pointer)).toEqual(['/amount']);
    const months = await admin.post<Problem>('/api/opportunities', {
      organizationId: globexId,
      title: 'Globex',
      amount: '10',
      currency: 'EUR',
      expectedCloseOn: '2027-03-15',
      engineerMonths: '2.25',
    });
    expect(months.body.errors?.map((e) => e.pointer)).toEqual(['/body/engineerMonths']);
    const champion = await admin.post<Problem>('/api/opportunities', {
      organizationId: globexId,
      title: 'Globex',
      amount: '10',
      currency: 'EUR',
      expectedCloseOn: '2027-03-15',
      champion: { personId: repId },
    });
    expect(champion.body.errors?.map((e) => e.pointer)).toEqual(['/champion/personId']);
  });

  it('moves by stage with its default probability; lost needs a reason', async () => {
    const move = (body: object) => admin.post<Problem>(`/api/opportunities/${acmeOpp}/move`, body);
    expect((await move({ stage: 'proposal' })).status).toBe(204);
    expect((await admin.get<Opportunity>(`/api/opportunities/${acmeOpp}`)).body).toMatchObject({
      stage: 'proposal',
      probabilityPercent: 50,
    });
    expect((await move({ stage: 'negotiation', probabilityPercent: 60 })).status).toBe(204);
    const globex = await admin.post<{ id: string }>('/api/opportunities', {
      organizationId: globexId,
      title: 'Globex silver',
      amount: '12000',
      currency: 'USD',
      expectedCloseOn: '2027-02-01',
    });
    const lose = (body: object) =>
      admin.post<Problem>(`/api/opportunities/${globex.body.id}/move`, body);
    const noReason = await lose({ stage: 'lost', reason: '  ' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.errors?.map((e) => e.pointer)).toEqual(['/body/reason']);
    expect((await lose({ stage: 'lost', reason: 'Chose to maintain it in-house' })).status).toBe(
      204,
    );
    const lost = all(await board()).find((o) => o.id === globex.body.id)!;
    expect(lost).toMatchObject({ stage: 'lost', lostReason: 'Chose to maintain it in-house' });
  });

  it('lets hackers read, never sponsors; only officers and administrators change', async () => {
    expect((await hacker.get('/api/pipeline')).status).toBe(200);
    expect((await hacker.get('/api/pipeline/forecast')).status).toBe(200);
    expect((await hacker.post(`/api/opportunities/${acmeOpp}/move`, { stage: 'won' })).status).toBe(
      403,
    );
    for (const url of [
      '/api/pipeline',
      '/api/pipeline/forecast',
      '/api/pipeline/organizations',
      `/api/opportunities/${acmeOpp}`,
    ])
      expect((await rep.get(url)).status).toBe(403);
    expect((await rep.patch(`/api/opportunities/${acmeOpp}`, { title: 'x' })).status).toBe(403);
  });

  it('flags opportunities whose next step has passed or that did not change', async () => {
    clock.set('2027-01-21T10:00:00Z');
    await admin.signIn(adminCredentials.email, { password: adminCredentials.password });
    const o = all(await board()).find((x) => x.id === acmeOpp)!;
    expect(o.stale).toEqual(['next-step-overdue']);
    await admin.patch(`/api/opportunities/${acmeOpp}`, { nextStepOn: '2027-03-01' });
    clock.set('2027-02-04T10:00:00Z');
    await admin.signIn(adminCredentials.email, { password: adminCredentials.password });
    expect(all(await board()).find((x) => x.id === acmeOpp)!.stale).toEqual(['no-change']);
  });

  it('forecasts weighted amounts per month and currency, and the room before hiring', async () => {
    const f = (
      await admin.get<{
        totals: { currency: string; weightedMinor: string }[];
        hiring: { moreClients: number; averageFrom: string };
        target: { weightedMinor: string };
      }>('/api/pipeline/forecast')
    ).body;
    // Acme 30,000.00 at 60%; Globex is lost, so no USD.
    expect(f.totals).toEqual([
      expect.objectContaining({ currency: 'EUR', weightedMinor: '1800000' }),
    ]);
    expect(f.target.weightedMinor).toBe('1800000');
    expect(f.hiring.averageFrom).toBe('tiers');
    const orgs = (
      await admin.get<{ organizations: { id: string; prospect: boolean }[] }>(
        '/api/pipeline/organizations',
      )
    ).body.organizations;
    expect(orgs.find((o) => o.id === acmeId)!.prospect).toBe(true);
  });

  it('follows the agreements: won on an agreement, a renewal once per term', async () => {
    const agreement = await admin.post<{ id: string }>('/api/agreements', {
      organizationId: acmeId,
      title: 'Acme gold',
      startsOn: '2027-02-01',
      termMonths: 12,
      lines: [{ tierId: goldId }],
      billingContacts: [{ name: 'Acme AP', email: 'ap@acme.example' }],
    });
    expect(agreement.status).toBe(201);
    await app.drainJobs();
    await app.drainJobs();
    const won = (await admin.get<Opportunity>(`/api/opportunities/${acmeOpp}`)).body;
    expect(won).toMatchObject({ stage: 'won', agreementId: agreement.body.id });
    const orgs = (
      await admin.get<{ organizations: { id: string; prospect: boolean }[] }>(
        '/api/pipeline/organizations',
      )
    ).body.organizations;
    expect(orgs.find((o) => o.id === acmeId)!.prospect).toBe(false);

    // Both notice days (60 and 30 before the term's end) come: one renewal opportunity.
    for (const day of ['2027-12-03T08:00:00Z', '2028-01-02T08:00:00Z']) {
      clock.set(day);
      await admin.signIn(adminCredentials.email, { password: adminCredentials.password });
      expect((await admin.post('/api/agreements/renewals/run')).status).toBe(200);
      await app.drainJobs();
      await app.drainJobs();
    }
    const renewals = all(await board()).filter((o) => o.kind === 'renewal');
    expect(renewals).toHaveLength(1);
    expect(renewals[0]).toMatchObject({ stage: 'negotiation', amountMinor: '3000000' });
    const announced = await queryRows<{ n: number }>(
      app.database.db,
      sql`select count(*)::int as n from events where type = 'agreement.renewal-term-due'`,
    );
    expect(announced[0]!.n).toBe(2);
  });
});
