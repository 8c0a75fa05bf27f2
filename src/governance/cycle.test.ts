import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addMember,
  setUpCoop,
  startTestApp,
  type TestApp,
  type TestClient,
} from '../testing/testApp.ts';

interface Detail {
  cycle: { phase: string };
  capacity: number;
  plan: {
    workItemId: string;
    slice: string;
    hours: number;
    capped: boolean;
    support: string;
    actualHours: number;
    assignments: { displayName: string; hours: number }[];
  }[];
  computation: { slices: Record<string, number>; hackerShares: Record<string, number> };
  participation: { surveyBallots: number; sponsorsVoted: number };
}

describe('a cycle from proposals to a published plan', () => {
  let app: TestApp;
  let admin: TestClient;
  let adminId: string;
  let bigCorp: string;
  let smallCorp: string;
  let bigRep: Awaited<ReturnType<typeof addMember>>;
  let smallRep: Awaited<ReturnType<typeof addMember>>;
  let hacker: Awaited<ReturnType<typeof addMember>>;
  let voters: Awaited<ReturnType<typeof addMember>>[];
  let cycleId: string;
  const items: Record<string, string> = {};

  beforeAll(async () => {
    app = await startTestApp();
    admin = await setUpCoop(app);
    adminId = (await admin.get<{ user: { personId: string } }>('/api/session')).body.user.personId;
    bigCorp = (await admin.post<{ id: string }>('/api/organizations', { legalName: 'Big Corp' }))
      .body.id;
    smallCorp = (
      await admin.post<{ id: string }>('/api/organizations', { legalName: 'Small Corp' })
    ).body.id;
    bigRep = await addMember(
      app,
      admin,
      {
        email: 'big@corp.example',
        name: 'Big Rep',
        memberClass: 'sponsor',
        organizationId: bigCorp,
      },
      '10.20.0.1',
    );
    smallRep = await addMember(
      app,
      admin,
      {
        email: 'small@corp.example',
        name: 'Small Rep',
        memberClass: 'sponsor',
        organizationId: smallCorp,
      },
      '10.20.0.2',
    );
    hacker = await addMember(
      app,
      admin,
      { email: 'hack@example.org', name: 'Hacker Two', memberClass: 'hacker' },
      '10.20.0.3',
    );
    voters = [];
    for (let i = 0; i < 3; i++)
      voters.push(
        await addMember(
          app,
          admin,
          { email: `v${i}@example.org`, name: `Voter ${i}`, memberClass: 'community' },
          `10.20.1.${i}`,
        ),
      );
    // Big Corp pays 99% of the funding.
    expect(
      (
        await admin.post('/api/funding', {
          organizationId: bigCorp,
          receivedOn: '2026-10-01',
          amountMinor: '9900000',
        })
      ).status,
    ).toBe(201);
    expect(
      (
        await admin.post('/api/funding', {
          organizationId: smallCorp,
          receivedOn: '2026-10-01',
          amountMinor: '100000',
        })
      ).status,
    ).toBe(201);
  });
  afterAll(() => app.stop());

  const detail = async () => (await admin.get<Detail>(`/api/cycles/${cycleId}`)).body;

  it('opens a cycle and takes proposals from each class for its own slice', async () => {
    const cycle = await admin.post<{ id: string; endsOn: string; phase: string }>('/api/cycles', {
      title: '2027 Q1',
      votingOpensAt: '2026-12-01T00:00:00Z',
      votingClosesAt: '2026-12-15T00:00:00Z',
      startsOn: '2027-01-01',
      surveyMethod: 'approval',
    });
    expect(cycle.status).toBe(201);
    expect(cycle.body).toMatchObject({ phase: 'proposing', endsOn: '2027-03-31' });
    cycleId = cycle.body.id;
    const propose = async (
      client: TestClient,
      key: string,
      originClass: string,
      estimateHours: number,
      kind = 'feature',
    ) => {
      const r = await client.post<{ id: string }>('/api/work-items', {
        cycleId,
        title: `Item ${key}`,
        kind,
        originClass,
        estimateHours,
      });
      expect(r.status, JSON.stringify(r.body)).toBe(201);
      items[key] = r.body.id;
    };
    await propose(bigRep.client, 'bigWant', 'sponsors', 1000);
    await propose(smallRep.client, 'smallWant', 'sponsors', 1000);
    await propose(voters[0]!.client, 'docs', 'community', 40);
    await propose(voters[1]!.client, 'ui', 'community', 1000);
    await propose(hacker.client, 'refactor', 'hackers', 200, 'hackers-own');
    // A community member cannot propose into the sponsor slice.
    const wrong = await voters[0]!.client.post('/api/work-items', {
      cycleId,
      title: 'Sneaky',
      kind: 'feature',
      originClass: 'sponsors',
      estimateHours: 5,
    });
    expect(wrong.status).toBe(403);
  });

  it('takes each hacker’s hours for the capacity', async () => {
    expect(
      (await admin.post(`/api/cycles/${cycleId}/availability/${adminId}`, { hours: 300 })).status,
    ).toBe(204);
    expect(
      (
        await hacker.client.post(`/api/cycles/${cycleId}/availability/${hacker.personId}`, {
          hours: 200,
          note: 'part time',
        })
      ).status,
    ).toBe(204);
    expect(
      (await hacker.client.post(`/api/cycles/${cycleId}/availability/${adminId}`, { hours: 1 }))
        .status,
    ).toBe(403);
    expect((await detail()).capacity).toBe(500);
  });

  it('refuses votes before voting opens', async () => {
    const early = await bigRep.client.post(`/api/cycles/${cycleId}/sponsor-points`, {
      points: { [items.bigWant!]: 100 },
    });
    expect(early.status).toBe(409);
    expect(early.body.detail).toMatch(/proposing/);
  });

  it('collects votes in each slice, each by its own rules', async () => {
    expect(
      (await admin.post(`/api/cycles/${cycleId}/advance`, { from: 'proposing' })).body,
    ).toEqual({ phase: 'voting' });
    expect(
      (
        await bigRep.client.post(`/api/cycles/${cycleId}/sponsor-points`, {
          points: { [items.bigWant!]: 100 },
        })
      ).status,
    ).toBe(204);
    expect(
      (
        await smallRep.client.post(`/api/cycles/${cycleId}/sponsor-points`, {
          points: { [items.smallWant!]: 100 },
        })
      ).status,
    ).toBe(204);
    const over = await smallRep.client.post(`/api/cycles/${cycleId}/sponsor-points`, {
      points: { [items.smallWant!]: 60, [items.bigWant!]: 50 },
    });
    expect(over.status).toBe(400);
    const notSponsorItem = await smallRep.client.post(`/api/cycles/${cycleId}/sponsor-points`, {
      points: { [items.docs!]: 10 },
    });
    expect(notSponsorItem.status).toBe(400);
    expect((notSponsorItem.body.errors as { pointer: string }[])[0]!.pointer).toBe(
      `/points/${items.docs}`,
    );

    for (const [i, approve] of [[items.docs], [items.docs, items.ui], [items.ui]].entries())
      expect(
        (
          await voters[i]!.client.post(`/api/cycles/${cycleId}/survey-ballot`, {
            ballot: { approve },
          })
        ).status,
      ).toBe(204);
    const badBallot = await voters[0]!.client.post(`/api/cycles/${cycleId}/survey-ballot`, {
      ballot: { ranking: [items.docs] },
    });
    expect(badBallot.status).toBe(400);
    expect(
      (
        await hacker.client.post(`/api/cycles/${cycleId}/survey-ballot`, {
          ballot: { approve: [items.ui] },
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await bigRep.client.post(`/api/cycles/${cycleId}/survey-ballot`, {
          ballot: { approve: [items.ui] },
        })
      ).status,
    ).toBe(403);

    expect(
      (
        await hacker.client.post(`/api/cycles/${cycleId}/declarations`, {
          hours: { [items.refactor!]: 50 },
        })
      ).status,
    ).toBe(204);
  });

  it('counts one ballot per member even when two arrive at once', async () => {
    const twice = await Promise.all([
      voters[2]!.client.post(`/api/cycles/${cycleId}/survey-ballot`, {
        ballot: { approve: [items.ui] },
      }),
      voters[2]!.client.post(`/api/cycles/${cycleId}/survey-ballot`, {
        ballot: { approve: [items.ui] },
      }),
    ]);
    expect(twice.map((r) => r.status)).toEqual([204, 204]);
    expect((await detail()).participation).toEqual({ surveyBallots: 3, sponsorsVoted: 2 });
  });

  it('publishes a plan where the 99% sponsor moves only the sponsor slice', async () => {
    expect((await admin.post(`/api/cycles/${cycleId}/advance`, { from: 'voting' })).body).toEqual({
      phase: 'planned',
    });
    const d = await detail();
    expect(d.computation.slices).toEqual({ sponsors: 200, community: 150, hackers: 150 });
    const hours = Object.fromEntries(
      d.plan.map((p) => [Object.entries(items).find(([, id]) => id === p.workItemId)![0], p.hours]),
    );
    expect(hours).toEqual({ bigWant: 198, smallWant: 2, docs: 40, ui: 110, refactor: 50 });
    const bySlice = (slice: string) =>
      d.plan.filter((p) => p.slice === slice).reduce((s, p) => s + p.hours, 0);
    expect(bySlice('sponsors')).toBe(200);
    expect(bySlice('community')).toBe(150);
    expect(d.plan.find((p) => p.workItemId === items.docs)!.capped).toBe(true);
    expect(d.computation.hackerShares).toEqual({ [adminId]: 90, [hacker.personId]: 60 });
    const late = await voters[0]!.client.post(`/api/cycles/${cycleId}/survey-ballot`, {
      ballot: { approve: [items.ui] },
    });
    expect(late.status).toBe(409);
  });

  it('lets hackers claim planned hours and log time against them', async () => {
    expect(
      (
        await hacker.client.post(`/api/cycles/${cycleId}/plan/${items.bigWant}/claim`, {
          hours: 150,
        })
      ).status,
    ).toBe(204);
    const tooMuch = await admin.post(`/api/cycles/${cycleId}/plan/${items.bigWant}/claim`, {
      hours: 60,
    });
    expect(tooMuch.status).toBe(409);
    expect(tooMuch.body.detail).toBe('Only 48 of the item’s 198 planned hours are free.');
    expect(tooMuch.body.errors).toEqual([
      { pointer: '/hours', message: 'only 48 h of the item are free' },
    ]);
    // An officer assigns hours to a hacker; a community member cannot; a non-hacker gets none.
    const assign = (client: TestClient, personId: string, hours: number) =>
      client.post(`/api/cycles/${cycleId}/plan/${items.smallWant}/claim`, { hours, personId });
    expect((await assign(admin, hacker.personId, 2)).status).toBe(204);
    expect((await assign(voters[0]!.client, hacker.personId, 1)).status).toBe(403);
    expect((await assign(admin, voters[0]!.personId, 1)).status).toBe(400);
    expect(
      (
        await hacker.client.post('/api/time-entries', {
          workItemId: items.bigWant,
          workedOn: '2027-01-05',
          hours: 7.5,
        })
      ).status,
    ).toBe(201);
    const csv = `email,work_item_id,date,hours,note\nhack@example.org,${items.bigWant},2027-01-06,2.25,review\n`;
    expect((await admin.post('/api/time-entries/import', { csv })).body).toEqual({ imported: 1 });
    const bad = await admin.post('/api/time-entries/import', {
      csv: `email,work_item_id,date,hours\nv0@example.org,${items.bigWant},2027-13-01,0.3\n`,
    });
    expect(bad.status).toBe(400);
    expect((bad.body.errors as { pointer: string }[]).map((e) => e.pointer)).toEqual([
      '/lines/2/date',
      '/lines/2/hours',
    ]);
    const planned = (await detail()).plan.find((p) => p.workItemId === items.bigWant)!;
    expect(planned.actualHours).toBe(9.75);
    expect(planned.assignments).toEqual([
      {
        personId: hacker.personId,
        displayName: 'Hacker Two',
        hours: 150,
      },
    ]);
    // A hacker who leaves gets no more, but what they held can still be released.
    await admin.post(`/api/members/${hacker.personId}/status`, {
      status: 'left',
      reason: 'Moved on',
    });
    expect((await assign(admin, hacker.personId, 3)).status).toBe(400);
    expect((await assign(admin, hacker.personId, 0)).status).toBe(204);
  });

  it('shows funding: all of it to officers, its own to a sponsor', async () => {
    const all = await admin.get<{
      funding: { organizationName: string; coopAmountMinor: string }[];
    }>('/api/funding');
    expect(all.body.funding.map((f) => [f.organizationName, f.coopAmountMinor]).sort()).toEqual([
      ['Big Corp', '9900000'],
      ['Small Corp', '100000'],
    ]);
    const own = await smallRep.client.get<{ funding: { organizationName: string }[] }>(
      '/api/funding',
    );
    expect(own.body.funding.map((f) => f.organizationName)).toEqual(['Small Corp']);
    expect((await smallRep.client.get(`/api/funding?organizationId=${bigCorp}`)).status).toBe(403);
    expect((await voters[0]!.client.get('/api/funding')).status).toBe(403);
  });
});

describe('cycle deadlines', () => {
  let app: TestApp;
  let admin: TestClient;
  beforeAll(async () => {
    app = await startTestApp();
    admin = await setUpCoop(app);
  });
  afterAll(() => app.stop());

  it('moves the phase on by a background job when its deadline passes', async () => {
    const now = Date.now();
    const cycle = await admin.post<{ id: string }>('/api/cycles', {
      title: 'Soon',
      votingOpensAt: new Date(now - 1000).toISOString(),
      votingClosesAt: new Date(now + 3600_000).toISOString(),
      startsOn: '2030-01-01',
      surveyMethod: 'quadratic',
    });
    expect(await app.drainJobs()).toBeGreaterThanOrEqual(1);
    const after = await admin.get<{ cycle: { phase: string } }>(`/api/cycles/${cycle.body.id}`);
    expect(after.body.cycle.phase).toBe('voting');
    // The closing deadline is an hour away: nothing more happens yet.
    await app.drainJobs();
    expect(
      (await admin.get<{ cycle: { phase: string } }>(`/api/cycles/${cycle.body.id}`)).body.cycle
        .phase,
    ).toBe('voting');
    // An officer may close voting early; the job then finds nothing to do.
    expect(
      (await admin.post(`/api/cycles/${cycle.body.id}/advance`, { from: 'voting' })).body,
    ).toEqual({ phase: 'planned' });
    expect(
      (await admin.post(`/api/cycles/${cycle.body.id}/advance`, { from: 'voting' })).status,
    ).toBe(409);
  });
});
