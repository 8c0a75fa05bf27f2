import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addMember,
  setUpCoop,
  startTestApp,
  type TestApp,
  type TestClient,
} from '../testing/testApp.ts';
import { manualClock } from '../platform/clock.ts';
import { coops } from '../platform/db/schema.ts';
import { bylawsDocumentSchema, defaultBylaws } from './document.ts';
import { bylawsInForce } from './repository.ts';

describe('bylaws', () => {
  let app: TestApp;
  let admin: TestClient;
  // The co-op's "today" is fixed, so that what counts as past and future never moves.
  const today = '2031-05-20';
  beforeAll(async () => {
    app = await startTestApp({}, { clock: manualClock(`${today}T10:00:00Z`) });
    admin = await setUpCoop(app);
  });
  afterAll(() => app.stop());

  it('validates the document: shares sum to 100, offices unique, reserves at most 100%', () => {
    const doc = defaultBylaws();
    const bad = {
      ...doc,
      pie: { sponsors: 40, community: 30, hackers: 20 },
      officers: [doc.officers[0]!, doc.officers[0]!],
      dividends: {
        ...doc.dividends,
        reserves: [
          { name: 'a', percent: 60 },
          { name: 'b', percent: 50 },
        ],
      },
    };
    const result = bylawsDocumentSchema.safeParse(bad);
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => `${i.path.join('/')}: ${i.message}`).sort()).toEqual([
      'dividends/reserves: reserves take 110% of the surplus; at most 100%',
      'officers/1/role: chief-economist is listed twice',
      'pie: the pie shares must sum to 100',
    ]);
  });

  it('amends into a new version and keeps the old one readable', async () => {
    const current = await admin.get<{ document: ReturnType<typeof defaultBylaws> }>('/api/bylaws');
    const document = {
      ...current.body.document,
      funding: { ...current.body.document.funding, trailingMonths: 24 },
    };
    const amended = await admin.post('/api/bylaws', { summary: 'Two years of funding', document });
    expect(amended.status).toBe(201);
    expect(amended.body).toEqual({ version: 2 });
    const history = await admin.get<{ versions: { version: number; summary: string }[] }>(
      '/api/bylaws/versions',
    );
    expect(history.body.versions.map((v) => [v.version, v.summary])).toEqual([
      [2, 'Two years of funding'],
      [1, 'Founding bylaws'],
    ]);
    const v1 = await admin.get<{ document: { funding: { trailingMonths: number } } }>(
      '/api/bylaws/versions/1',
    );
    expect(v1.body.document.funding.trailingMonths).toBe(12);
    expect((await admin.get<{ version: number }>('/api/bylaws')).body.version).toBe(2);
    expect((await admin.get('/api/bylaws/versions/9')).status).toBe(404);
  });

  it('records no change to the pie, the dividend split or the rules for decisions: only a vote does', async () => {
    const current = await admin.get<{ document: ReturnType<typeof defaultBylaws> }>('/api/bylaws');
    const doc = current.body.document;
    const attempts = [
      { ...doc, pie: { sponsors: 10, community: 10, hackers: 80 } },
      {
        ...doc,
        dividends: { ...doc.dividends, split: { hackers: 80, sponsors: 10, community: 10 } },
      },
      {
        ...doc,
        decisions: {
          ...doc.decisions,
          questions: {
            ...doc.decisions.questions!,
            amendment: { ...doc.decisions.questions!.amendment, majority: 'simple' as const },
          },
        },
      },
      {
        ...doc,
        decisions: { ...doc.decisions, entrenched: { majority: 'simple', inEachClass: false } },
      },
    ];
    for (const document of attempts) {
      const response = await admin.post<{ detail: string }>('/api/bylaws', {
        summary: 'Quietly',
        document,
      });
      expect(response.status).toBe(409);
      expect(response.body.detail).toMatch(/only a vote of the members changes them/);
    }
    expect((await admin.get<{ version: number }>('/api/bylaws')).body.version).toBe(2);
  });

  it('refuses an invalid amendment with the field named, and writes nothing', async () => {
    const current = await admin.get<{ document: ReturnType<typeof defaultBylaws> }>('/api/bylaws');
    const response = await admin.post('/api/bylaws', {
      summary: 'Bad',
      document: { ...current.body.document, pie: { sponsors: 90, community: 30, hackers: 30 } },
    });
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([
      { pointer: '/body/document/pie', message: 'the pie shares must sum to 100' },
    ]);
    expect((await admin.get<{ version: number }>('/api/bylaws')).body.version).toBe(2);
  });

  it('schedules an amendment for a later day: in force only from its effective date', async () => {
    const current = await admin.get<{ document: ReturnType<typeof defaultBylaws> }>('/api/bylaws');
    const past = await admin.post('/api/bylaws', {
      summary: 'Backdated',
      effectiveOn: '2031-05-18',
      document: current.body.document,
    });
    expect(past.status).toBe(400);
    expect(past.body.errors).toEqual([
      { pointer: '/effectiveOn', message: 'today or a later day' },
    ]);
    const document = { ...current.body.document, cycle: { lengthMonths: 6 } };
    const scheduled = await admin.post('/api/bylaws', {
      summary: 'Half-year cycles from 2099',
      effectiveOn: '2099-01-01',
      document,
    });
    expect(scheduled.body).toEqual({ version: 3 });
    // Today the rules of version 2 still hold; the history shows what is coming.
    expect((await admin.get<{ version: number }>('/api/bylaws')).body.version).toBe(2);
    const history = await admin.get<{ versions: { version: number; effectiveOn: string }[] }>(
      '/api/bylaws/versions',
    );
    expect(history.body.versions.map((v) => [v.version, v.effectiveOn])).toEqual([
      [3, '2099-01-01'],
      [2, today],
      [1, today],
    ]);
    const coopId = (await app.database.db.select().from(coops))[0]!.id;
    const inForce = async (day: string) =>
      (await bylawsInForce(app.database.db, coopId, day)).version;
    expect(await inForce('2098-12-31')).toBe(2);
    expect(await inForce('2099-01-01')).toBe(3);
    // Before the founding bylaws took effect, they govern all the same.
    expect(await inForce('1999-01-01')).toBe(1);
  });

  it('lets members read but not amend', async () => {
    const member = await addMember(app, admin, {
      email: 'm@example.org',
      name: 'Mem',
      memberClass: 'community',
    });
    expect((await member.client.get('/api/bylaws')).status).toBe(200);
    const current = await member.client.get<{ document: unknown }>('/api/bylaws');
    expect(
      (
        await member.client.post('/api/bylaws', {
          summary: 'Coup',
          document: current.body.document,
        })
      ).status,
    ).toBe(403);
  });

  it('takes officer terms from the bylaws', async () => {
    const hacker = await addMember(
      app,
      admin,
      { email: 'h@example.org', name: 'Hack', memberClass: 'hacker' },
      '10.4.0.1',
    );
    const term = await admin.post(`/api/members/${hacker.personId}/officer-terms`, {
      role: 'chief-economist',
      startsOn: '2031-01-31',
    });
    expect(term.body).toMatchObject({
      role: 'chief-economist',
      startsOn: '2031-01-31',
      endsOn: '2033-01-30',
    });
    const unknown = await admin.post(`/api/members/${hacker.personId}/officer-terms`, {
      role: 'king',
    });
    expect(unknown.status).toBe(400);
    const taken = await admin.post(`/api/members/${hacker.personId}/officer-terms`, {
      role: 'chief-economist',
    });
    expect(taken.status).toBe(409);
  });
});
