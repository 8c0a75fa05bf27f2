import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../platform/clock.ts';
import { queryRows } from '../platform/db/rows.ts';
import { appendTypedEvent } from '../platform/events/append.ts';
import type { EventType } from '../platform/events/registry.ts';
import { sponsorRequestOpened, sponsorRequestReplied } from '../requests/events.ts';
import {
  addMember,
  setUpCoop,
  startTestApp,
  type TestApp,
  type TestClient,
} from '../testing/testApp.ts';

interface Clock {
  id: string;
  kind: string;
  state: string;
  startedAt: string;
  deadlineAt: string | null;
  organizationId: string;
  subjectId: string;
}

const iso = (s: string) => new Date(s).toISOString();
const base = {
  expertHoursPerMonth: 4,
  reciprocalAccess: true,
  meetingsPerYear: 4,
  digest: 'monthly',
  publicAcknowledgement: true,
};

describe('the vulnerability clock', () => {
  const clock = manualClock('2032-02-01T10:00:00Z');
  let app: TestApp;
  let admin: TestClient;
  let acmeRep: TestClient;
  let globexRep: TestClient;
  let hacker: TestClient;
  let acmeId: string;
  let globexId: string;
  let coopId: string;
  let halId: string;
  let vulnId: string;

  const request = async (
    id: string,
    type: EventType,
    data: Record<string, unknown>,
    at: string,
  ) => {
    await app.database.db.transaction((tx) =>
      appendTypedEvent(tx, type, {
        coopId,
        actorId: null,
        subjectId: id,
        data: data as never,
        occurredAt: new Date(at),
      }),
    );
    await app.drainJobs();
  };
  const clocks = async () =>
    (await admin.get<{ clocks: Clock[] }>('/api/service-clocks')).body.clocks;

  beforeAll(async () => {
    app = await startTestApp({}, { clock });
    admin = await setUpCoop(app);
    coopId = (await queryRows<{ id: string }>(app.database.db, sql`select id from coops`))[0]!.id;
    acmeId = (await admin.post<{ id: string }>('/api/organizations', { legalName: 'Acme GmbH' }))
      .body.id;
    globexId = (await admin.post<{ id: string }>('/api/organizations', { legalName: 'Globex Inc' }))
      .body.id;
    acmeRep = (
      await addMember(app, admin, {
        email: 'rep@acme.example',
        name: 'Rita Rep',
        memberClass: 'sponsor',
        organizationId: acmeId,
      })
    ).client;
    globexRep = (
      await addMember(
        app,
        admin,
        {
          email: 'rep@globex.example',
          name: 'Gus',
          memberClass: 'sponsor',
          organizationId: globexId,
        },
        '10.0.1.2',
      )
    ).client;
    const hal = await addMember(
      app,
      admin,
      { email: 'hal@coop.example', name: 'Hal', memberClass: 'hacker' },
      '10.0.1.3',
    );
    hacker = hal.client;
    halId = hal.personId;
    const tier = async (slug: string, entitlements: object) =>
      (
        await admin.post<{ id: string }>('/api/tiers', {
          slug,
          name: slug,
          price: '1000.00',
          currency: 'EUR',
          periodMonths: 12,
          entitlements,
          serviceHoursPerMonth: 1,
        })
      ).body.id;
    // Gold says so; Classic (no flag) promises a critical first response in 24 hours: too slow.
    const gold = await tier('gold', {
      ...base,
      responseHours: { critical: 4, high: 8, normal: 24, low: null },
      vulnerabilityClock: true,
    });
    const classic = await tier('classic', {
      ...base,
      responseHours: { critical: 24, high: 48, normal: 72, low: null },
    });
    for (const [organizationId, tierId] of [
      [acmeId, gold],
      [globexId, classic],
    ])
      expect(
        (
          await admin.post('/api/agreements', {
            organizationId,
            title: 'Support',
            startsOn: '2025-01-01',
            termMonths: 12,
            lines: [{ tierId }],
            billingContacts: [{ name: 'AP', email: 'ap@example.org' }],
          })
        ).status,
      ).toBe(201);
  });
  afterAll(async () => app?.stop());

  it('records a vulnerability with checked identifiers, under embargo, with its pre-notification list', async () => {
    const input = {
      title: 'Remote code execution in the template engine',
      identifiers: ['cve-2032-10001', 'GHSA-jfh8-c2jp-5v3q'],
      severity: 'critical',
      affected: [{ project: 'engine', versions: '>= 2.0, < 2.4.1' }],
      embargoUntil: '2032-02-02T10:00:00Z',
    };
    const bad = await admin.post<{ errors: { pointer: string }[] }>('/api/vulnerabilities', {
      ...input,
      identifiers: ['CVE-2032-10001', 'log4shell'],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e) => e.pointer)).toEqual(['/body/identifiers/1']);
    expect((await hacker.post('/api/vulnerabilities', input)).status).toBe(403);
    const created = await admin.post<{ id: string }>('/api/vulnerabilities', input);
    expect(created.status).toBe(201);
    vulnId = created.body.id;
    expect(
      (
        await admin.post(`/api/vulnerabilities/${vulnId}/prenotifications`, {
          organizationId: acmeId,
          notifiedAt: '2032-01-30T09:00:00Z',
        })
      ).status,
    ).toBe(204);
    expect(
      (
        await admin.post(`/api/vulnerabilities/${vulnId}/prenotifications`, {
          organizationId: acmeId,
        })
      ).status,
    ).toBe(409);
    const seen = await hacker.get<{
      identifiers: string[];
      prenotified: { organizationId: string }[];
    }>(`/api/vulnerabilities/${vulnId}`);
    expect(seen.body.identifiers).toEqual(['CVE-2032-10001', 'GHSA-jfh8-c2jp-5v3q']);
    expect(seen.body.prenotified.map((p) => p.organizationId)).toEqual([acmeId]);
    // Under embargo, sponsors know nothing of it through the API.
    expect((await acmeRep.get(`/api/vulnerabilities/${vulnId}`)).status).toBe(404);
    expect(
      (await acmeRep.get<{ vulnerabilities: unknown[] }>('/api/vulnerabilities')).body
        .vulnerabilities,
    ).toEqual([]);
  });

  it('disclosing at t0 starts a 6-hour impact-note clock for each qualifying sponsor only', async () => {
    expect(
      (
        await hacker.post(`/api/vulnerabilities/${vulnId}/disclose`, {
          publicAt: '2032-02-02T10:00:00Z',
        })
      ).status,
    ).toBe(403);
    const disclosed = await admin.post<{ qualifyingOrganizationIds: string[] }>(
      `/api/vulnerabilities/${vulnId}/disclose`,
      { publicAt: '2032-02-02T10:00:00Z' },
    );
    expect(disclosed.body.qualifyingOrganizationIds).toEqual([acmeId]);
    expect(
      (
        await admin.post(`/api/vulnerabilities/${vulnId}/disclose`, {
          publicAt: '2032-02-02T11:00:00Z',
        })
      ).status,
    ).toBe(409);
    await app.drainJobs();
    const impact = (await clocks()).filter((c) => c.kind === 'impact-note');
    expect(impact.map((c) => [c.organizationId, c.state, c.startedAt, c.deadlineAt])).toEqual([
      [acmeId, 'running', iso('2032-02-02T10:00:00Z'), iso('2032-02-02T16:00:00Z')],
    ]);
    // Globex does not qualify: no note owed, none accepted.
    expect(
      (
        await hacker.post(`/api/vulnerabilities/${vulnId}/impact-notes`, {
          organizationId: globexId,
          note: 'Globex is not affected by this one.',
        })
      ).status,
    ).toBe(409);
  });

  it('gives a qualifying sponsor’s requests a 6-hour human response for 24 hours after t0', async () => {
    const within = '7a000000-0000-4000-8000-000000000001';
    await request(
      within,
      sponsorRequestOpened,
      { organizationId: acmeId, severity: 'low', agreementId: null },
      '2032-02-02T12:00:00Z',
    );
    const after = '7a000000-0000-4000-8000-000000000002';
    await request(
      after,
      sponsorRequestOpened,
      { organizationId: acmeId, severity: 'low', agreementId: null },
      '2032-02-03T10:00:01Z',
    );
    const other = '7a000000-0000-4000-8000-000000000003';
    await request(
      other,
      sponsorRequestOpened,
      { organizationId: globexId, severity: 'low', agreementId: null },
      '2032-02-02T12:00:00Z',
    );
    const all = await clocks();
    expect(
      all
        .filter((c) => c.kind === 'vulnerability-response')
        .map((c) => [c.subjectId, c.deadlineAt]),
    ).toEqual([[within, iso('2032-02-02T18:00:00Z')]]);
    await request(
      within,
      sponsorRequestReplied,
      { organizationId: acmeId, side: 'coop', byPersonId: halId },
      '2032-02-02T13:30:00Z',
    );
    expect((await clocks()).find((c) => c.subjectId === within)!.state).toBe('met');
  });

  it('meets the impact-note clock with the note, which only its sponsor and the co-op read', async () => {
    clock.set('2032-02-02T14:00:00Z');
    expect(
      (
        await acmeRep.post(`/api/vulnerabilities/${vulnId}/impact-notes`, {
          organizationId: acmeId,
          note: 'You run 2.3: upgrade to 2.4.1 today.',
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await hacker.post(`/api/vulnerabilities/${vulnId}/impact-notes`, {
          organizationId: acmeId,
          note: 'You run 2.3: upgrade to 2.4.1 today.',
        })
      ).status,
    ).toBe(204);
    await app.drainJobs();
    const impact = (await clocks()).find((c) => c.kind === 'impact-note')!;
    expect(impact.state).toBe('met');
    const evidence = await admin.get<{
      entries: { kind: string; at: string; byPersonId: string }[];
    }>(`/api/service-clocks/${impact.id}`);
    expect(evidence.body.entries.map((e) => [e.kind, e.at, e.byPersonId])).toEqual([
      ['started', iso('2032-02-02T10:00:00Z'), null],
      ['met', iso('2032-02-02T14:00:00Z'), halId],
    ]);
    const own = await acmeRep.get<{ impactNotes: { note: string }[]; prenotified: unknown[] }>(
      `/api/vulnerabilities/${vulnId}`,
    );
    expect(own.body.impactNotes.map((n) => n.note)).toEqual([
      'You run 2.3: upgrade to 2.4.1 today.',
    ]);
    expect(own.body.prenotified).toEqual([]);
    const otherView = await globexRep.get<{ impactNotes: unknown[] }>(
      `/api/vulnerabilities/${vulnId}`,
    );
    expect(otherView.status).toBe(200);
    expect(otherView.body.impactNotes).toEqual([]);
    expect((await globexRep.get(`/api/service-clocks/${impact.id}`)).status).toBe(404);
  });
});
