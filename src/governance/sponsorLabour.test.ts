import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultBylaws } from '../bylaws/document.ts';
import { findCoop } from '../coop/queries.ts';
import { dayOf } from '../platform/dates.ts';
import {
  addMember,
  setUpCoop,
  startTestApp,
  type TestApp,
  type TestClient,
} from '../testing/testApp.ts';
import { sponsorWeights } from './sponsorWeights.ts';

interface Labour {
  id: string;
  organizationName: string;
  personName: string;
  workItemTitle: string;
  hours: number;
  status: string;
  reason: string | null;
}

describe("sponsors' labour", () => {
  let app: TestApp;
  let admin: TestClient;
  let coopId: string;
  let acme: string;
  let globex: string;
  let engineer: Awaited<ReturnType<typeof addMember>>;
  let rival: Awaited<ReturnType<typeof addMember>>;
  let hacker: Awaited<ReturnType<typeof addMember>>;
  let community: Awaited<ReturnType<typeof addMember>>;
  let workItemId: string;
  const today = dayOf(new Date());
  const rate = BigInt(defaultBylaws().funding.labourHourRateMinor);

  const weight = async (organizationId: string) =>
    (await sponsorWeights(app.database.db, coopId, defaultBylaws(), today))[organizationId] ?? 0n;
  const log = (client: TestClient, body: Record<string, unknown>) =>
    client.post<{ id: string }>('/api/sponsor-labour', {
      workItemId,
      workedOn: today,
      hours: 5,
      ...body,
    });
  const entries = async (client: TestClient, query = '') =>
    (await client.get<{ labour: Labour[] }>(`/api/sponsor-labour${query}`)).body.labour;

  beforeAll(async () => {
    app = await startTestApp();
    admin = await setUpCoop(app);
    coopId = (await findCoop(app.database.db))!.id;
    acme = (await admin.post<{ id: string }>('/api/organizations', { legalName: 'Acme' })).body.id;
    globex = (await admin.post<{ id: string }>('/api/organizations', { legalName: 'Globex' })).body
      .id;
    const member = (
      email: string,
      name: string,
      memberClass: 'hacker' | 'sponsor' | 'community',
      ip: string,
      organizationId?: string,
    ) => addMember(app, admin, { email, name, memberClass, organizationId }, ip);
    engineer = await member('eng@acme.example', 'Erin Engineer', 'sponsor', '10.40.0.1', acme);
    rival = await member('rep@globex.example', 'Gus Globex', 'sponsor', '10.40.0.2', globex);
    hacker = await member('hack@example.org', 'Hana Hacker', 'hacker', '10.40.0.3');
    community = await member('com@example.org', 'Cora Community', 'community', '10.40.0.4');
    workItemId = (
      await admin.post<{ id: string }>('/api/work-items', {
        title: 'ARM support',
        kind: 'feature',
        originClass: 'sponsors',
        estimateHours: 80,
      })
    ).body.id;
  });
  afterAll(() => app.stop());

  it('lets only the organization’s own members (or an administrator) log its labour', async () => {
    const table: [string, TestClient, Record<string, unknown>, number][] = [
      ['the engineer, for their organization', engineer.client, {}, 201],
      ['the engineer, for another organization', engineer.client, { organizationId: globex }, 403],
      ['a hacker', hacker.client, { organizationId: acme }, 403],
      ['a community member', community.client, { organizationId: acme }, 403],
      ['an administrator, for any organization', admin, { organizationId: globex }, 201],
    ];
    for (const [who, client, body, status] of table)
      expect([who, (await log(client, body)).status]).toEqual([who, status]);
  });

  it('refuses fractions, future days and unknown items, field by field', async () => {
    const fraction = await log(engineer.client, { hours: 2.5 });
    expect(fraction.status).toBe(400);
    expect(JSON.stringify(fraction.body)).toContain('/body/hours');
    const future = await log(engineer.client, { workedOn: '2999-01-01' });
    expect(future.status).toBe(400);
    expect(JSON.stringify(future.body)).toContain('/workedOn');
    const unknown = await log(engineer.client, { workItemId: crypto.randomUUID() });
    expect(unknown.status).toBe(400);
    expect(JSON.stringify(unknown.body)).toContain('/workItemId');
  });

  it('shows each sponsor only its own labour; the co-op sees all', async () => {
    expect((await entries(engineer.client)).map((e) => e.organizationName)).toEqual(['Acme']);
    expect((await entries(rival.client)).map((e) => e.organizationName)).toEqual(['Globex']);
    expect((await rival.client.get(`/api/sponsor-labour?organizationId=${acme}`)).status).toBe(403);
    expect((await community.client.get('/api/sponsor-labour')).status).toBe(403);
    expect((await entries(hacker.client)).map((e) => e.organizationName).sort()).toEqual([
      'Acme',
      'Globex',
    ]);
  });

  it('counts confirmed hours in the vote weight, and never rejected ones', async () => {
    const [acmeEntry] = await entries(hacker.client, `?organizationId=${acme}`);
    expect(acmeEntry).toMatchObject({ personName: 'Erin Engineer', workItemTitle: 'ARM support' });
    expect(await weight(acme)).toBe(0n);
    // "What needs me" tells the hacker; the engineer cannot confirm their own hours.
    const todo = await hacker.client.get<{ items: { kind: string; detail: string }[] }>(
      '/api/todo',
    );
    expect(todo.body.items.find((i) => i.kind === 'confirm-labour')?.detail).toMatch(/^2 entries/);
    expect(
      (await engineer.client.post(`/api/sponsor-labour/${acmeEntry!.id}/confirm`)).status,
    ).toBe(403);

    expect((await hacker.client.post(`/api/sponsor-labour/${acmeEntry!.id}/confirm`)).status).toBe(
      204,
    );
    expect(await weight(acme)).toBe(5n * rate);
    expect((await hacker.client.post(`/api/sponsor-labour/${acmeEntry!.id}/confirm`)).status).toBe(
      409,
    );
    const funding = await admin.get<{ funding: { source: string; labourHours: number }[] }>(
      `/api/funding?organizationId=${acme}`,
    );
    expect(funding.body.funding).toEqual([
      expect.objectContaining({ source: 'labour', labourHours: 5 }),
    ]);

    const [globexEntry] = await entries(admin, `?organizationId=${globex}`);
    const noReason = await hacker.client.post(`/api/sponsor-labour/${globexEntry!.id}/reject`, {
      reason: '',
    });
    expect(noReason.status).toBe(400);
    expect(
      (
        await hacker.client.post(`/api/sponsor-labour/${globexEntry!.id}/reject`, {
          reason: 'Not on this item',
        })
      ).status,
    ).toBe(204);
    expect(await weight(globex)).toBe(0n);
    expect((await entries(rival.client))[0]).toMatchObject({
      status: 'rejected',
      reason: 'Not on this item',
    });
  });

  it("tells a sponsor its standing: funding in the window and the vote's weight", async () => {
    const standing = await engineer.client.get<Record<string, unknown>>('/api/sponsor-standing');
    expect(standing.body).toMatchObject({
      organizationId: acme,
      moneyMinor: '0',
      labourHours: 5,
      weightMinor: (5n * rate).toString(),
      totalWeightMinor: (5n * rate).toString(),
    });
    expect(
      (await engineer.client.get(`/api/sponsor-standing?organizationId=${globex}`)).status,
    ).toBe(403);
    expect((await admin.get('/api/sponsor-standing')).status).toBe(400);
  });

  it('takes reversed hours back out, keeping the history', async () => {
    const [acmeEntry] = await entries(admin, `?organizationId=${acme}&status=confirmed`);
    expect(
      (
        await engineer.client.post(`/api/sponsor-labour/${acmeEntry!.id}/reverse`, {
          reason: 'Counted twice',
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await admin.post(`/api/sponsor-labour/${acmeEntry!.id}/reverse`, {
          reason: 'Counted twice',
        })
      ).status,
    ).toBe(204);
    expect(await weight(acme)).toBe(0n);
    const funding = await admin.get<{ funding: { source: string; labourHours: number }[] }>(
      `/api/funding?organizationId=${acme}`,
    );
    expect(funding.body.funding.map((f) => [f.source, f.labourHours]).sort()).toEqual([
      ['labour', 5],
      ['labour-reversal', -5],
    ]);
    expect(
      (await admin.post(`/api/sponsor-labour/${acmeEntry!.id}/reverse`, { reason: 'Again' }))
        .status,
    ).toBe(409);
  });

  it('does not let anyone confirm the hours they logged themselves', async () => {
    const own = await log(admin, { organizationId: acme, hours: 3 });
    const answer = await admin.post(`/api/sponsor-labour/${own.body.id}/confirm`);
    expect(answer.status).toBe(403);
  });
});
