import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../platform/clock.ts';
import {
  addMember,
  setUpCoop,
  startTestApp,
  type TestApp,
  type TestClient,
} from '../testing/testApp.ts';
import { signRetainers } from '../testing/retainers.ts';

interface Release {
  id: string;
  project: string;
  version: string | null;
  kind: string;
  title: string;
  state: string;
  plannedOn: string;
  publishedAt: string | null;
}

describe('releases and planned changes', () => {
  const clock = manualClock('2027-03-01T09:00:00Z');
  let app: TestApp;
  let admin: TestClient;
  let hacker: TestClient;
  let rita: TestClient;
  let acme: string;
  let release: string;
  let deprecation: string;

  const list = async (client: TestClient, query = '') =>
    (await client.get<{ releases: Release[] }>(`/api/releases${query}`)).body.releases;

  beforeAll(async () => {
    app = await startTestApp({}, { clock });
    admin = await setUpCoop(app);
    acme = (await admin.post<{ id: string }>('/api/organizations', { legalName: 'ACME Ltd' })).body
      .id;
    await signRetainers(admin, [acme], {
      slug: 'gold',
      reciprocalAccess: true,
      startsOn: '2027-01-01',
    });
    rita = (
      await addMember(
        app,
        admin,
        { email: 'rita@acme.example', name: 'Rita', memberClass: 'sponsor', organizationId: acme },
        '10.60.0.1',
      )
    ).client;
    hacker = (
      await addMember(
        app,
        admin,
        { email: 'hal@example.org', name: 'Hal', memberClass: 'hacker' },
        '10.60.0.2',
      )
    ).client;
    expect(
      (await rita.post(`/api/organizations/${acme}/concerns`, { topics: ['tls', 'api-v1'] }))
        .status,
    ).toBe(204);
  });
  afterAll(() => app.stop());

  it('lets hackers announce releases and planned changes, and no sponsor', async () => {
    const noVersion = await hacker.post<{ errors: { pointer: string }[] }>('/api/releases', {
      project: 'engine',
      kind: 'release',
      title: 'Engine 3.3',
      plannedOn: '2027-03-20',
    });
    expect(noVersion.status).toBe(400);
    expect(noVersion.body.errors.map((e) => e.pointer)).toEqual(['/body/version']);
    expect(
      (
        await rita.post('/api/releases', {
          project: 'engine',
          kind: 'deprecation',
          title: 'Drop everything',
          plannedOn: '2027-03-20',
        })
      ).status,
    ).toBe(403);
    const made = await hacker.post<{ id: string }>('/api/releases', {
      project: 'engine',
      version: '3.3.0',
      kind: 'release',
      title: 'Engine 3.3',
      summary: 'Faster handshakes.',
      plannedOn: '2027-03-20',
    });
    expect(made.status).toBe(201);
    release = made.body.id;
    const dep = await admin.post<{ id: string }>('/api/releases', {
      project: 'engine',
      kind: 'deprecation',
      title: 'The v1 API is deprecated',
      summary: 'Use **v2**.',
      plannedOn: '2027-06-30',
    });
    expect(dep.status).toBe(201);
    deprecation = dep.body.id;
    // Every active member reads them, the latest planned day first; a kind filters.
    expect((await list(rita)).map((r) => [r.title, r.version, r.state])).toEqual([
      ['The v1 API is deprecated', null, 'planned'],
      ['Engine 3.3', '3.3.0', 'planned'],
    ]);
    expect((await list(rita, '?kind=deprecation')).map((r) => r.id)).toEqual([deprecation]);
    expect((await app.client('10.60.0.9').get('/api/releases')).status).toBe(401);
  });

  it('edits while planned, publishes once, and keeps the published record as it was', async () => {
    expect(
      (
        await hacker.patch(`/api/releases/${release}`, {
          project: 'engine',
          version: '3.3.1',
          kind: 'release',
          title: 'Engine 3.3',
          plannedOn: '2027-03-22',
        })
      ).status,
    ).toBe(204);
    clock.set('2027-03-22T12:00:00Z');
    const published = await hacker.post<{ publishedAt: string }>(
      `/api/releases/${release}/publish`,
    );
    expect(published.status).toBe(200);
    expect(published.body.publishedAt).toBe('2027-03-22T12:00:00.000Z');
    expect((await hacker.post(`/api/releases/${release}/publish`)).status).toBe(409);
    expect(
      (
        await hacker.patch(`/api/releases/${release}`, {
          project: 'engine',
          version: '9',
          kind: 'release',
          title: 'Rewritten',
          plannedOn: '2027-03-22',
        })
      ).status,
    ).toBe(409);
    const got = (await rita.get<Release>(`/api/releases/${release}`)).body;
    expect([got.version, got.state, got.plannedOn]).toEqual(['3.3.1', 'published', '2027-03-22']);
    expect((await rita.post(`/api/releases/${release}/withdraw`)).status).toBe(403);
  });

  it('tags a planned change with topics and consults the sponsors it touches', async () => {
    expect(
      (await hacker.post(`/api/items/release/${deprecation}/topics`, { topics: ['api-v1'] }))
        .status,
    ).toBe(204);
    const view = await hacker.get<{
      subject: { kind: string; title: string };
      sponsorsToConsult: { organizationName: string; sharedTopics: string[] }[];
    }>(`/api/items/release/${deprecation}/consultations`);
    expect(view.body.subject).toEqual({
      kind: 'release',
      id: deprecation,
      title: 'The v1 API is deprecated',
    });
    expect(view.body.sponsorsToConsult).toEqual([
      { organizationId: acme, organizationName: 'ACME Ltd', sharedTopics: ['api-v1'] },
    ]);
    const opened = await hacker.post<{ id: string; organizations: number }>(
      `/api/items/release/${deprecation}/consultations`,
      { whatChanges: 'The v1 API answers 410 from July.', answerBy: '2027-04-15' },
    );
    expect(opened.status).toBe(201);
    expect(opened.body.organizations).toBe(1);
    const inbox = await rita.get<{ consultations: { subjectKind: string; subjectId: string }[] }>(
      '/api/consultations',
    );
    expect(inbox.body.consultations.map((c) => [c.subjectKind, c.subjectId])).toEqual([
      ['release', deprecation],
    ]);
    // An unknown release is no subject to tag.
    expect(
      (await hacker.post(`/api/items/release/${acme}/topics`, { topics: ['tls'] })).status,
    ).toBe(404);
  });

  it('withdraws a planned change: those who write still see it, members no longer', async () => {
    expect((await admin.post(`/api/releases/${deprecation}/withdraw`)).status).toBe(204);
    const again = await admin.post<{ code: string }>(`/api/releases/${deprecation}/withdraw`);
    expect([again.status, again.body.code]).toEqual([409, 'release.withdrawn']);
    expect((await list(rita)).map((r) => r.id)).toEqual([release]);
    expect((await rita.get(`/api/releases/${deprecation}`)).status).toBe(404);
    // Nor do its consultations show it to members, and it takes no new topics.
    const items = `/api/items/release/${deprecation}`;
    expect((await rita.get(`${items}/consultations`)).status).toBe(404);
    expect((await hacker.get(`${items}/consultations`)).status).toBe(200);
    const tagged = await hacker.post<{ code: string }>(`${items}/topics`, { topics: ['api-v2'] });
    expect([tagged.status, tagged.body.code]).toEqual([409, 'release.withdrawn']);
    expect((await list(hacker)).find((r) => r.id === deprecation)?.state).toBe('withdrawn');
    const events = await admin.get<{ events: { type: string; subjectId: string }[] }>(
      '/api/events?subjectType=release',
    );
    expect(
      events.body.events
        .map((e) => [e.type, e.subjectId === release ? 'release' : 'deprecation'])
        .reverse(),
    ).toEqual([
      ['release.planned', 'release'],
      ['release.planned', 'deprecation'],
      ['release.edited', 'release'],
      ['release.published', 'release'],
      ['release.withdrawn', 'deprecation'],
    ]);
  });
});
