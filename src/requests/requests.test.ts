import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../platform/clock.ts';
import { queryRows } from '../platform/db/rows.ts';
import {
  addMember,
  setUpCoop,
  startTestApp,
  type TestApp,
  type TestClient,
} from '../testing/testApp.ts';

const entitlements = {
  responseHours: { critical: 6, high: 24, normal: 72, low: null },
  expertHoursPerMonth: 4,
  reciprocalAccess: true,
  meetingsPerYear: 4,
  digest: 'monthly',
  publicAcknowledgement: true,
};

const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);

interface Detail {
  id: string;
  number: number;
  status: string;
  agreementId: string | null;
  attachments: { id: string; name: string; size: number }[];
  thread: { kind: string; side: string; body: string; minutesSpent: number | null }[];
  expertHours: { month: string; usedMinutes: number; entitledMinutes: number | null };
}

describe('requests for expert access', () => {
  const clock = manualClock('2027-03-10T09:00:00Z');
  let app: TestApp;
  let admin: TestClient;
  let acmeRep: TestClient;
  let globexRep: TestClient;
  let hacker: TestClient;
  let community: TestClient;
  let acmeId: string;
  let globexId: string;
  let agreementId: string;
  let halId: string;
  let acmeRequest: string;
  let globexRequest: string;

  const outbox = () =>
    queryRows<{ to_address: string; subject: string; body: string; kind: string }>(
      app.database.db,
      sql`select to_address, subject, body, kind from outbox where kind like 'request-%' order by created_at, to_address`,
    );
  const events = (type: string) =>
    queryRows<{ subject_id: string; data: Record<string, unknown>; occurred_at: Date }>(
      app.database.db,
      sql`select subject_id, data, occurred_at from events where type = ${type} order by seq`,
    );

  beforeAll(async () => {
    app = await startTestApp({}, { clock });
    admin = await setUpCoop(app);
    acmeId = (await admin.post<{ id: string }>('/api/organizations', { legalName: 'Acme GmbH' }))
      .body.id;
    globexId = (await admin.post<{ id: string }>('/api/organizations', { legalName: 'Globex Oy' }))
      .body.id;
    const acme = await addMember(app, admin, {
      email: 'rita@acme.example',
      name: 'Rita Rep',
      memberClass: 'sponsor',
      organizationId: acmeId,
    });
    acmeRep = acme.client;
    globexRep = (
      await addMember(
        app,
        admin,
        {
          email: 'gus@globex.example',
          name: 'Gus Globex',
          memberClass: 'sponsor',
          organizationId: globexId,
        },
        '10.0.1.2',
      )
    ).client;
    const hal = await addMember(
      app,
      admin,
      { email: 'hal@coop.example', name: 'Hal Hacker', memberClass: 'hacker' },
      '10.0.1.3',
    );
    hacker = hal.client;
    halId = hal.personId;
    // Hal reads German: the mail to him is in German whatever language Rita writes in.
    expect((await hacker.patch(`/api/members/${halId}`, { locale: 'de' })).status).toBe(204);
    community = (
      await addMember(
        app,
        admin,
        { email: 'cam@coop.example', name: 'Cam Community', memberClass: 'community' },
        '10.0.1.4',
      )
    ).client;
    const tier = await admin.post<{ id: string }>('/api/tiers', {
      slug: 'gold',
      name: 'Gold',
      price: '30000.00',
      currency: 'EUR',
      periodMonths: 12,
      entitlements,
      serviceHoursPerMonth: 6,
    });
    const agreement = await admin.post<{ id: string }>('/api/agreements', {
      organizationId: acmeId,
      title: 'Acme gold',
      startsOn: '2027-01-01',
      termMonths: 12,
      lines: [{ tierId: tier.body.id }],
      billingContacts: [{ name: 'Acme AP', email: 'ap@acme.example' }],
      servingHackerIds: [halId],
    });
    expect(agreement.status).toBe(201);
    agreementId = agreement.body.id;
  });
  afterAll(async () => app?.stop());

  it('lets a representative open a request with an attachment, under the agreement in force', async () => {
    const opened = await acmeRep.post<{ id: string; number: number }>('/api/requests', {
      subject: 'TLS handshake fails after upgrade',
      details: 'Since 3.2 our **clients** fail with `EPROTO`.',
      severity: 'high',
      attachments: [
        {
          name: 'trace.log',
          contentType: 'text/plain',
          base64: Buffer.from('EPROTO at line 3\n').toString('base64'),
        },
        { name: 'screen.png', contentType: 'image/png', base64: png.toString('base64') },
      ],
    });
    expect(opened.status).toBe(201);
    expect(opened.body.number).toBe(1);
    acmeRequest = opened.body.id;
    const [event] = await events('sponsor-request.opened');
    expect(event).toMatchObject({
      subject_id: acmeRequest,
      data: { organizationId: acmeId, severity: 'high', agreementId },
    });
    const detail = await acmeRep.get<Detail>(`/api/requests/${acmeRequest}`);
    expect(detail.body).toMatchObject({ status: 'open', agreementId });
    expect(detail.body.attachments.map((a) => a.name)).toEqual(['screen.png', 'trace.log']);
    expect(detail.body.expertHours).toEqual({
      month: '2027-03',
      usedMinutes: 0,
      entitledMinutes: 240,
    });

    const file = await acmeRep.get(
      `/api/requests/${acmeRequest}/attachments/${detail.body.attachments[1]!.id}`,
    );
    expect(file.status).toBe(200);
    expect(file.headers['content-disposition']).toMatch(/^attachment; filename="trace.log"/);
    expect(file.body).toBe('EPROTO at line 3\n');

    // Globex has no agreement: its request records none.
    const globex = await globexRep.post<{ id: string }>('/api/requests', {
      subject: 'How do we configure pooling?',
      details: 'Question.',
      severity: 'low',
    });
    globexRequest = globex.body.id;
    const globexDetail = await globexRep.get<Detail>(`/api/requests/${globexRequest}`);
    expect(globexDetail.body.agreementId).toBeNull();
    expect(globexDetail.body.expertHours.entitledMinutes).toBeNull();
  });

  it('refuses attachments whose content is not their type, or too large', async () => {
    const fake = await acmeRep.post<{ errors: { pointer: string }[] }>('/api/requests', {
      subject: 'Fake image',
      details: 'x',
      severity: 'low',
      attachments: [
        {
          name: 'x.png',
          contentType: 'image/png',
          base64: Buffer.from('hello').toString('base64'),
        },
      ],
    });
    expect(fake.status).toBe(400);
    expect(fake.body.errors.map((e) => e.pointer)).toEqual(['/attachments/0/base64']);
    const big = await acmeRep.post('/api/requests', {
      subject: 'Big',
      details: 'x',
      severity: 'low',
      attachments: [
        {
          name: 'big.txt',
          contentType: 'text/plain',
          base64: Buffer.alloc(2 * 1024 * 1024 + 1, 'a').toString('base64'),
        },
      ],
    });
    expect(big.status).toBe(400);
    const wrong = await acmeRep.post('/api/requests', {
      subject: 'No',
      details: 'x',
      severity: 'urgent',
    });
    expect(wrong.status).toBe(400);
  });

  it('mails a new request to the hackers serving the sponsor, in their language', async () => {
    await app.drainJobs();
    const mails = await outbox();
    const hal = mails.filter((m) => m.to_address === 'hal@coop.example');
    expect(hal).toHaveLength(1);
    expect(hal[0]!.subject).toBe('[Anfrage 1] Acme GmbH: TLS handshake fails after upgrade');
    expect(hal[0]!.body).toContain('Dringlichkeit: hoch');
    expect(hal[0]!.body).toContain(`http://coop.test/requests/${acmeRequest}`);
    // Globex has no serving hackers: its request goes to the officers and administrators.
    expect(mails.some((m) => m.to_address === 'admin@example.org')).toBe(true);
    // Delivered again, mailed once.
    await app.drainJobs();
    expect(await outbox()).toHaveLength(mails.length);
  });

  it('records the co-op’s time against the month’s hours and mails the sponsor', async () => {
    const reply = await hacker.post<{ side: string }>(`/api/requests/${acmeRequest}/replies`, {
      body: 'Please send the output of `openssl s_client`.',
      minutesSpent: 90,
    });
    expect(reply.status).toBe(201);
    expect(reply.body.side).toBe('coop');
    expect(
      (
        await acmeRep.post(`/api/requests/${acmeRequest}/replies`, {
          body: 'x',
          minutesSpent: 5,
        })
      ).status,
    ).toBe(400);
    const list = await acmeRep.get<{
      requests: { id: string; minutesSpent: number }[];
      expertHours: { usedMinutes: number; entitledMinutes: number };
    }>('/api/requests');
    expect(list.body.requests.map((r) => r.id)).toEqual([acmeRequest]);
    expect(list.body.expertHours).toMatchObject({ usedMinutes: 90, entitledMinutes: 240 });
    const [replied] = await events('sponsor-request.replied');
    expect(replied!.data).toEqual({ organizationId: acmeId, side: 'coop', byPersonId: halId });
    await app.drainJobs();
    const toRita = (await outbox()).filter((m) => m.to_address === 'rita@acme.example');
    expect(toRita.map((m) => m.subject)).toEqual([
      '[Request 1] New reply: TLS handshake fails after upgrade',
    ]);
    expect(toRita[0]!.body).toContain('openssl s_client');

    // Next month starts from zero.
    clock.set('2027-04-02T08:00:00Z');
    const april = await acmeRep.get<Detail>(`/api/requests/${acmeRequest}`);
    expect(april.body.expertHours).toMatchObject({ month: '2027-04', usedMinutes: 0 });
    clock.set('2027-03-10T11:00:00Z');
  });

  it('waits on the sponsor, resumes on their reply, resolves and is reopened', async () => {
    expect(
      (await acmeRep.post(`/api/requests/${acmeRequest}/waiting`, { reason: 'mine' })).status,
    ).toBe(403);
    expect(
      (
        await hacker.post(`/api/requests/${acmeRequest}/waiting`, {
          reason: 'We need the handshake trace.',
        })
      ).status,
    ).toBe(204);
    expect((await acmeRep.get<Detail>(`/api/requests/${acmeRequest}`)).body.status).toBe(
      'waiting-on-sponsor',
    );
    await acmeRep.post(`/api/requests/${acmeRequest}/replies`, { body: 'Here it is.' });
    expect((await acmeRep.get<Detail>(`/api/requests/${acmeRequest}`)).body.status).toBe('open');
    await app.drainJobs();
    // The sponsor's reply goes to the hacker who answered, in German.
    const toHal = (await outbox()).filter((m) => m.to_address === 'hal@coop.example');
    expect(toHal.at(-1)!.subject).toBe(
      '[Anfrage 1] Neue Antwort: TLS handshake fails after upgrade',
    );

    expect((await acmeRep.post(`/api/requests/${acmeRequest}/resolve`, {})).status).toBe(403);
    expect(
      (await hacker.post(`/api/requests/${acmeRequest}/resolve`, { note: 'Fixed in 3.2.1.' }))
        .status,
    ).toBe(204);
    expect(
      (await acmeRep.post(`/api/requests/${acmeRequest}/replies`, { body: 'more' })).status,
    ).toBe(409);
    expect((await hacker.post(`/api/requests/${acmeRequest}/reopen`, {})).status).toBe(403);
    expect(
      (await acmeRep.post(`/api/requests/${acmeRequest}/reopen`, { note: 'Still fails.' })).status,
    ).toBe(204);
    const detail = await hacker.get<Detail>(`/api/requests/${acmeRequest}`);
    expect(detail.body.status).toBe('open');
    expect(detail.body.thread.map((e) => [e.kind, e.side])).toEqual([
      ['reply', 'coop'],
      ['waiting', 'coop'],
      ['reply', 'sponsor'],
      ['resolved', 'coop'],
      ['reopened', 'sponsor'],
    ]);
    expect((await events('sponsor-request.waiting-on-sponsor')).map((e) => e.data.reason)).toEqual([
      'We need the handshake trace.',
    ]);
    expect(await events('sponsor-request.resolved')).toHaveLength(1);
    expect(await events('sponsor-request.reopened')).toHaveLength(1);
  });

  it('shows hackers every request, filtered by organization and status', async () => {
    const all = await hacker.get<{ requests: { id: string }[]; expertHours: unknown }>(
      '/api/requests',
    );
    expect(all.body.requests.map((r) => r.id).sort()).toEqual([acmeRequest, globexRequest].sort());
    expect(all.body.expertHours).toBeNull();
    const globex = await hacker.get<{ requests: { id: string }[] }>(
      `/api/requests?organizationId=${globexId}&status=open`,
    );
    expect(globex.body.requests.map((r) => r.id)).toEqual([globexRequest]);
    expect((await community.get('/api/requests')).status).toBe(403);
    expect((await app.client('10.9.9.9').get('/api/requests')).status).toBe(401);
  });

  it('gives one sponsor nothing of another’s, on every route', async () => {
    const detail = await acmeRep.get<Detail>(`/api/requests/${acmeRequest}`);
    const attachmentId = detail.body.attachments[0]!.id;
    const tries: [TestClient, string, string][] = [
      [globexRep, acmeRequest, attachmentId],
      [acmeRep, globexRequest, attachmentId],
    ];
    for (const [who, id, file] of tries) {
      const responses = [
        await who.get(`/api/requests/${id}`),
        await who.get(`/api/requests/${id}/attachments/${file}`),
        await who.post(`/api/requests/${id}/replies`, { body: 'peek' }),
        await who.post(`/api/requests/${id}/waiting`, { reason: 'peek peek' }),
        await who.post(`/api/requests/${id}/resolve`, {}),
        await who.post(`/api/requests/${id}/reopen`, {}),
        await who.get(`/api/requests?organizationId=${who === acmeRep ? globexId : acmeId}`),
      ];
      for (const response of responses) {
        expect([403, 404]).toContain(response.status);
        expect(JSON.stringify(response.body)).not.toMatch(/TLS|pooling|EPROTO/);
      }
    }
    const own = await globexRep.get<{ requests: { id: string }[] }>('/api/requests');
    expect(own.body.requests.map((r) => r.id)).toEqual([globexRequest]);
    // Nothing was written by the attempts.
    expect(await events('sponsor-request.replied')).toHaveLength(2);
  });

  it('asks hackers to answer what waits on the co-op, and a sponsor what waits on them', async () => {
    interface Todo {
      items: { kind: string; title: string; detail: string; href: string }[];
    }
    const item = async (who: TestClient, kind: string) =>
      (await who.get<Todo>('/api/todo')).body.items.find((i) => i.kind === kind);
    // Acme's was reopened by Rita, Globex's never answered: both wait on the co-op (Hal reads
    // German).
    expect(await item(hacker, 'answer-requests')).toMatchObject({
      title: 'Beantworte 2 Anfragen von Sponsoren',
      href: '/requests?status=open',
    });
    expect(await item(acmeRep, 'answer-requests')).toBeUndefined();
    expect(await item(community, 'answer-requests')).toBeUndefined();
    await hacker.post(`/api/requests/${globexRequest}/replies`, {
      body: 'Which version?',
      minutesSpent: 10,
    });
    // The co-op had the last word on Globex's: one left.
    expect((await item(hacker, 'answer-requests'))?.title).toBe(
      'Beantworte 1 Anfrage eines Sponsors',
    );
    const list = await hacker.get<{
      requests: { id: string; lastReplySide: string | null; lastReplyAt: string | null }[];
    }>('/api/requests');
    expect(list.body.requests.find((r) => r.id === globexRequest)).toMatchObject({
      lastReplySide: 'coop',
      lastReplyAt: '2027-03-10T11:00:00.000Z',
    });
    expect(await item(globexRep, 'reply-to-requests')).toBeUndefined();
    await hacker.post(`/api/requests/${globexRequest}/waiting`, { reason: 'Tell us the version.' });
    expect(await item(globexRep, 'reply-to-requests')).toMatchObject({
      title: '1 request of your organization waits for your answer',
      href: '/requests?status=waiting-on-sponsor',
    });
    expect(await item(acmeRep, 'reply-to-requests')).toBeUndefined();
    expect(await item(hacker, 'answer-requests')).toMatchObject({
      detail: 'Offen und wartet auf die Antwort der Genossenschaft, die älteste seit 10.03.2027.',
    });
  });
});
