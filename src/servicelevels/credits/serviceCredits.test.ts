import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configureSeller, issue, line } from '../../invoicing/testing/fixtures.ts';
import { systemActor } from '../../platform/actor.ts';
import { manualClock } from '../../platform/clock.ts';
import { runCommand } from '../../platform/commands.ts';
import { queryRows } from '../../platform/db/rows.ts';
import type { StoredEvent } from '../../platform/dispatcher.ts';
import { appendTypedEvent } from '../../platform/events/append.ts';
import type { EventType } from '../../platform/events/registry.ts';
import { sponsorRequestOpened, sponsorRequestReplied } from '../../requests/events.ts';
import {
  addMember,
  setUpCoop,
  startTestApp,
  type TestApp,
  type TestClient,
} from '../../testing/testApp.ts';
import { checkClock } from '../commands/checkClock.ts';
import { serviceCreditNotesConsumer, serviceCreditsConsumer } from './consumer.ts';
import { breachWithdrawnReason } from './proposeServiceCredit.ts';

interface Credit {
  id: string;
  clockId: string;
  organizationId: string;
  amount: string;
  issued: string;
  currency: string;
  state: string;
  periodStart: string;
  periodEnd: string;
  proposalReason: string;
  periodFeeMinor: string;
  perBreachBasisPoints: number;
  capBasisPoints: number;
  takenMinor: string;
  declineReason: string | null;
  issues: { invoiceNumber: string; creditNoteNumber: string; amount: string }[];
}
interface Report {
  breached: number;
  clocks: { id: string; state: string; credit: Credit | null }[];
}

