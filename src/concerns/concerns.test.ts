import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../platform/actor.ts';
import { manualClock } from '../platform/clock.ts';
import { runCommand } from '../platform/commands.ts';
import { mailConsultation } from './commands/mailConsultation.ts';
import { queryRows } from '../platform/db/rows.ts';
import {
  addMember,
  adminCredentials,
  setUpCoop,
  startTestApp,
  type TestApp,
  type TestClient,
} from '../testing/testApp.ts';
import { signRetainers } from '../testing/retainers.ts';

interface Consultation {
  id: string;
  subjectTitle: string;
  answerBy: string;
  overdue: boolean;
  sponsors: {
    organizationName: string;
    answered: boolean;
    overdue: boolean;
    objected: boolean;
    mailedTo: number;
  }[];
  answers: {
    organizationName: string;
    personName: string | null;
    kind: string;
    comment: string;
    via: string;
  }[];
}
interface ItemView {
  subject: { title: string };
  topics: string[];
  sponsorsToConsult: { organizationName: string; sharedTopics: string[] }[];
  consultations: Consultation[];
}

describe('reciprocal access: concerns and consultations', () => {
  const clock = manualClock('2027-03-01T09:00:00Z');
  let app: TestApp;
  let admin: TestClient;
  let hacker: TestClient;
  let acme: string;
  let globex: string;
  let initech: string;
  let rita: Awaited<ReturnType<typeof addMember>>;
  let gus: Awaited<ReturnType<typeof addMember>>;
  let item: string;
  let poll: string;
  let consultation: string;
  let coopId: string;

  const outbox = () =>
    queryRows<{ to_address: string; subject: string; body: string }>(
      app.database.db,
      sql`select to_address, subject, body from outbox where kind = 'consultation' order by to_address`,
    );

  beforeAll(async () => {
    app = await startTestApp({}, { clock });
    admin = await setUpCoop(app);
    coopId = (await admin.get<{ coop: { id: string } }>('/api/session')).body.coop.id;
    acme = (await admin.post<{ id: string }>('/api/organizations', { legalName: 'ACME Ltd' })).body
      .id;
    globex = (await admin.post<{ id: string }>('/api/organizations', { legalName: 'Globex GmbH' }))
      .body.id;
    initech = (await admin.post<{ id: string }>('/api/organizations', { legalName: 'Initech' }))
      .body.id;
    // ACME and Globex are on a tier with reciprocal access; Initech's tier lacks it.
    await signRetainers(admin, [acme, globex], {
      slug: 'gold',
      reciprocalAccess: true,
      startsOn: '2027-01-01',
    });
    await signRetainers(admin, [initech], {
      slug: 'silver',
      reciprocalAccess: false,
      startsOn: '2027-01-01',
    });
    rita = await addMember(
      app,
      admin,
      { email: 'rita@acme.example', name: 'Rita', memberClass: 'sponsor', organizationId: acme },
      '10.40.0.1',
    );
    gus = await addMember(
      app,
      admin,
      { email: 'gus@globex.example', name: 'Gus', memberClass: 'sponsor', organizationId: globex },
      '10.40.0.2',
    );
    expect((await gus.client.patch(`/api/members/${gus.personId}`, { locale: 'de' })).status).toBe(
      204,
    );
    hacker = (
      await addMember(
        app,
        admin,
        { email: 'hal@example.org', name: 'Hal', memberClass: 'hacker' },
        '10.40.0.3',
      )
    ).client;
    item = (
      await hacker.post<{ id: string }>('/api/work-items', {
        title: 'Drop TLS 1.1',
        kind: 'feature',
        originClass: 'hackers',
        estimateHours: 10,
      })
    ).body.id;
    const proposal = await admin.post<{ id: string }>('/api/proposals', {
      title: 'Move the API to v2',
      method: 'yes-no',
      opensAt: '2027-03-01T10:00:00Z',
      closesAt: '2027-03-20T10:00:00Z',
    });
    expect(proposal.status).toBe(201);
    poll = proposal.body.id;
  });
  afterAll(() => app.stop());

  it('a sponsor records its own concerns, naming whom to ask among its contacts', async () => {
    const bad = await rita.client.post(`/api/organizations/${acme}/concerns`, {
      topics: ['TLS', 'not a slug!'],
      contactIds: [gus.personId],
    });
    expect(bad.status).toBe(400);
    expect((bad.body.errors as { pointer: string }[]).map((e) => e.pointer)).toEqual([
      '/body/topics/1',
    ]);
    const stranger = await rita.client.post(`/api/organizations/${acme}/concerns`, {
      topics: ['tls'],
      contactIds: [gus.personId],
    });
    expect(stranger.status).toBe(400);
    expect((stranger.body.errors as { pointer: string }[])[0]!.pointer).toBe('/contactIds/0');
    expect(
      (
        await rita.client.post(`/api/organizations/${acme}/concerns`, {
          topics: ['TLS', 'packaging', 'tls'],
          systems: 'RHEL 8 with OpenSSL 1.1',
          constraints: 'No breaking change during the December freeze',
          contactIds: [rita.personId],
        })
      ).status,
    ).toBe(204);
    const own = await rita.client.get<{ topics: string[]; contacts: { toAsk: boolean }[] }>(
      `/api/organizations/${acme}/concerns`,
    );
    expect(own.body.topics).toEqual(['tls', 'packaging']);
    expect(own.body.contacts).toEqual([
      expect.objectContaining({ displayName: 'Rita', toAsk: true }),
    ]);
    expect(
      (await gus.client.post(`/api/organizations/${globex}/concerns`, { topics: ['tls', 'api'] }))
        .status,
    ).toBe(204);
    // A sponsor whose tier lacks reciprocal access still tells the co-op what it depends on.
    expect(
      (await admin.post(`/api/organizations/${initech}/concerns`, { topics: ['tls'] })).status,
    ).toBe(204);
    const all = await hacker.get<{
      concerns: { organizationName: string; toAsk: string[]; reciprocalAccess: boolean }[];
    }>('/api/concerns');
    expect(all.body.concerns.map((c) => [c.organizationName, c.toAsk, c.reciprocalAccess])).toEqual(
      [
        ['ACME Ltd', ['Rita'], true],
        ['Globex GmbH', [], true],
        ['Initech', [], false],
      ],
    );
    const initechOwn = await admin.get<{ topics: string[]; reciprocalAccess: boolean }>(
      `/api/organizations/${initech}/concerns`,
    );
    expect([initechOwn.body.topics, initechOwn.body.reciprocalAccess]).toEqual([['tls'], false]);
    expect(
      (await rita.client.get<{ reciprocalAccess: boolean }>(`/api/organizations/${acme}/concerns`))
        .body.reciprocalAccess,
    ).toBe(true);
  });

  it('lists the sponsors to consult from the topics an item shares with their concerns', async () => {
    expect(
      (await rita.client.post(`/api/items/work-item/${item}/topics`, { topics: ['tls'] })).status,
    ).toBe(403);
    expect(
      (await hacker.post(`/api/items/work-item/${item}/topics`, { topics: ['tls'] })).status,
    ).toBe(204);
    expect((await admin.post(`/api/items/poll/${poll}/topics`, { topics: ['api'] })).status).toBe(
      204,
    );
    const view = await hacker.get<ItemView>(`/api/items/work-item/${item}/consultations`);
    expect(view.body.subject.title).toBe('Drop TLS 1.1');
    // Initech shares `tls` too, but its tier does not include reciprocal access.
    expect(view.body.sponsorsToConsult).toEqual([
      { organizationId: acme, organizationName: 'ACME Ltd', sharedTopics: ['tls'] },
      { organizationId: globex, organizationName: 'Globex GmbH', sharedTopics: ['tls'] },
    ]);
    const pollView = await hacker.get<ItemView>(`/api/items/poll/${poll}/consultations`);
    expect(pollView.body.sponsorsToConsult.map((s) => s.organizationName)).toEqual(['Globex GmbH']);
    // A sponsor sees only itself among the sponsors an item touches.
    const ritaView = await rita.client.get<ItemView>(`/api/items/work-item/${item}/consultations`);
    expect(ritaView.body.sponsorsToConsult.map((s) => s.organizationName)).toEqual(['ACME Ltd']);
    expect((await hacker.get(`/api/items/work-item/${poll}/consultations`)).status).toBe(404);
  });

  it('opens a consultation, and the dispatcher mails each contact in their language, once', async () => {
    const past = await hacker.post(`/api/items/work-item/${item}/consultations`, {
      whatChanges: 'TLS 1.1 connections will be refused.',
      answerBy: '2027-02-01',
    });
    expect(past.status).toBe(400);
    const opened = await hacker.post<{ id: string; organizations: number }>(
      `/api/items/work-item/${item}/consultations`,
      { whatChanges: 'TLS 1.1 connections will be refused.', answerBy: '2027-03-15' },
    );
    expect(opened.status).toBe(201);
    expect(opened.body.organizations).toBe(2);
    consultation = opened.body.id;
    expect(await outbox()).toEqual([]);
    await app.drainJobs();
    await app.drainJobs();
    // A repeated delivery of the event mails no one twice.
    const again = await runCommand(
      mailConsultation,
      { consultationId: consultation },
      { db: app.database.db, actor: systemActor(coopId), publicUrl: 'http://coop.test' },
    );
    expect(again).toEqual({ mailed: 0 });
    const mails = await outbox();
    expect(mails.map((m) => m.to_address)).toEqual(['gus@globex.example', 'rita@acme.example']);
    expect(mails[0]!.subject).toContain('Ihre Einschätzung');
    expect(mails[1]!.subject).toBe('Your view wanted by 15 Mar 2027: Drop TLS 1.1');
    expect(mails[1]!.body).toContain('TLS 1.1 connections will be refused.');
    expect(mails[1]!.body).toMatch(/http:\/\/coop\.test\/consultation\/[\w-]{40,}/);
    const events = await queryRows<{ data: string }>(
      app.database.db,
      sql`select data::text from events where type like 'consultation.%'`,
    );
    const token = mails[1]!.body.match(/consultation\/([\w-]+)/)![1]!;
    expect(JSON.stringify(events)).not.toContain(token);
  });

  it('takes answers from the portal and from the mailed link, and keeps them all', async () => {
    const rows = await outbox();
    const gusToken = rows[0]!.body.match(/consultation\/([\w-]+)/)![1]!;
    const ritaToken = rows[1]!.body.match(/consultation\/([\w-]+)/)![1]!;
    const anonymous = app.client('10.40.9.9');
    const byLink = await anonymous.get<Consultation>(`/api/consultation-links/${gusToken}`);
    expect(byLink.status).toBe(200);
    expect(byLink.body.sponsors.map((s) => s.organizationName)).toEqual(['Globex GmbH']);
    const empty = await anonymous.post(`/api/consultation-links/${gusToken}/answers`, {
      kind: 'object',
    });
    expect(empty.status).toBe(400);
    expect(
      (
        await anonymous.post(`/api/consultation-links/${gusToken}/answers`, {
          kind: 'object',
          comment: 'Our point-of-sale terminals speak only TLS 1.1 until June.',
        })
      ).status,
    ).toBe(201);
    expect(
      (
        await anonymous.post(`/api/consultation-links/${'x'.repeat(43)}/answers`, {
          kind: 'acknowledge',
        })
      ).status,
    ).toBe(404);
    expect(
      (
        await rita.client.post(`/api/consultations/${consultation}/answers`, {
          kind: 'acknowledge',
        })
      ).status,
    ).toBe(201);
    expect(
      (
        await anonymous.post(`/api/consultation-links/${ritaToken}/answers`, {
          kind: 'comment',
          comment: 'Fine by us after March.',
        })
      ).status,
    ).toBe(201);
    const view = await admin.get<ItemView>(`/api/items/work-item/${item}/consultations`);
    const [c] = view.body.consultations;
    expect(c!.answers.map((a) => [a.organizationName, a.personName, a.kind, a.via])).toEqual([
      ['Globex GmbH', 'Gus', 'object', 'link'],
      ['ACME Ltd', 'Rita', 'acknowledge', 'portal'],
      ['ACME Ltd', 'Rita', 'comment', 'link'],
    ]);
    expect(
      c!.sponsors.map((s) => [s.organizationName, s.mailedTo, s.answered, s.objected]),
    ).toEqual([
      ['ACME Ltd', 1, true, false],
      ['Globex GmbH', 1, true, true],
    ]);
    // Rita reads her own organization's answers, never Globex's objection.
    const ritaView = await rita.client.get<ItemView>(`/api/items/work-item/${item}/consultations`);
    expect(ritaView.body.consultations[0]!.answers.map((a) => a.organizationName)).toEqual([
      'ACME Ltd',
      'ACME Ltd',
    ]);
    const refused = await app.database.db.execute(sql`delete from consultation_answers`).then(
      () => 'deleted',
      (error: Error) => String(error.cause ?? error),
    );
    expect(refused).toMatch(/kept as given/);
  });

  it('flags a sponsor that has not answered once the day wanted has passed', async () => {
    clock.set('2027-03-02T09:00:00Z');
    await admin.signIn(adminCredentials.email, { password: adminCredentials.password });
    const opened = await admin.post<{ id: string }>(`/api/items/poll/${poll}/consultations`, {
      whatChanges: 'The v1 endpoints go away.',
      answerBy: '2027-03-05',
    });
    expect(opened.status).toBe(201);
    await app.drainJobs();
    let list = await admin.get<{ consultations: Consultation[] }>('/api/consultations');
    expect(list.body.consultations.find((c) => c.id === opened.body.id)!.overdue).toBe(false);
    clock.set('2027-03-06T09:00:00Z');
    await admin.signIn(adminCredentials.email, { password: adminCredentials.password });
    list = await admin.get<{ consultations: Consultation[] }>('/api/consultations');
    const late = list.body.consultations.find((c) => c.id === opened.body.id)!;
    expect(late.overdue).toBe(true);
    expect(late.sponsors).toEqual([
      expect.objectContaining({ organizationName: 'Globex GmbH', overdue: true }),
    ]);
    // The first consultation was answered by everyone: nothing overdue there.
    expect(list.body.consultations.find((c) => c.id === consultation)!.overdue).toBe(false);
    await gus.client.signIn('gus@globex.example', { password: 'member password 1' });
    const inbox = await gus.client.get<{ consultations: Consultation[] }>('/api/consultations');
    expect(inbox.body.consultations.map((c) => c.subjectTitle)).toEqual([
      'Move the API to v2',
      'Drop TLS 1.1',
    ]);
    await rita.client.signIn('rita@acme.example', { password: 'member password 1' });
    const ritaInbox = await rita.client.get<{ consultations: Consultation[] }>(
      '/api/consultations',
    );
    expect(ritaInbox.body.consultations.map((c) => c.subjectTitle)).toEqual(['Drop TLS 1.1']);
  });

  it('keeps each sponsor out of the other’s concerns and consultations, on every route', async () => {
    const forbidden = [
      ['GET', `/api/organizations/${globex}/concerns`, undefined],
      ['POST', `/api/organizations/${globex}/concerns`, { topics: ['x'] }],
      ['GET', '/api/concerns', undefined],
      ['POST', `/api/items/work-item/${item}/topics`, { topics: ['x'] }],
      [
        'POST',
        `/api/items/work-item/${item}/consultations`,
        { whatChanges: 'abc', answerBy: '2027-12-01' },
      ],
    ] as const;
    for (const [rep, other] of [
      [rita, globex],
      [gus, acme],
    ] as const) {
      for (const [method, url, body] of forbidden) {
        const target = url.replace(globex, other);
        const response = await rep.client.request(method, target, body);
        expect([method, target, response.status]).toEqual([method, target, 403]);
      }
    }
    // Globex alone was asked about the poll: Rita may not answer it.
    const pollConsultation = (
      await admin.get<{ consultations: (Consultation & { subjectId: string })[] }>(
        '/api/consultations',
      )
    ).body.consultations.find((c) => c.subjectId === poll)!;
    const refused = await rita.client.post(`/api/consultations/${pollConsultation.id}/answers`, {
      kind: 'acknowledge',
    });
    expect(refused.status).toBe(403);
    const pollView = await rita.client.get<ItemView>(`/api/items/poll/${poll}/consultations`);
    expect(pollView.body).toMatchObject({ sponsorsToConsult: [], consultations: [] });
    const community = await addMember(
      app,
      admin,
      { email: 'cee@example.org', name: 'Cee', memberClass: 'community' },
      '10.40.0.9',
    );
    expect((await community.client.get('/api/consultations')).status).toBe(403);
    expect((await community.client.get(`/api/items/poll/${poll}/consultations`)).status).toBe(403);
  });

  it('records every step as an event', async () => {
    const types = await queryRows<{ type: string; n: number }>(
      app.database.db,
      sql`select type, count(*)::int as n from events
          where type like 'concerns.%' or type like 'consultation.%' group by type order by type`,
    );
    expect(types).toEqual([
      { type: 'concerns.item-topics-set', n: 2 },
      { type: 'concerns.recorded', n: 3 },
      { type: 'consultation.answered', n: 3 },
      { type: 'consultation.mailed', n: 3 },
      { type: 'consultation.opened', n: 2 },
    ]);
  });
});
