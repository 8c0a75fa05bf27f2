import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../platform/actor.ts';
import { manualClock } from '../platform/clock.ts';
import { runCommand } from '../platform/commands.ts';
import {
  addMember,
  setUpCoop,
  startTestApp,
  type TestApp,
  type TestClient,
} from '../testing/testApp.ts';
import { sendDigests } from './commands.ts';
import { nextDigestAt } from './jobs.ts';

interface Todo {
  items: { kind: string; title: string; detail: string; href: string; dueAt: string | null }[];
  weeklyDigest: boolean;
}

describe('what the co-op waits for from each member', () => {
  const clock = manualClock('2026-12-07T09:00:00Z');
  let app: TestApp;
  let admin: TestClient;
  let coopId: string;
  let hacker: Awaited<ReturnType<typeof addMember>>;
  let sponsor: Awaited<ReturnType<typeof addMember>>;
  let commoner: Awaited<ReturnType<typeof addMember>>;
  let pollId: string;
  let cycleId: string;
  const todo = async (client: TestClient) => (await client.get<Todo>('/api/todo')).body;
  const kinds = async (client: TestClient) => (await todo(client)).items.map((i) => i.kind);

  beforeAll(async () => {
    app = await startTestApp({}, { clock });
    admin = await setUpCoop(app);
    coopId = (await admin.get<{ coop: { id: string } }>('/api/session')).body.coop.id;
    const org = (await admin.post<{ id: string }>('/api/organizations', { legalName: 'Acme' })).body
      .id;
    hacker = await addMember(app, admin, {
      email: 'h@x.org',
      name: 'Hanna',
      memberClass: 'hacker',
    });
    sponsor = await addMember(
      app,
      admin,
      { email: 's@acme.example', name: 'Sam', memberClass: 'sponsor', organizationId: org },
      '10.0.1.2',
    );
    commoner = await addMember(
      app,
      admin,
      { email: 'c@x.org', name: 'Cleo', memberClass: 'community' },
      '10.0.1.3',
    );
  });
  afterAll(() => app.stop());

  it('lists an open vote for its electorate until they cast it, deadline first', async () => {
    const poll = await admin.post<{ id: string }>('/api/proposals', {
      title: 'Adopt a code of conduct',
      method: 'yes-no',
      opensAt: '2026-12-07T08:00:00Z',
      closesAt: '2026-12-20T08:00:00Z',
    });
    expect(poll.status, JSON.stringify(poll.body)).toBe(201);
    pollId = poll.body.id;
    expect((await admin.post(`/api/polls/${pollId}/open`)).status).toBe(204);
    const mine = await todo(commoner.client);
    expect(mine.items).toEqual([
      {
        kind: 'vote',
        title: 'Vote on “Adopt a code of conduct”',
        detail: 'You have not voted yet.',
        href: `/votes/${pollId}`,
        dueAt: '2026-12-20T08:00:00.000Z',
      },
    ]);
    expect(mine.weeklyDigest).toBe(true);
    expect(await kinds(sponsor.client)).toEqual(['vote']);
    const voted = await commoner.client.post(`/api/polls/${pollId}/votes`, {
      content: { choice: 'yes' },
    });
    expect(voted.status).toBe(200);
    expect(await kinds(commoner.client)).toEqual([]);
    expect(await kinds(hacker.client)).toEqual(['vote']);
    // The list of votes says, to each reader, whether they voted.
    const youVoted = async (client: TestClient) =>
      (
        await client.get<{ polls: { id: string; youVoted: boolean }[] }>('/api/polls')
      ).body.polls.find((p) => p.id === pollId)!.youVoted;
    expect(await youVoted(commoner.client)).toBe(true);
    expect(await youVoted(hacker.client)).toBe(false);
  });

  it('asks each class for its part of a cycle in voting', async () => {
    const cycle = await admin.post<{ id: string }>('/api/cycles', {
      title: '2027 Q1',
      votingOpensAt: '2026-12-10T00:00:00Z',
      votingClosesAt: '2026-12-18T00:00:00Z',
      startsOn: '2027-01-01',
      surveyMethod: 'approval',
    });
    expect(cycle.status).toBe(201);
    cycleId = cycle.body.id;
    // While proposals are open, hackers are asked for their hours.
    expect(await kinds(hacker.client)).toEqual(['availability', 'vote']);
    const given = await hacker.client.post(
      `/api/cycles/${cycleId}/availability/${hacker.personId}`,
      {
        hours: 40,
      },
    );
    expect(given.status, JSON.stringify(given.body)).toBeLessThan(300);
    expect(await kinds(hacker.client)).toEqual(['vote']);
    expect((await admin.post(`/api/cycles/${cycleId}/advance`, { from: 'proposing' })).status).toBe(
      200,
    );
    expect(await kinds(sponsor.client)).toEqual(['sponsor-points', 'vote']);
    expect(await kinds(commoner.client)).toEqual(['survey']);
    const hackerItems = (await todo(hacker.client)).items;
    expect(hackerItems.map((i) => [i.kind, i.dueAt])).toEqual([
      ['declarations', '2026-12-18T00:00:00.000Z'],
      ['vote', '2026-12-20T08:00:00.000Z'],
    ]);
    expect(hackerItems[0]!.href).toBe(`/cycles/${cycleId}`);
    // The list of cycles says, to each reader, whether their part waits.
    const yourPart = async (client: TestClient) =>
      (
        await client.get<{ cycles: { id: string; yourPart: string | null }[] }>('/api/cycles')
      ).body.cycles.find((c) => c.id === cycleId)!.yourPart;
    expect(await yourPart(commoner.client)).toBe('waiting');
    expect(await yourPart(sponsor.client)).toBe('waiting');
  });

  it('mails the list once a week to whoever has something waiting, unless they opted out', async () => {
    expect(nextDigestAt(new Date('2026-12-07T06:59:00Z')).toISOString()).toBe(
      '2026-12-07T07:00:00.000Z',
    );
    expect(nextDigestAt(new Date('2026-12-07T09:00:00Z')).toISOString()).toBe(
      '2026-12-14T07:00:00.000Z',
    );
    expect(nextDigestAt(new Date('2026-12-13T23:00:00Z')).toISOString()).toBe(
      '2026-12-14T07:00:00.000Z',
    );

    const off = await commoner.client.post<{ weekly: boolean }>('/api/todo/digest', {
      weekly: false,
    });
    expect(off.status).toBe(200);
    expect((await todo(commoner.client)).weeklyDigest).toBe(false);
    const bad = await commoner.client.post<{ errors: { pointer: string }[] }>('/api/todo/digest', {
      weekly: 'no',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e) => e.pointer)).toEqual(['/body/weekly']);

    const sent = await runCommand(
      sendDigests,
      { week: '2026-12-14' },
      { db: app.database.db, actor: systemActor(coopId), publicUrl: 'https://coop.test', clock },
    );
    const outbox = (
      await admin.get<{
        messages: { kind: string; toAddress: string; subject: string; body: string }[];
      }>('/api/outbox')
    ).body.messages.filter((m) => m.kind === 'weekly-digest');
    // Cleo opted out; the administrator (a hacker) has their own items.
    expect(outbox.map((m) => m.toAddress).sort()).toEqual(
      ['admin@example.org', 'h@x.org', 's@acme.example'].sort(),
    );
    expect(sent).toEqual({ recipients: 3 });
    const hannas = outbox.find((m) => m.toAddress === 'h@x.org')!;
    expect(hannas.subject).toBe('2 things wait for you this week');
    expect(hannas.body).toContain(
      `- Declare your hackers’ hours in “2027 Q1” (by 18 Dec 2026, 00:00 UTC)\n  Say which items your share of the hacker slice goes to.\n  https://coop.test/cycles/${cycleId}`,
    );
    expect(hannas.body).toContain('Switch it off on your profile: https://coop.test/members/me');

    expect((await app.client('10.9.9.9').get('/api/todo')).status).toBe(401);
  });

  it('speaks each member’s language: the items and the digest in German', async () => {
    expect(
      (await sponsor.client.patch(`/api/members/${sponsor.personId}`, { locale: 'de' })).status,
    ).toBe(204);
    const items = (await todo(sponsor.client)).items;
    expect(items.map((i) => [i.title, i.detail])).toEqual([
      [
        'Verteile die Punkte deiner Organisation in „2027 Q1“',
        'Die Sponsoren bestimmen ihr Stück des Plans mit 100 Punkten.',
      ],
      ['Stimme ab über „Adopt a code of conduct“', 'Du hast noch nicht abgestimmt.'],
    ]);
    // The English reader's words do not change with someone else's choice.
    expect((await todo(hacker.client)).items[0]!.title).toBe(
      'Declare your hackers’ hours in “2027 Q1”',
    );

    await runCommand(
      sendDigests,
      { week: '2026-12-21' },
      { db: app.database.db, actor: systemActor(coopId), publicUrl: 'https://coop.test', clock },
    );
    const digests = (
      await admin.get<{
        messages: { kind: string; toAddress: string; subject: string; body: string }[];
      }>('/api/outbox')
    ).body.messages.filter((m) => m.kind === 'weekly-digest' && m.toAddress === 's@acme.example');
    const german = digests.find((m) => m.subject.startsWith('Diese Woche'))!;
    expect(german.subject).toBe('Diese Woche warten 2 Dinge auf dich');
    expect(german.body).toContain('Hallo Sam,');
    expect(german.body).toContain(
      '- Verteile die Punkte deiner Organisation in „2027 Q1“ (bis 18.12.2026, 00:00 UTC)',
    );
    expect(german.body).toContain('Abschalten kannst du sie in deinem Profil');
  });
});