const hasPdftotext = (() => {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

const wall = (hours: number) => ({ hours, mode: 'wall' });
const severity = {
  firstResponse: wall(4),
  update: null,
  resolution: null,
  resolutionPausesOnSponsor: false,
};
const entitlements = {
  responseHours: { critical: 4, high: 4, normal: 4, low: 4 },
  expertHoursPerMonth: 4,
  reciprocalAccess: true,
  meetingsPerYear: 4,
  digest: 'monthly',
  publicAcknowledgement: true,
  serviceLevels: { critical: severity, high: severity, normal: severity, low: severity },
};

describe('service credits: proposed by a breach, decided by officers, issued on the next invoice', () => {
  const clock = manualClock('2032-03-01T08:00:00Z');
  let app: TestApp;
  let admin: TestClient;
  let acmeRep: TestClient;
  let globexRep: TestClient;
  let coopId: string;
  let acmeId: string;
  let globexId: string;
  let acmeAgreement: string;
  let globexAgreement: string;
  let requestNo = 0;

  const system = () => ({
    db: app.database.db,
    actor: systemActor(coopId),
    publicUrl: 'http://test',
  });
  const emit = async <D extends EventType>(
    type: D,
    subjectId: string,
    data: Record<string, unknown>,
    occurredAt: string,
  ) => {
    await app.database.db.transaction((tx) =>
      appendTypedEvent(tx, type, {
        coopId,
        actorId: null,
        subjectId,
        data: data as never,
        occurredAt: new Date(occurredAt),
      }),
    );
    await app.drainJobs();
  };
  /** A critical request opened at `openedAt` whose 4-hour first response is breached. */
  const breach = async (organizationId: string, agreementId: string, openedAt: string) => {
    const requestId = `6f1c3a52-2222-4c1e-9a55-${String(++requestNo).padStart(12, '0')}`;
    await emit(
      sponsorRequestOpened,
      requestId,
      { organizationId, severity: 'critical', agreementId },
      openedAt,
    );
    const [row] = await queryRows<{ id: string; deadline_at: Date }>(
      app.database.db,
      sql`select id, deadline_at from service_clocks where subject_id = ${requestId}`,
    );
    const dueAt = new Date(row!.deadline_at).toISOString();
    expect(
      await runCommand(
        checkClock,
        { clockId: row!.id, purpose: 'breach', dueAt },
        { ...system(), clock: manualClock(dueAt) },
      ),
    ).toBe('breached');
    await app.drainJobs();
    return { clockId: row!.id, requestId, deadline: dueAt };
  };
  const credits = async (client: TestClient, query = '') =>
    (await client.get<{ credits: Credit[] }>(`/api/service-credits${query}`)).body.credits;
  const creditOf = async (clockId: string) =>
    (await credits(admin)).find((c) => c.clockId === clockId);
  const creditNotesOf = (organizationId: string) =>
    queryRows<{ number: string; gross: string; credited: string }>(
      app.database.db,
      sql`select number, gross_minor::text as gross, credited_invoice_id::text as credited
          from invoices where kind = 'credit-note' and organization_id = ${organizationId}
          order by number`,
    );

  beforeAll(async () => {
    app = await startTestApp({}, { clock });
    admin = await setUpCoop(app);
    await configureSeller(admin);
    coopId = (await queryRows<{ id: string }>(app.database.db, sql`select id from coops`))[0]!.id;
    acmeId = (await admin.post<{ id: string }>('/api/organizations', { legalName: 'Acme GmbH' }))
      .body.id;
    globexId = (await admin.post<{ id: string }>('/api/organizations', { legalName: 'Globex Inc' }))
      .body.id;
    expect((await admin.patch(`/api/organizations/${acmeId}`, { locale: 'de' })).status).toBe(204);
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
        '10.0.2.2',
      )
    ).client;
    const tier = (slug: string, e: object) =>
      admin.post<{ id: string }>('/api/tiers', {
        slug,
        name: slug,
        price: '3000.00',
        currency: 'EUR',
        periodMonths: 1,
        entitlements: e,
        serviceHoursPerMonth: 4,
      });
    // 5% of the month's fee per breach, at most 12% a month.
    const gold = await tier('gold', {
      ...entitlements,
      serviceCredits: { perBreachBasisPoints: 500, capBasisPoints: 1200 },
    });
    expect(gold.status).toBe(201);
    // A tier without service credits (every version written before them reads so).
    const classic = await tier('classic', entitlements);
    const agreement = async (organizationId: string, tierId: string) => {
      const r = await admin.post<{ id: string }>('/api/agreements', {
        organizationId,
        title: 'Support',
        startsOn: '2032-01-01',
        termMonths: 12,
        billingPeriodMonths: 1,
        lines: [{ tierId }],
        billingContacts: [{ name: 'AP', email: 'ap@example.org' }],
      });
      expect(r.status, JSON.stringify(r.body)).toBe(201);
      return r.body.id;
    };
    acmeAgreement = await agreement(acmeId, gold.body.id);
    globexAgreement = await agreement(globexId, classic.body.id);
  });
  afterAll(async () => app?.stop());

  it('refuses service credits outside 0..10000 basis points, naming the field', async () => {
    const bad = await admin.post<{ errors: { pointer: string }[] }>('/api/tiers', {
      slug: 'bad',
      name: 'Bad',
      price: '1.00',
      currency: 'EUR',
      periodMonths: 1,
      entitlements: {
        ...entitlements,
        serviceCredits: { perBreachBasisPoints: 0, capBasisPoints: 10_001 },
      },
      serviceHoursPerMonth: 1,
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e) => e.pointer).sort()).toEqual([
      '/body/entitlements/serviceCredits/capBasisPoints',
      '/body/entitlements/serviceCredits/perBreachBasisPoints',
    ]);
  });

  let first: string;
  let second: string;
  let third: string;
  it('proposes the share of the period’s fee per breach, then what the cap leaves, then nothing', async () => {
    first = (await breach(acmeId, acmeAgreement, '2032-03-02T09:00:00Z')).clockId;
    second = (await breach(acmeId, acmeAgreement, '2032-03-03T09:00:00Z')).clockId;
    third = (await breach(acmeId, acmeAgreement, '2032-03-04T09:00:00Z')).clockId;
    const fourth = (await breach(acmeId, acmeAgreement, '2032-03-05T09:00:00Z')).clockId;
    expect(await creditOf(first)).toMatchObject({
      amount: '150.00',
      currency: 'EUR',
      state: 'proposed',
      periodStart: '2032-03-01',
      periodEnd: '2032-03-31',
    });
    expect((await creditOf(first))!.proposalReason).toContain('5% of the period');
    expect((await creditOf(second))!.amount).toBe('150.00');
    // 12% of 3,000.00 is 360.00: the third breach gets the 60.00 left.
    expect((await creditOf(third))!.amount).toBe('60.00');
    // How it was reached, kept with it for the officer's page in any language.
    expect(await creditOf(third)).toMatchObject({
      periodFeeMinor: '300000',
      perBreachBasisPoints: 500,
      capBasisPoints: 1200,
      takenMinor: '30000',
    });
    expect(await creditOf(fourth)).toBeUndefined();
    // A new billing period has its own cap.
    const april = (await breach(acmeId, acmeAgreement, '2032-04-01T09:00:00Z')).clockId;
    expect(await creditOf(april)).toMatchObject({ amount: '150.00', periodStart: '2032-04-01' });
  });

  it('proposes nothing for a tier without service credits', async () => {
    const { clockId } = await breach(globexId, globexAgreement, '2032-03-02T10:00:00Z');
    expect(await creditOf(clockId)).toBeUndefined();
  });

  it('follows a redelivered breach once', async () => {
    const events = await queryRows<{ seq: number; subject_id: string; data: object }>(
      app.database.db,
      sql`select seq::float8 as seq, subject_id, data from events
          where type = 'service-clock.breached' and subject_id = ${first}`,
    );
    const consumer = serviceCreditsConsumer('http://test');
    const event: StoredEvent = {
      coopId,
      seq: Number(events[0]!.seq),
      type: 'service-clock.breached',
      version: 1,
      actorId: null,
      subjectType: 'service-clock',
      subjectId: first,
      data: events[0]!.data as Record<string, unknown>,
      occurredAt: new Date(),
    };
    await consumer.handle(app.database.db, event, 2);
    await consumer.handle(app.database.db, event, 3);
    const rows = await queryRows<{ n: number }>(
      app.database.db,
      sql`select count(*)::int as n from service_credits where clock_id = ${first}`,
    );
    expect(rows[0]!.n).toBe(1);
    expect((await creditOf(first))!.amount).toBe('150.00');
  });

  it('withdraws the credit of a breach withdrawn by an answer that came in time', async () => {
    const late = await breach(acmeId, acmeAgreement, '2032-05-03T09:00:00Z');
    expect((await creditOf(late.clockId))!.state).toBe('proposed');
    // The reply was at 12:00, before the 13:00 deadline, but followed only after the breach.
    const replier = (await admin.get<{ user: { personId: string } }>('/api/session')).body.user
      .personId;
    await emit(
      sponsorRequestReplied,
      late.requestId,
      { organizationId: acmeId, side: 'coop', byPersonId: replier },
      '2032-05-03T12:00:00Z',
    );
    expect(await creditOf(late.clockId)).toMatchObject({
      state: 'declined',
      declineReason: breachWithdrawnReason,
    });
  });

  it('lets officers confirm or decline with a reason; sponsors neither decide nor see proposals', async () => {
    const firstId = (await creditOf(first))!.id;
    const thirdId = (await creditOf(third))!.id;
    // "What needs you" asks officers to decide, and links to the sponsor's report from the
    // oldest undecided breach's day; the sponsor is asked nothing.
    const decide = async (who: TestClient) =>
      (
        await who.get<{ items: { kind: string; title: string; href: string }[] }>('/api/todo')
      ).body.items.filter((i) => i.kind === 'decide-service-credits');
    expect(await decide(admin)).toEqual([
      expect.objectContaining({
        title: expect.stringMatching(/^Confirm or decline \d+ service credits? for Acme GmbH$/),
        href: expect.stringMatching(
          new RegExp(`^/organizations/${acmeId}/service-report\\?from=\\d{4}-\\d{2}-\\d{2}&to=`),
        ),
      }),
    ]);
    expect(await decide(acmeRep)).toEqual([]);
    expect((await acmeRep.post(`/api/service-credits/${firstId}/confirm`)).status).toBe(403);
    expect(await credits(acmeRep)).toEqual([]);
    expect(
      (await admin.post(`/api/service-credits/${thirdId}/decline`, { reason: '' })).status,
    ).toBe(400);
    expect(
      (
        await admin.post(`/api/service-credits/${thirdId}/decline`, {
          reason: 'The sponsor asked us to wait for their change window.',
        })
      ).status,
    ).toBe(204);
    expect((await admin.post(`/api/service-credits/${thirdId}/confirm`)).status).toBe(409);
    expect(await creditOf(third)).toMatchObject({
      state: 'declined',
      declineReason: 'The sponsor asked us to wait for their change window.',
    });
    for (const clockId of [first, second]) {
      const id = (await creditOf(clockId))!.id;
      expect((await admin.post(`/api/service-credits/${id}/confirm`)).status).toBe(204);
    }
    expect((await credits(acmeRep)).map((c) => [c.amount, c.state])).toEqual([
      ['150.00', 'confirmed'],
      ['150.00', 'confirmed'],
    ]);
    // Another sponsor sees none of them, even asking by organization.
    expect(await credits(globexRep, `?organizationId=${acmeId}`)).toEqual([]);
    expect(
      (await globexRep.post(`/api/service-credits/${firstId}/decline`, { reason: 'nope nope' }))
        .status,
    ).toBe(403);
  });

  it('lists each breached clock’s credit on the compliance report, for its own sponsor only', async () => {
    const url = `/api/organizations/${acmeId}/service-report?from=2032-03-01&to=2032-03-31`;
    const officers = (await admin.get<Report>(url)).body;
    expect(officers.breached).toBe(4);
    expect(officers.clocks.map((c) => c.credit?.state ?? null)).toEqual([
      'confirmed',
      'confirmed',
      'declined',
      null,
    ]);
    const own = (await acmeRep.get<Report>(url)).body;
    expect(own.clocks.map((c) => c.credit?.state ?? null)).toEqual([
      'confirmed',
      'confirmed',
      null,
      null,
    ]);
    expect((await globexRep.get(url)).status).toBe(404);
  });

  it('issues confirmed credits as credit notes on the next invoice, partly when it is smaller', async () => {
    // 200.00 + 19% VAT = 238.00: the first credit (150.00 + VAT = 178.50) fits whole; of the
    // second only 50.00 (+ 9.50 VAT) is left to credit.
    const small = await issue(admin, {
      buyer: { organizationId: acmeId },
      lines: [line('200.00')],
    });
    await app.drainJobs();
    expect(await creditNotesOf(acmeId)).toEqual([
      expect.objectContaining({ gross: '17850', credited: small.id }),
      expect.objectContaining({ gross: '5950', credited: small.id }),
    ]);
    expect(await creditOf(first)).toMatchObject({ state: 'issued', issued: '150.00' });
    // In the buyer's language (Acme reads German).
    const [noteLine] = await queryRows<{ description: string; unit_price: string }>(
      app.database.db,
      sql`select l.description, l.unit_price::text as unit_price from invoice_lines l
          join invoices i on i.id = l.invoice_id
          where i.kind = 'credit-note' and i.organization_id = ${acmeId} order by i.number limit 1`,
    );
    expect(noteLine).toEqual({
      description:
        'Servicegutschrift: Zusage „Erste Antwort“ am 02.03.2032 verfehlt (Abrechnungszeitraum 01.03.2032 bis 31.03.2032)',
      unit_price: '150.00',
    });
    expect(await creditOf(second)).toMatchObject({ state: 'confirmed', issued: '50.00' });
    const invoice = await admin.get<{ status: string }>(`/api/invoices/${small.id}`);
    expect(invoice.body.status).toBe('credited');

    // The next invoice takes the 100.00 that waited; a redelivered event issues nothing twice.
    const next = await issue(admin, {
      buyer: { organizationId: acmeId },
      lines: [line('3000.00')],
    });
    await app.drainJobs();
    expect(await creditOf(second)).toMatchObject({ state: 'issued', issued: '150.00' });
    expect((await creditOf(second))!.issues.map((i) => [i.invoiceNumber, i.amount])).toEqual([
      [small.number, '50.00'],
      [next.number, '100.00'],
    ]);
    const [finalised] = await queryRows<{ seq: number; data: Record<string, unknown> }>(
      app.database.db,
      sql`select seq::float8 as seq, data from events
          where type = 'invoice.finalized' and subject_id = ${next.id}`,
    );
    const redelivered: StoredEvent = {
      coopId,
      seq: Number(finalised!.seq),
      type: 'invoice.finalized',
      version: 1,
      actorId: null,
      subjectType: 'invoice',
      subjectId: next.id,
      data: finalised!.data,
      occurredAt: new Date(),
    };
    const notes = serviceCreditNotesConsumer('http://test');
    await notes.handle(app.database.db, redelivered, 2);
    expect(await creditNotesOf(acmeId)).toHaveLength(3);
    // An invoice refused five times is passed over: its credits wait for the next invoice.
    expect(await notes.handle(app.database.db, redelivered, 6)).toBe(false);
    expect(await creditNotesOf(acmeId)).toHaveLength(3);

    // Another sponsor's invoice carries none of Acme's credits.
    await issue(admin, { buyer: { organizationId: globexId }, lines: [line('500.00')] });
    await app.drainJobs();
    expect(await creditNotesOf(globexId)).toEqual([]);
  });

  it('prints the report as a PDF in the sponsor’s language, for its own sponsor only', async () => {
    const url = `/api/organizations/${acmeId}/service-report.pdf?from=2032-03-01&to=2032-03-31`;
    const raw = async (client: TestClient) =>
      client.app.inject({
        method: 'GET',
        url,
        remoteAddress: client.ip,
        headers: client.cookie ? { cookie: client.cookie } : {},
      });
    expect((await raw(globexRep)).statusCode).toBe(404);
    const own = await raw(acmeRep);
    expect(own.statusCode).toBe(200);
    expect(own.headers['content-type']).toBe('application/pdf');
    expect(own.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect((await raw(admin)).statusCode).toBe(200);
    if (!hasPdftotext) return;
    const dir = mkdtempSync(join(tmpdir(), 'service-report-'));
    writeFileSync(join(dir, 'r.pdf'), own.rawPayload);
    if (process.env.KEEP_REPORT_PDF) writeFileSync(process.env.KEEP_REPORT_PDF, own.rawPayload);
    const text = execFileSync('pdftotext', ['-layout', join(dir, 'r.pdf'), '-']).toString();
    expect(text).toContain('Service-Level-Nachweis');
    expect(text).toContain('Acme GmbH');
    expect(text).toContain('verfehlt');
    // Both confirmed credits, issued on the credit notes, in German money.
    expect(text).toContain('Servicegutschriften für den Zeitraum: 300,00 €');
    expect(text).toContain('(kritisch)');
    expect(text.match(/150,00 €,/g)).toHaveLength(2);
    expect(text).toContain('gutgeschrieben mit');
    // The declined proposal is the officers' business, not the sponsor's paper.
    expect(text).not.toContain('60,00');
  });

  it('shows officers a confirmed credit that the sponsor’s invoices in another currency pass over', async () => {
    const held = async (who: TestClient) =>
      (
        await who.get<{ items: { kind: string; title: string; detail: string; href: string }[] }>(
          '/api/todo',
        )
      ).body.items.filter((i) => i.kind === 'service-credits-held');
    // A breach in April (March's cap is taken), confirmed; the sponsor is then billed in
    // dollars. The co-op's day stays in March, within the officers' sessions.
    const april = await breach(acmeId, acmeAgreement, '2032-04-05T10:00:00Z');
    clock.set('2032-03-20T09:00:00Z');
    const aprilId = (await creditOf(april.clockId))!.id;
    expect((await admin.post(`/api/service-credits/${aprilId}/confirm`)).status).toBe(204);
    // Confirmed and no invoice since: it waits as any credit does, asking nothing.
    expect(await held(admin)).toEqual([]);
    clock.set('2032-03-25T09:00:00Z');
    const dollars = await issue(admin, {
      buyer: { organizationId: acmeId },
      currency: 'USD',
      exchangeRate: { rate: '0.9', source: 'ECB' },
      lines: [line('500.00')],
    });
    await app.drainJobs();
    expect(await creditOf(april.clockId)).toMatchObject({ state: 'confirmed', issued: '0.00' });
    expect(await held(admin)).toEqual([
      {
        kind: 'service-credits-held',
        title: 'A confirmed service credit for Acme GmbH waits for an invoice in EUR',
        detail: expect.stringContaining(`(the latest ${dollars.number}) is in USD`),
        href: `/organizations/${acmeId}/service-report?from=2032-04-05&to=2032-03-25`,
        dueAt: null,
      },
    ]);
    expect(await held(acmeRep)).toEqual([]);
    // In German for an officer who reads German.
    const adminId = (await admin.get<{ user: { personId: string } }>('/api/session')).body.user
      .personId;
    expect((await admin.patch(`/api/members/${adminId}`, { locale: 'de' })).status).toBe(204);
    expect((await held(admin)).map((i) => [i.title, i.detail])).toEqual([
      [
        'Eine bestätigte Servicegutschrift für Acme GmbH wartet auf eine Rechnung in EUR',
        expect.stringMatching(/^Bestätigt am 20\.03\.2032, doch jede Rechnung seither/),
      ],
    ]);
    expect((await admin.patch(`/api/members/${adminId}`, { locale: 'en' })).status).toBe(204);
    // A small invoice in euros takes part of it; the rest waits for the next one.
    clock.set('2032-03-26T09:00:00Z');
    const small = await issue(admin, {
      buyer: { organizationId: acmeId },
      lines: [line('20.00')],
    });
    await app.drainJobs();
    const part = await creditOf(april.clockId);
    expect(part).toMatchObject({ state: 'confirmed' });
    expect(part!.issued).not.toBe('0.00');
    expect(await held(admin)).toEqual([]);
    // Billed in dollars again: the rest is held, counted from the invoice that took the part.
    clock.set('2032-03-27T09:00:00Z');
    const dollarsAgain = await issue(admin, {
      buyer: { organizationId: acmeId },
      currency: 'USD',
      exchangeRate: { rate: '0.9', source: 'ECB' },
      lines: [line('500.00')],
    });
    await app.drainJobs();
    expect((await held(admin)).map((i) => i.detail)).toEqual([
      `Part of it went on ${small.number} on 26 Mar 2032, but every invoice since (the latest ${dollarsAgain.number}) is in USD: a credit goes only on an invoice in its own currency. Invoice EUR, or credit the rest by hand.`,
    ]);
    // An invoice in euros takes the rest, and nothing is held any more.
    clock.set('2032-03-28T09:00:00Z');
    await issue(admin, { buyer: { organizationId: acmeId }, lines: [line('3000.00')] });
    await app.drainJobs();
    expect(await creditOf(april.clockId)).toMatchObject({ state: 'issued' });
    expect(await held(admin)).toEqual([]);
  });
});
