import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../platform/actor.ts';
import { manualClock } from '../platform/clock.ts';
import { runCommand } from '../platform/commands.ts';
import { queryRows } from '../platform/db/rows.ts';
import { appendTypedEvent } from '../platform/events/append.ts';
import type { EventType } from '../platform/events/registry.ts';
import {
  sponsorRequestOpened,
  sponsorRequestReplied,
  sponsorRequestResolved,
  sponsorRequestWaiting,
} from '../requests/events.ts';
import {
  addMember,
  setUpCoop,
  startTestApp,
  type TestApp,
  type TestClient,
} from '../testing/testApp.ts';
import { checkClock } from './commands/checkClock.ts';

interface Clock {
  id: string;
  kind: string;
  sequence: number;
  state: string;
  deadlineAt: string | null;
  msLeft: number | null;
  organizationId: string;
  subjectId: string;
  entries?: { kind: string; at: string; reason: string | null; byPersonId: string | null }[];
}

const at = (iso: string) => new Date(iso).toISOString();

const critical = {
  firstResponse: { hours: 4, mode: 'business' },
  update: { hours: 8, mode: 'wall' },
  resolution: { hours: 16, mode: 'business' },
  resolutionPausesOnSponsor: true,
};
const entitlements = {
  responseHours: { critical: 6, high: 24, normal: 72, low: null },
  expertHoursPerMonth: 4,
  reciprocalAccess: true,
  meetingsPerYear: 4,
  digest: 'monthly',
  publicAcknowledgement: true,
  serviceLevels: {
    critical,
    high: { ...critical, firstResponse: { hours: 8, mode: 'business' } },
    normal: { ...critical, firstResponse: { hours: 16, mode: 'business' }, update: null },
    low: { firstResponse: null, update: null, resolution: null, resolutionPausesOnSponsor: false },
  },
};
// A tier version written before targets existed: first response from responseHours, wall clock.
const oldEntitlements = { ...entitlements, serviceLevels: undefined };

