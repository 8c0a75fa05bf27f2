import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../platform/actor.ts';
import { manualClock } from '../platform/clock.ts';
import { runCommand } from '../platform/commands.ts';
import { queryRows } from '../platform/db/rows.ts';
import { appendTypedEvent } from '../platform/events/append.ts';
import { sponsorRequestReopened } from '../requests/events.ts';
import {
  addMember,
  setUpCoop,
  startTestApp,
  type TestApp,
  type TestClient,
} from '../testing/testApp.ts';
import { checkClock } from './commands/checkClock.ts';
import { followRequestEvent } from './commands/followRequestEvent.ts';

interface Clock {
  id: string;
  kind: string;
  sequence: number;
  state: string;
  startedAt: string;
  deadlineAt: string | null;
  subjectId: string;
  entries?: { kind: string; at: string; reason: string | null; byPersonId: string | null }[];
}

const at = (iso: string) => new Date(iso).toISOString();
const wall = (hours: number) => ({ hours, mode: 'wall' });
const severity = {
  firstResponse: wall(4),
  update: wall(8),
  resolution: wall(24),
  resolutionPausesOnSponsor: true,
};
const entitlements = {
  responseHours: { critical: 4, high: 4, normal: 4, low: 4 },
  expertHoursPerMonth: 4,
  reciprocalAccess: true,
  meetingsPerYear: 4,
  digest: 'monthly',
  publicAcknowledgement: true,
  serviceLevels: { critical: severity, high: severity, normal: severity, low: severity },
  // 5% of the month's fee per breach, at most 12% a month.
  serviceCredits: { perBreachBasisPoints: 500, capBasisPoints: 1200 },
};

