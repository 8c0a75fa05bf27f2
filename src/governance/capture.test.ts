import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BylawsDocument } from '../bylaws/document.ts';
import { manualClock } from '../platform/clock.ts';
import {
  addMember,
  setUpCoop,
  startTestApp,
  type TestApp,
  type TestClient,
} from '../testing/testApp.ts';

type Member = Awaited<ReturnType<typeof addMember>>;
interface Problem {
  detail: string;
  errors: { pointer: string; message: string }[];
}
interface PollPage {
  poll: {
    threshold: string;
    quorumPercent: number;
    electorate: string[];
    inEachClass: boolean;
    status: string;
    result: { passed: boolean; quorumMet: boolean; explanation: string[] } | null;
  };
}

const day = 86_400_000;

// The capture the hostile review found: a chief economist put a bylaws amendment to a simple
// majority, no quorum and the hackers alone, voted alone, closed early, and the pie went from
// 40/30/30 to 10/10/80. The bylaws now bind every decision about themselves.
describe('no one officer captures the co-op through a poll', () => {
  const clock = manualClock('2031-03-02T09:00:00Z');
  let app: TestApp;
  let admin: TestClient;
  let economist: Member;
  let hackers: Member[];
  let community: Member[];
  let sponsor: Member;
  let bylaws: BylawsDocument;
  const capture = () => ({ ...bylaws, pie: { sponsors: 10, community: 10, hackers: 80 } });
  const at = (offset: number) => new Date(clock.now().getTime() + offset).toISOString();

  beforeAll(async () => {
    app = await startTestApp({}, { clock });
    admin = await setUpCoop(app);
    const org = (await admin.post<{ id: string }>('/api/organizations', { legalName: 'Payer Inc' }))
      .body.id;
    const member = (
      name: string,
      memberClass: 'hacker' | 'community' | 'sponsor',
      ip: string,
      extra = {},
    ) =>
      addMember(
        app,
        admin,
        { email: `${name.toLowerCase()}@example.org`, name, memberClass, ...extra },
        ip,
      );
    economist = await member('Eco', 'hacker', '10.71.0.1');
    expect(
      (
        await admin.post(`/api/members/${economist.personId}/officer-terms`, {
          role: 'chief-economist',
        })
      ).status,
    ).toBe(201);
    hackers = [
      await member('Hana', 'hacker', '10.71.0.2'),
      await member('Hugh', 'hacker', '10.71.0.3'),
    ];
    community = [
      await member('Cleo', 'community', '10.71.0.4'),
      await member('Cyd', 'community', '10.71.0.5'),
    ];
    sponsor = await member('Spon', 'sponsor', '10.71.0.6', { organizationId: org });
    bylaws = (await admin.get<{ document: BylawsDocument }>('/api/bylaws')).body.document;
  });
  afterAll(() => app.stop());

  const propose = (overrides: Record<string, unknown>) =>
    economist.client.post<Problem & { id: string }>('/api/proposals', {
      title: 'Rebalance the pie',
      method: 'yes-no',
      bylawsDocument: capture(),
      opensAt: at(0),
      closesAt: at(15 * day),
      ...overrides,
    });
  const vote = (m: Member | { client: TestClient }, id: string, choice: string) =>
    m.client.post(`/api/polls/${id}/votes`, { content: { choice } });
  const page = async (id: string) => (await admin.get<PollPage>(`/api/polls/${id}`)).body;

  it('refuses a poll looser than the bylaws, naming each field', async () => {
    const loose = await propose({
      threshold: 'simple',
      quorumPercent: 0,
      electorate: ['hacker'],
      closesAt: at(3600_000),
    });
    expect(loose.status).toBe(400);
    expect(loose.body.errors.map((e) => e.pointer).sort()).toEqual([
      '/closesAt',
      '/electorate',
      '/quorumPercent',
      '/threshold',
    ]);
    expect(loose.body.errors.find((e) => e.pointer === '/threshold')!.message).toBe(
      'the bylaws require two thirds for a bylaw amendment that changes the pie shares',
    );
    expect(loose.body.errors.find((e) => e.pointer === '/closesAt')!.message).toMatch(
      /open at least 14 days/,
    );
    // A general question is no way round: it cannot carry a bylaws document of its own rules.
    const classCount = await propose({ classBalanced: true });
    expect(classCount.status).toBe(400);
    expect(classCount.body.errors.map((e) => e.pointer)).toEqual(['/classBalanced']);
  });

  it('puts an entrenched change to every class, each to reach two thirds, and closes it only at its time', async () => {
    const created = await propose({ threshold: 'three-quarters', quorumPercent: 50 });
    expect(created.status).toBe(201);
    const id = created.body.id;
    // The co-op's clock is years ahead of the job queue's: open by hand.
    expect((await economist.client.post(`/api/polls/${id}/open`)).status).toBe(204);
    // Stricter than the bylaws is allowed: the proposer's three quarters and 50% stand.
    expect((await page(id)).poll).toMatchObject({
      threshold: 'three-quarters',
      quorumPercent: 50,
      electorate: [],
      inEachClass: true,
      status: 'open',
    });
    expect((await vote(economist, id, 'yes')).status).toBe(200);
    const early = await economist.client.post<Problem>(`/api/polls/${id}/close`);
    expect(early.status).toBe(409);
    expect(early.body.detail).toMatch(/could change the outcome/);

    // Hackers and community say yes, the one sponsor no: a class has not consented.
    for (const m of [...hackers, ...community]) await vote(m, id, 'yes');
    await vote(sponsor, id, 'no');
    await vote({ client: admin }, id, 'yes');
    // Every member has voted: nothing can change any more, so it closes now.
    expect((await economist.client.post(`/api/polls/${id}/close`)).status).toBe(204);
    const result = (await page(id)).poll.result!;
    expect(result.passed).toBe(false);
    expect(result.explanation).toContain(
      'A three-quarters majority is needed in each class (community, hacker, sponsor): not reached in sponsor.',
    );
    const inForce = (await admin.get<{ document: BylawsDocument }>('/api/bylaws')).body.document;
    expect(inForce.pie).toEqual({ sponsors: 40, community: 30, hackers: 30 });
  });

  it('counts the officer who votes alone at the close: no quorum, nothing adopted', async () => {
    const created = await propose({});
    const id = created.body.id;
    await economist.client.post(`/api/polls/${id}/open`);
    await vote(economist, id, 'yes');
    clock.advance(15 * day + 1000);
    expect((await economist.client.post(`/api/polls/${id}/close`)).status).toBe(204);
    expect((await page(id)).poll.result).toMatchObject({ passed: false, quorumMet: false });
    const inForce = (await admin.get<{ document: BylawsDocument }>('/api/bylaws')).body.document;
    expect(inForce.pie).toEqual({ sponsors: 40, community: 30, hackers: 30 });
  });

  it('closes a general question early once the votes to come cannot change it', async () => {
    const created = await economist.client.post<{ id: string }>('/api/proposals', {
      title: 'Hold the meeting online',
      method: 'yes-no',
      opensAt: at(0),
      closesAt: at(8 * day),
    });
    expect(created.status).toBe(201);
    const id = created.body.id;
    await economist.client.post(`/api/polls/${id}/open`);
    // Seven members: three yes against at most four no can still lose...
    for (const m of [economist, ...hackers]) await vote(m, id, 'yes');
    expect((await economist.client.post(`/api/polls/${id}/close`)).status).toBe(409);
    // ...four yes against at most three no cannot.
    await vote(community[0]!, id, 'yes');
    expect((await economist.client.post(`/api/polls/${id}/close`)).status).toBe(204);
    expect((await page(id)).poll.result!.passed).toBe(true);
  });

  it('keeps elections secret where the bylaws say so', async () => {
    const open = await economist.client.post<Problem>('/api/elections', {
      officeRole: 'chief-technologist',
      method: 'schulze',
      secret: false,
      opensAt: at(day),
      closesAt: at(9 * day),
    });
    expect(open.status).toBe(400);
    expect(open.body.errors.map((e) => e.pointer)).toEqual(['/secret']);
  });
});