describe('service-level clocks following a sponsor’s requests', () => {
  const clock = manualClock('2031-12-20T10:00:00Z');
  let app: TestApp;
  let admin: TestClient;
  let acmeRep: TestClient;
  let globexRep: TestClient;
  let hacker: TestClient;
  let acmeId: string;
  let globexId: string;
  let acmeAgreement: string;
  let globexAgreement: string;
  let coopId: string;
  let halId: string;

  const emit = async <D extends EventType>(
    type: D,
    requestId: string,
    data: Record<string, unknown>,
    occurredAt: string,
    actorId: string | null = null,
  ) => {
    await app.database.db.transaction((tx) =>
      appendTypedEvent(tx, type, {
        coopId,
        actorId,
        subjectId: requestId,
        data: data as never,
        occurredAt: new Date(occurredAt),
      }),
    );
    await app.drainJobs();
  };
  const clocksOf = async (requestId: string) =>
    (await admin.get<{ clocks: Clock[] }>('/api/service-clocks')).body.clocks
      .filter((c) => c.subjectId === requestId)
      .sort((a, b) => (a.kind + a.sequence < b.kind + b.sequence ? -1 : 1));
  const detail = async (id: string) => (await admin.get<Clock>(`/api/service-clocks/${id}`)).body;

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
    const tier = (name: string, e: object) =>
      admin.post<{ id: string }>('/api/tiers', {
        slug: name.toLowerCase(),
        name,
        price: '12000.00',
        currency: 'EUR',
        periodMonths: 12,
        entitlements: e,
        serviceHoursPerMonth: 4,
      });
    const gold = await tier('Gold', entitlements);
    expect(gold.status).toBe(201);
    const classic = await tier('Classic', oldEntitlements);
    expect(classic.status).toBe(201);
    const agreement = (organizationId: string, tierId: string) =>
      admin.post<{ id: string }>('/api/agreements', {
        organizationId,
        title: 'Support',
        startsOn: '2025-01-01',
        termMonths: 12,
        lines: [{ tierId }],
        billingContacts: [{ name: 'AP', email: 'ap@example.org' }],
      });
    const a = await agreement(acmeId, gold.body.id);
    expect(a.status).toBe(201);
    acmeAgreement = a.body.id;
    globexAgreement = (await agreement(globexId, classic.body.id)).body.id;
  });
  afterAll(async () => app?.stop());

  it('refuses a tier whose targets are malformed, naming the field', async () => {
    const bad = await admin.post<{ errors: { pointer: string }[] }>('/api/tiers', {
      slug: 'bad',
      name: 'Bad',
      price: '1.00',
      currency: 'EUR',
      periodMonths: 12,
      entitlements: {
        ...entitlements,
        serviceLevels: {
          ...entitlements.serviceLevels,
          critical: { ...critical, update: { hours: 2, mode: 'sundial' } },
        },
      },
      serviceHoursPerMonth: 1,
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e) => e.pointer)).toEqual([
      '/body/entitlements/serviceLevels/critical/update/mode',
    ]);
  });

  it('keeps a sponsor’s service calendar, set by officers and read by its own representative', async () => {
    expect((await acmeRep.get(`/api/organizations/${acmeId}/service-calendar`)).body).toMatchObject(
      {
        timeZone: 'UTC',
        isDefault: true,
      },
    );
    const calendar = {
      timeZone: 'Europe/Berlin',
      hours: 'Mon-Fri 09:00-17:00',
      holidayCountry: 'de',
      holidayRegion: 'by',
      closedDays: ['2032-12-24'],
    };
    expect(
      (await acmeRep.post(`/api/organizations/${acmeId}/service-calendar`, calendar)).status,
    ).toBe(403);
    for (const [patch, pointer] of [
      [{ timeZone: 'Europe/Atlantis' }, '/timeZone'],
      [{ hours: 'Mon-Fri 9-5' }, '/hours'],
      [{ holidayRegion: 'ZZ' }, '/holidayRegion'],
      [{ holidayCountry: 'XX', holidayRegion: null }, '/holidayCountry'],
    ] as const) {
      const refused = await admin.post<{ errors: { pointer: string }[] }>(
        `/api/organizations/${acmeId}/service-calendar`,
        { ...calendar, ...patch },
      );
      expect(refused.status, pointer).toBe(400);
      expect(refused.body.errors.map((e) => e.pointer)).toEqual([pointer]);
    }
    expect(
      (await admin.post(`/api/organizations/${acmeId}/service-calendar`, calendar)).status,
    ).toBe(204);
    expect((await acmeRep.get(`/api/organizations/${acmeId}/service-calendar`)).body).toEqual({
      timeZone: 'Europe/Berlin',
      hours: 'Mon 09:00-17:00, Tue 09:00-17:00, Wed 09:00-17:00, Thu 09:00-17:00, Fri 09:00-17:00',
      holidayCountry: 'DE',
      holidayRegion: 'BY',
      closedDays: ['2032-12-24'],
      isDefault: false,
    });
    expect((await globexRep.get(`/api/organizations/${acmeId}/service-calendar`)).status).toBe(403);
  });

  const requestId = '6f1c3a52-1111-4c1e-9a55-000000000001';
  it('starts first response and resolution on business hours, meets, pauses, resumes and resolves', async () => {
    // Monday 5 January 2032, 15:00 in Berlin; Tuesday the 6th is Epiphany in Bavaria.
    await emit(
      sponsorRequestOpened,
      requestId,
      { organizationId: acmeId, severity: 'critical', agreementId: acmeAgreement },
      '2032-01-05T15:00:00+01:00',
      null,
    );
    let clocks = await clocksOf(requestId);
    expect(clocks.map((c) => [c.kind, c.state, c.deadlineAt])).toEqual([
      ['first-response', 'running', at('2032-01-07T11:00:00+01:00')],
      ['resolution', 'running', at('2032-01-08T15:00:00+01:00')],
    ]);
    // A replayed event changes nothing.
    const [opened] = await queryRows<{ seq: number }>(
      app.database.db,
      sql`select seq from events where type = 'sponsor-request.opened' order by seq desc limit 1`,
    );
    const { followRequestEvent } = await import('./commands/followRequestEvent.ts');
    expect(
      await runCommand(
        followRequestEvent,
        {
          seq: Number(opened!.seq),
          type: 'sponsor-request.opened',
          requestId,
          actorId: null,
          data: { organizationId: acmeId, severity: 'critical', agreementId: acmeAgreement },
          occurredAt: new Date('2032-01-05T14:00:00Z'),
        },
        { db: app.database.db, actor: systemActor(coopId), publicUrl: 'http://test' },
      ),
    ).toBe('already followed');
    expect(await clocksOf(requestId)).toHaveLength(2);

    // The co-op answers on Wednesday at 10:00: the first response is met, an update clock starts.
    await emit(
      sponsorRequestReplied,
      requestId,
      { organizationId: acmeId, side: 'coop', byPersonId: halId },
      '2032-01-07T10:00:00+01:00',
      halId,
    );
    clocks = await clocksOf(requestId);
    expect(clocks.map((c) => [c.kind, c.sequence, c.state, c.deadlineAt])).toEqual([
      ['first-response', 1, 'met', at('2032-01-07T11:00:00+01:00')],
      ['resolution', 1, 'running', at('2032-01-08T15:00:00+01:00')],
      ['update', 1, 'running', at('2032-01-07T18:00:00+01:00')],
    ]);
    const first = await detail(clocks[0]!.id);
    expect(first.entries!.map((e) => [e.kind, e.at, e.byPersonId])).toEqual([
      ['started', at('2032-01-05T15:00:00+01:00'), null],
      ['met', at('2032-01-07T10:00:00+01:00'), halId],
    ]);

    // Waiting on the sponsor at 11:00 pauses the resolution clock (4 business hours used).
    await emit(
      sponsorRequestWaiting,
      requestId,
      { organizationId: acmeId, reason: 'We need the server logs.' },
      '2032-01-07T11:00:00+01:00',
      halId,
    );
    clocks = await clocksOf(requestId);
    const resolution = clocks.find((c) => c.kind === 'resolution')!;
    expect([resolution.state, resolution.deadlineAt, resolution.msLeft]).toEqual([
      'paused',
      null,
      12 * 3_600_000,
    ]);
    expect(clocks.find((c) => c.kind === 'update')!.state).toBe('running');

    // The update clock reaches its deadline (the job's check, run at that moment).
    const update = clocks.find((c) => c.kind === 'update')!;
    const check = (clockId: string, purpose: 'warn' | 'breach', dueAt: string, now = dueAt) =>
      runCommand(
        checkClock,
        { clockId, purpose, dueAt: at(dueAt) },
        {
          db: app.database.db,
          actor: systemActor(coopId),
          publicUrl: 'http://test',
          clock: manualClock(now),
        },
      );
    expect(
      await check(update.id, 'breach', '2032-01-07T18:00:00+01:00', '2032-01-07T17:59:00+01:00'),
    ).toBe('nothing to do');
    expect(await check(update.id, 'warn', '2032-01-07T16:24:00+01:00')).toBe('warned');
    expect(await check(update.id, 'breach', '2032-01-07T18:00:00+01:00')).toBe('breached');
    expect(await check(update.id, 'breach', '2032-01-07T18:00:00+01:00')).toBe('nothing to do');

    // The sponsor answers on Thursday at 09:00: the resolution clock resumes with 12 hours left.
    await emit(
      sponsorRequestReplied,
      requestId,
      { organizationId: acmeId, side: 'sponsor', byPersonId: halId },
      '2032-01-08T09:00:00+01:00',
    );
    clocks = await clocksOf(requestId);
    expect(clocks.find((c) => c.kind === 'resolution')!.deadlineAt).toBe(
      at('2032-01-09T13:00:00+01:00'),
    );
    // A check queued for the deadline before the pause no longer applies.
    expect(await check(resolution.id, 'breach', '2032-01-08T15:00:00+01:00')).toBe('moved');

    await emit(
      sponsorRequestResolved,
      requestId,
      { organizationId: acmeId },
      '2032-01-09T12:00:00+01:00',
      halId,
    );
    clocks = await clocksOf(requestId);
    expect(clocks.map((c) => [c.kind, c.sequence, c.state])).toEqual([
      ['first-response', 1, 'met'],
      ['resolution', 1, 'met'],
      ['update', 1, 'breached'],
    ]);
    const resolved = await detail(resolution.id);
    expect(resolved.entries!.map((e) => [e.kind, e.at, e.reason])).toEqual([
      ['started', at('2032-01-05T15:00:00+01:00'), null],
      ['paused', at('2032-01-07T11:00:00+01:00'), 'We need the server logs.'],
      ['resumed', at('2032-01-08T09:00:00+01:00'), null],
      ['met', at('2032-01-09T12:00:00+01:00'), null],
    ]);
    const updateDetail = await detail(update.id);
    expect(updateDetail.entries!.map((e) => e.kind)).toEqual(['started', 'warned', 'breached']);
    const types = await queryRows<{ type: string }>(
      app.database.db,
      sql`select type from events where type like 'service-clock.%' order by seq`,
    );
    expect(types.map((t) => t.type)).toEqual([
      'service-clock.started',
      'service-clock.started',
      'service-clock.met',
      'service-clock.started',
      'service-clock.paused',
      'service-clock.warned',
      'service-clock.breached',
      'service-clock.resumed',
      'service-clock.met',
    ]);
    // The warning and the breach were mailed to the administrator.
    const mails = await queryRows<{ subject: string }>(
      app.database.db,
      sql`select subject from outbox where kind like 'service-clock-%' order by created_at`,
    );
    expect(mails.map((m) => m.subject)).toEqual([
      'Service level at 80%: update for Acme GmbH',
      'Service level breached: update for Acme GmbH',
    ]);
  });

  it('reads an old tier version’s responseHours as a wall-clock first response, nothing more', async () => {
    const id = '6f1c3a52-1111-4c1e-9a55-000000000002';
    await emit(
      sponsorRequestOpened,
      id,
      { organizationId: globexId, severity: 'critical', agreementId: globexAgreement },
      '2032-01-10T10:00:00Z',
    );
    expect((await clocksOf(id)).map((c) => [c.kind, c.deadlineAt])).toEqual([
      ['first-response', at('2032-01-10T16:00:00Z')],
    ]);
    // No agreement, or another organization's: no promise, no clock.
    const none = '6f1c3a52-1111-4c1e-9a55-000000000003';
    await emit(
      sponsorRequestOpened,
      none,
      { organizationId: globexId, severity: 'critical', agreementId: null },
      '2032-01-10T10:00:00Z',
    );
    await emit(
      sponsorRequestOpened,
      none,
      { organizationId: globexId, severity: 'high', agreementId: acmeAgreement },
      '2032-01-10T10:00:00Z',
    );
    expect(await clocksOf(none)).toEqual([]);
  });

  it('records the warning and the breach from the job queue at their moment, once', async () => {
    const id = '6f1c3a52-1111-4c1e-9a55-000000000004';
    // A request of 2025: its 80% and its deadline have passed, so their jobs are due now.
    await emit(
      sponsorRequestOpened,
      id,
      { organizationId: globexId, severity: 'high', agreementId: globexAgreement },
      '2025-03-03T09:00:00Z',
    );
    await app.drainJobs();
    await app.drainJobs();
    const [only] = await clocksOf(id);
    expect(only!.state).toBe('breached');
    expect((await detail(only!.id)).entries!.map((e) => [e.kind, e.at])).toEqual([
      ['started', at('2025-03-03T09:00:00Z')],
      ['warned', at('2025-03-04T04:12:00Z')],
      ['breached', at('2025-03-04T09:00:00Z')],
    ]);
    // The answer that came later is recorded beside the breach, which stands.
    await emit(
      sponsorRequestReplied,
      id,
      { organizationId: globexId, side: 'coop', byPersonId: halId },
      '2025-03-04T10:00:00Z',
    );
    expect((await detail(only!.id)).entries!.map((e) => e.kind)).toEqual([
      'started',
      'warned',
      'breached',
      'answered-late',
    ]);
  });

  it('shows officers every clock, soonest first, and each sponsor only its own', async () => {
    const all = (await admin.get<{ clocks: Clock[] }>('/api/service-clocks?open=true')).body.clocks;
    expect(all.every((c) => ['running', 'paused'].includes(c.state))).toBe(true);
    const left = all.map((c) => c.msLeft!);
    expect(left).toEqual([...left].sort((a, b) => a - b));
    const acme = (await acmeRep.get<{ clocks: Clock[] }>('/api/service-clocks')).body.clocks;
    expect(acme.length).toBeGreaterThan(0);
    expect(acme.every((c) => c.organizationId === acmeId)).toBe(true);
    // Asking for another organization's clocks still answers one's own.
    const asked = (
      await acmeRep.get<{ clocks: Clock[] }>(`/api/service-clocks?organizationId=${globexId}`)
    ).body.clocks;
    expect(asked.every((c) => c.organizationId === acmeId)).toBe(true);
    const globex = (await globexRep.get<{ clocks: Clock[] }>('/api/service-clocks')).body.clocks;
    expect(globex.length).toBeGreaterThan(0);
    for (const clock of globex) {
      expect((await acmeRep.get(`/api/service-clocks/${clock.id}`)).status).toBe(404);
      expect((await globexRep.get(`/api/service-clocks/${clock.id}`)).status).toBe(200);
    }
    for (const clock of acme)
      expect((await globexRep.get(`/api/service-clocks/${clock.id}`)).status).toBe(404);
    expect((await hacker.get('/api/service-clocks')).status).toBe(403);
    // The compliance report: every clock of the period with its evidence, the sponsor's own only.
    const report = await acmeRep.get<{
      met: number;
      breached: number;
      open: number;
      clocks: Clock[];
    }>(`/api/organizations/${acmeId}/service-report?from=2032-01-01&to=2032-01-31`);
    expect(report.status).toBe(200);
    expect([report.body.met, report.body.breached, report.body.open]).toEqual([2, 1, 0]);
    expect(report.body.clocks.map((c) => c.entries!.length)).toEqual([2, 4, 3]);
    expect(
      (
        await acmeRep.get(
          `/api/organizations/${globexId}/service-report?from=2032-01-01&to=2032-01-31`,
        )
      ).status,
    ).toBe(404);
    expect((await app.client('10.9.9.9').get('/api/service-clocks')).status).toBe(401);
    expect((await app.client('10.9.9.9').get(`/api/service-clocks/${acme[0]!.id}`)).status).toBe(
      401,
    );
  });
});