describe('a reopened request: new clocks, the old ones kept as they were', () => {
  const clock = manualClock('2032-03-01T09:00:00Z');
  let app: TestApp;
  let admin: TestClient;
  let acmeRep: TestClient;
  let ritaId: string;
  let acmeId: string;
  let acmeAgreement: string;
  let coopId: string;

  const system = () => ({ db: app.database.db, actor: systemActor(coopId), publicUrl: 'http://t' });
  const clocksOf = async (requestId: string) =>
    (await admin.get<{ clocks: Clock[] }>('/api/service-clocks')).body.clocks
      .filter((c) => c.subjectId === requestId)
      .sort((a, b) => (a.kind + a.sequence < b.kind + b.sequence ? -1 : 1));
  const summary = async (requestId: string) =>
    (await clocksOf(requestId)).map((c) => [c.kind, c.sequence, c.state, c.deadlineAt]);
  const detail = async (id: string) => (await admin.get<Clock>(`/api/service-clocks/${id}`)).body;
  /** The request's action at a moment, then the clocks following it (the dispatcher, drained). */
  const act = async (
    moment: string,
    client: TestClient,
    path: string,
    body: object,
    status = 204,
  ) => {
    clock.set(moment);
    const res = await client.post<{ id: string }>(path, body);
    expect(res.status, JSON.stringify(res.body)).toBe(status);
    await app.drainJobs();
    return res.body;
  };
  const reply = (moment: string, id: string) =>
    act(
      moment,
      admin,
      `/api/requests/${id}/replies`,
      { body: 'Looking at it.', minutesSpent: 30 },
      201,
    );
  const startedEvents = async () =>
    (
      await queryRows<{ n: number }>(
        app.database.db,
        sql`select count(*)::int as n from events where type = 'service-clock.started'`,
      )
    )[0]!.n;

  beforeAll(async () => {
    app = await startTestApp({}, { clock });
    admin = await setUpCoop(app);
    coopId = (await queryRows<{ id: string }>(app.database.db, sql`select id from coops`))[0]!.id;
    acmeId = (await admin.post<{ id: string }>('/api/organizations', { legalName: 'Acme GmbH' }))
      .body.id;
    const rita = await addMember(app, admin, {
      email: 'rep@acme.example',
      name: 'Rita Rep',
      memberClass: 'sponsor',
      organizationId: acmeId,
    });
    acmeRep = rita.client;
    ritaId = rita.personId;
    const tier = await admin.post<{ id: string }>('/api/tiers', {
      slug: 'gold',
      name: 'Gold',
      price: '3000.00',
      currency: 'EUR',
      periodMonths: 1,
      entitlements,
      serviceHoursPerMonth: 4,
    });
    expect(tier.status).toBe(201);
    const agreement = await admin.post<{ id: string }>('/api/agreements', {
      organizationId: acmeId,
      title: 'Support',
      startsOn: '2032-01-01',
      termMonths: 12,
      billingPeriodMonths: 1,
      lines: [{ tierId: tier.body.id }],
      billingContacts: [{ name: 'AP', email: 'ap@example.org' }],
    });
    expect(agreement.status, JSON.stringify(agreement.body)).toBe(201);
    acmeAgreement = agreement.body.id;
  });
  afterAll(async () => app?.stop());

  /** A critical request opened, answered at 10:00 and resolved at 11:00 on 1 March. */
  const resolvedRequest = async (subject: string) => {
    const { id } = await act(
      '2032-03-01T09:00:00Z',
      acmeRep,
      '/api/requests',
      { subject, details: 'It fails.', severity: 'critical' },
      201,
    );
    await reply('2032-03-01T10:00:00Z', id);
    await act('2032-03-01T11:00:00Z', admin, `/api/requests/${id}/resolve`, { note: 'Fixed.' });
    return id;
  };

  it('starts a new first response and resolution at the reopening, with its evidence, and meets them', async () => {
    const id = await resolvedRequest('TLS fails on ARM');
    const before = await clocksOf(id);
    expect(before.map((c) => [c.kind, c.sequence, c.state])).toEqual([
      ['first-response', 1, 'met'],
      ['resolution', 1, 'met'],
      ['update', 1, 'met'],
    ]);
    const firstResolution = await detail(before[1]!.id);

    await act('2032-03-02T09:00:00Z', acmeRep, `/api/requests/${id}/reopen`, {
      note: 'Still fails on ARM.',
    });
    expect(await summary(id)).toEqual([
      ['first-response', 1, 'met', at('2032-03-01T13:00:00Z')],
      ['first-response', 2, 'running', at('2032-03-02T13:00:00Z')],
      ['resolution', 1, 'met', at('2032-03-02T09:00:00Z')],
      ['resolution', 2, 'running', at('2032-03-03T09:00:00Z')],
      ['update', 1, 'met', at('2032-03-01T18:00:00Z')],
    ]);
    const reopened = (await clocksOf(id)).filter((c) => c.sequence === 2);
    for (const c of reopened)
      expect(
        (await detail(c.id)).entries!.map((e) => [e.kind, e.at, e.byPersonId, e.reason]),
      ).toEqual([['started', at('2032-03-02T09:00:00Z'), ritaId, 'Still fails on ARM.']]);
    // The first resolution clock is a record: the reopening left it as it was.
    expect(await detail(before[1]!.id)).toEqual(firstResolution);

    // Redelivery of the reopening: followed once.
    const [event] = await queryRows<{ seq: number; data: Record<string, unknown> }>(
      app.database.db,
      sql`select seq, data from events where type = 'sponsor-request.reopened' and subject_id = ${id}`,
    );
    const started = await startedEvents();
    expect(
      await runCommand(
        followRequestEvent,
        {
          seq: Number(event!.seq),
          type: 'sponsor-request.reopened',
          requestId: id,
          actorId: ritaId,
          data: event!.data,
          occurredAt: new Date('2032-03-02T09:00:00Z'),
        },
        system(),
      ),
    ).toBe('already followed');
    expect(await clocksOf(id)).toHaveLength(5);
    expect(await startedEvents()).toBe(started);

    // The co-op's first reply after the reopening meets the new first response and starts the
    // next update clock under the reopened resolution; resolving again meets them.
    await reply('2032-03-02T10:00:00Z', id);
    await act('2032-03-02T15:00:00Z', admin, `/api/requests/${id}/resolve`, {});
    expect((await clocksOf(id)).map((c) => [c.kind, c.sequence, c.state])).toEqual([
      ['first-response', 1, 'met'],
      ['first-response', 2, 'met'],
      ['resolution', 1, 'met'],
      ['resolution', 2, 'met'],
      ['update', 1, 'met'],
      ['update', 2, 'met'],
    ]);
    const resolution2 = (await clocksOf(id)).find(
      (c) => c.kind === 'resolution' && c.sequence === 2,
    )!;
    expect((await detail(resolution2.id)).entries!.map((e) => [e.kind, e.at])).toEqual([
      ['started', at('2032-03-02T09:00:00Z')],
      ['met', at('2032-03-02T15:00:00Z')],
    ]);
    expect(await detail(before[1]!.id)).toEqual(firstResolution);
  });

  it('starts nothing at a second reopening while the reopened clocks still run', async () => {
    const id = await resolvedRequest('Memory leak');
    await act('2032-03-02T09:00:00Z', acmeRep, `/api/requests/${id}/reopen`, {});
    // The requests domain refuses to reopen an open request, but the clocks do not lean on it:
    // a second reopening reaching them while the reopened clocks run (raced, or written twice)
    // starts nothing.
    await app.database.db.transaction((tx) =>
      appendTypedEvent(tx, sponsorRequestReopened, {
        coopId,
        actorId: ritaId,
        subjectId: id,
        data: {
          organizationId: acmeId,
          note: 'Again.',
          severity: 'critical',
          agreementId: acmeAgreement,
        },
        occurredAt: new Date('2032-03-02T10:00:00Z'),
      }),
    );
    await app.drainJobs();
    expect((await clocksOf(id)).map((c) => [c.kind, c.sequence, c.state])).toEqual([
      ['first-response', 1, 'met'],
      ['first-response', 2, 'running'],
      ['resolution', 1, 'met'],
      ['resolution', 2, 'running'],
      ['update', 1, 'met'],
    ]);
    // Resolved again and reopened again: the third promise starts.
    await reply('2032-03-02T11:00:00Z', id);
    await act('2032-03-02T12:00:00Z', admin, `/api/requests/${id}/resolve`, {});
    await act('2032-03-03T09:00:00Z', acmeRep, `/api/requests/${id}/reopen`, {});
    expect(
      (await clocksOf(id))
        .filter((c) => c.state === 'running')
        .map((c) => [c.kind, c.sequence, c.startedAt]),
    ).toEqual([
      ['first-response', 3, at('2032-03-03T09:00:00Z')],
      ['resolution', 3, at('2032-03-03T09:00:00Z')],
    ]);
  });

  it('proposes a service credit for a breached reopened resolution, like any breach', async () => {
    const id = await resolvedRequest('Crash on start');
    await act('2032-03-04T09:00:00Z', acmeRep, `/api/requests/${id}/reopen`, {});
    const reopened = (await clocksOf(id)).find((c) => c.kind === 'resolution' && c.sequence === 2)!;
    expect(reopened.deadlineAt).toBe(at('2032-03-05T09:00:00Z'));
    expect(
      await runCommand(
        checkClock,
        { clockId: reopened.id, purpose: 'breach', dueAt: reopened.deadlineAt! },
        { ...system(), clock: manualClock(reopened.deadlineAt!) },
      ),
    ).toBe('breached');
    await app.drainJobs();
    const credits = (
      await admin.get<{ credits: { clockId: string; state: string; amount: string }[] }>(
        '/api/service-credits',
      )
    ).body.credits;
    expect(credits.filter((c) => c.clockId === reopened.id)).toMatchObject([
      { state: 'proposed', amount: '150.00' },
    ]);
    // The first resolution clock, met, proposes nothing.
    const first = (await clocksOf(id)).find((c) => c.kind === 'resolution' && c.sequence === 1)!;
    expect(credits.filter((c) => c.clockId === first.id)).toEqual([]);
  });
});
