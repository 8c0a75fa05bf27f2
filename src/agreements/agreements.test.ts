import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { operatorActor } from '../platform/actor.ts';
import { manualClock } from '../platform/clock.ts';
import { runCommand } from '../platform/commands.ts';
import { queryRows } from '../platform/db/rows.ts';
import {
  addMember,
  adminCredentials,
  setUpCoop,
  startTestApp,
  type TestApp,
  type TestClient,
} from '../testing/testApp.ts';
import { drawOnPurchaseOrder, releasePurchaseOrderDraw } from './commands/drawOnPurchaseOrder.ts';
import { agreementForInvoicing, purchaseOrderStanding } from './index.ts';

interface Problem {
  detail?: string;
  errors?: { pointer: string; message: string }[];
}

const entitlements = {
  responseHours: { critical: 6, high: 24, normal: 72, low: null },
  expertHoursPerMonth: 4,
  reciprocalAccess: true,
  meetingsPerYear: 4,
  digest: 'monthly',
  publicAcknowledgement: true,
};

const pointers = (body: unknown) => ((body as Problem).errors ?? []).map((e) => e.pointer);

describe('tiers, quotes, agreements and purchase orders', () => {
  const clock = manualClock('2027-01-10T10:00:00Z');
  let app: TestApp;
  let admin: TestClient;
  let acmeId: string;
  let globexId: string;
  let acmeRep: TestClient;
  let globexRep: TestClient;
  let hacker: TestClient;
  let community: TestClient;
  let goldId: string;
  let silverId: string;
  let quoteId: string;
  let agreementId: string;
  let globexAgreementId: string;
  let pinnedVersionId: string;
  let halId: string;

  const ctx = () => ({ db: app.database.db, publicUrl: 'http://test', clock });
  const coopId = async () =>
    (await queryRows<{ id: string }>(app.database.db, sql`select id from coops`))[0]!.id;
  const eventsOf = async (type: string) =>
    queryRows<{ data: Record<string, unknown> }>(
      app.database.db,
      sql`select data from events where type = ${type} order by seq`,
    );

  beforeAll(async () => {
    app = await startTestApp({}, { clock });
    admin = await setUpCoop(app);
    const acme = await admin.post<{ id: string }>('/api/organizations', {
      legalName: 'Acme Cloud GmbH',
      taxId: 'DE123456789',
      country: 'DE',
      billingEmail: 'ap@acme.example',
      billingAddress: 'Hauptstr. 1, 10115 Berlin',
    });
    acmeId = acme.body.id;
    globexId = (await admin.post<{ id: string }>('/api/organizations', { legalName: 'Globex Oy' }))
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
    community = (
      await addMember(
        app,
        admin,
        { email: 'cam@coop.example', name: 'Cam Community', memberClass: 'community' },
        '10.0.1.4',
      )
    ).client;
  });
  afterAll(async () => app?.stop());

  it('keeps tiers as versioned data and shows the published ones to anyone', async () => {
    const gold = await admin.post<{ id: string; version: number }>('/api/tiers', {
      slug: 'gold',
      name: 'Gold',
      summary: 'Reciprocal access and expert advice on call',
      price: '30000.00',
      currency: 'EUR',
      periodMonths: 12,
      entitlements,
      serviceHoursPerMonth: 6,
    });
    expect(gold.status).toBe(201);
    goldId = gold.body.id;
    const silver = await admin.post<{ id: string }>('/api/tiers', {
      slug: 'silver',
      name: 'Silver',
      price: '12000.00',
      currency: 'EUR',
      periodMonths: 12,
      entitlements: { ...entitlements, reciprocalAccess: false, expertHoursPerMonth: 1 },
      serviceHoursPerMonth: 2,
    });
    silverId = silver.body.id;
    const hidden = await admin.post('/api/tiers', {
      slug: 'secret',
      name: 'Secret',
      price: '1.00',
      currency: 'EUR',
      periodMonths: 1,
      entitlements,
      serviceHoursPerMonth: 1,
      published: false,
    });
    expect(hidden.status).toBe(201);
    expect(
      pointers(
        (
          await admin.post('/api/tiers', {
            slug: 'gold',
            name: 'Gold again',
            price: '1.001',
            currency: 'EUR',
            periodMonths: 12,
            entitlements,
            serviceHoursPerMonth: 1,
          })
        ).body,
      ),
    ).toEqual(['/price']);
    const revised = await admin.post<{ version: number }>(`/api/tiers/${goldId}/versions`, {
      name: 'Gold',
      price: '36000.00',
      currency: 'EUR',
      periodMonths: 12,
      entitlements,
      serviceHoursPerMonth: 6,
    });
    expect(revised.body.version).toBe(2);

    const visitor = app.client('10.9.9.9');
    const page = await visitor.get<{
      tiers: { slug: string; current: { price: string; version: number } }[];
    }>('/api/tiers');
    expect(page.status).toBe(200);
    expect(page.body.tiers.map((t) => [t.slug, t.current.price, t.current.version])).toEqual([
      ['silver', '12000.00', 1],
      ['gold', '36000.00', 2],
    ]);
    expect((await visitor.get('/api/tiers?all=true')).status).toBe(401);
    expect((await community.get('/api/tiers?all=true')).status).toBe(403);
    const all = await hacker.get<{ tiers: unknown[] }>('/api/tiers?all=true');
    expect(all.body.tiers).toHaveLength(3);
    const history = await visitor.get<{ versions: { version: number; price: string }[] }>(
      `/api/tiers/${goldId}`,
    );
    expect(history.body.versions.map((v) => [v.version, v.price])).toEqual([
      [2, '36000.00'],
      [1, '30000.00'],
    ]);
    expect((await admin.post(`/api/tiers/${goldId}/versions`, {})).status).toBe(400);
    expect((await acmeRep.post('/api/tiers', { slug: 'x' })).status).toBe(400);
    expect(
      (
        await acmeRep.post('/api/tiers', {
          slug: 'mine',
          name: 'Mine',
          price: '1.00',
          currency: 'EUR',
          periodMonths: 1,
          entitlements,
          serviceHoursPerMonth: 1,
        })
      ).status,
    ).toBe(403);
  });

  it('refuses a quote whose lines contradict its terms, naming each field', async () => {
    const bad = await admin.post('/api/quotes', {
      organizationId: acmeId,
      title: 'Bad',
      currency: 'USD',
      validUntil: '2027-01-01',
      startsOn: '2027-02-01',
      termMonths: 18,
      lines: [{ tierId: goldId }, { description: 'Onboarding' }],
    });
    expect(bad.status).toBe(400);
    expect(pointers(bad.body)).toEqual(['/validUntil']);
    const worse = await admin.post('/api/quotes', {
      organizationId: acmeId,
      title: 'Bad',
      currency: 'USD',
      validUntil: '2027-02-01',
      startsOn: '2027-02-01',
      termMonths: 18,
      lines: [{ tierId: goldId }, { description: 'Onboarding' }],
    });
    expect(pointers(worse.body)).toEqual(['/lines/0/tierId', '/lines/1/unitPrice', '/termMonths']);
  });

  it('sends a quote as a PDF with a link the buyer opens and accepts', async () => {
    const draft = await admin.post<{ id: string; number: string }>('/api/quotes', {
      organizationId: acmeId,
      title: 'Retainer 2027',
      validUntil: '2027-01-31',
      startsOn: '2027-02-01',
      termMonths: 12,
      noticeDays: 30,
      lines: [{ tierId: goldId }, { description: 'Onboarding workshop', unitPrice: '1500.00' }],
    });
    expect(draft.status).toBe(201);
    expect(draft.body.number).toBe('Q-0001');
    quoteId = draft.body.id;
    const quote = await admin.get<{ termTotal: string; lines: { tierVersionId: string }[] }>(
      `/api/quotes/${quoteId}`,
    );
    expect(quote.body.termTotal).toBe('37500.00');
    pinnedVersionId = quote.body.lines[0]!.tierVersionId;
    expect((await admin.get(`/api/quotes/${quoteId}/pdf`)).status).toBe(404);

    const sent = await admin.post<{ acceptUrl: string; sha256: string; documentVersionId: string }>(
      `/api/quotes/${quoteId}/send`,
      {},
    );
    expect(sent.status).toBe(200);
    const token = sent.body.acceptUrl.split('/quote/')[1]!;
    const [mail] = await queryRows<{ to_address: string; body: string }>(
      app.database.db,
      sql`select to_address, body from outbox where kind = 'quote'`,
    );
    expect(mail!.to_address).toBe('ap@acme.example');
    expect(mail!.body).toContain(sent.body.acceptUrl);
    expect(JSON.stringify(await eventsOf('quote.sent'))).not.toContain(token);

    const buyer = app.client('198.51.100.7');
    const view = await buyer.get<{ open: boolean; sha256: string; termTotal: string }>(
      `/api/quote-links/${token}`,
    );
    expect(view.body).toMatchObject({
      open: true,
      sha256: sent.body.sha256,
      termTotal: '37500.00',
    });
    const pdf = await buyer.request<string>('GET', `/api/quote-links/${token}/pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const document = await admin.get<{ pdfSha256: string; body: string }>(
      `/api/documents/${sent.body.documentVersionId}`,
    );
    expect(document.body.body).toContain('Gold tier (version 2)');
    expect(document.body.body).toContain('within 6 hours');
    expect(createHash('sha256').update(document.body.body).digest('hex')).toBe(sent.body.sha256);

    const signatory = {
      name: 'Petra Procurement',
      email: 'petra@acme.example',
      role: 'Head of Procurement',
    };
    const stale = await buyer.post(`/api/quote-links/${token}/accept`, {
      signatory,
      sha256: '0'.repeat(64),
    });
    expect(stale.status).toBe(409);
    const accepted = await buyer.post<{ agreementId: string; agreementNumber: string }>(
      `/api/quote-links/${token}/accept`,
      { signatory, sha256: sent.body.sha256 },
    );
    expect(accepted.status).toBe(201);
    agreementId = accepted.body.agreementId;
    expect(accepted.body.agreementNumber).toBe('A-0001');
    expect(
      (
        await buyer.post(`/api/quote-links/${token}/accept`, {
          signatory,
          sha256: sent.body.sha256,
        })
      ).status,
    ).toBe(410);

    const signed = await acmeRep.get<{ acceptances: Record<string, unknown>[] }>(
      `/api/documents/acceptances?organizationId=${acmeId}`,
    );
    expect(signed.body.acceptances).toHaveLength(1);
    expect(signed.body.acceptances[0]).toMatchObject({
      name: 'Petra Procurement',
      role: 'Head of Procurement',
      sha256: sent.body.sha256,
      ip: '198.51.100.7',
      templateKey: 'quote',
      acceptedAt: '2027-01-10T10:00:00.000Z',
    });
    expect(
      (await globexRep.get(`/api/documents/acceptances?organizationId=${acmeId}`)).status,
    ).toBe(403);
  });

  it('pins the tier version: changing the tier never changes a signed agreement', async () => {
    await admin.post(`/api/tiers/${goldId}/versions`, {
      name: 'Gold',
      price: '50000.00',
      currency: 'EUR',
      periodMonths: 12,
      entitlements,
      serviceHoursPerMonth: 8,
    });
    const agreement = await admin.get<{
      lines: { tierVersionId: string; unitPrice: string }[];
      currentTermEndsOn: string;
      billingContacts: unknown[];
    }>(`/api/agreements/${agreementId}`);
    expect(agreement.body.lines[0]).toMatchObject({
      tierVersionId: pinnedVersionId,
      unitPrice: '36000.00',
    });
    expect(agreement.body.currentTermEndsOn).toBe('2028-01-31');
    expect(agreement.body.billingContacts).toEqual([
      { name: 'Acme Cloud GmbH', email: 'ap@acme.example' },
    ]);
  });

  it('shows each sponsor its own quotes and agreements and nothing of another’s', async () => {
    const other = await admin.post<{ id: string }>('/api/agreements', {
      organizationId: globexId,
      title: 'Globex silver',
      startsOn: '2027-01-01',
      termMonths: 12,
      lines: [{ tierId: silverId }],
      billingContacts: [{ name: 'Globex AP', email: 'ap@globex.example' }],
    });
    expect(other.status).toBe(201);
    globexAgreementId = other.body.id;
    const acmeList = await acmeRep.get<{ agreements: { id: string }[] }>('/api/agreements');
    expect(acmeList.body.agreements.map((a) => a.id)).toEqual([agreementId]);
    const asked = await acmeRep.get<{ agreements: { id: string }[] }>(
      `/api/agreements?organizationId=${globexId}`,
    );
    expect(asked.body.agreements.map((a) => a.id)).toEqual([agreementId]);
    expect((await acmeRep.get(`/api/agreements/${globexAgreementId}`)).status).toBe(403);
    expect((await globexRep.get(`/api/quotes/${quoteId}`)).status).toBe(403);
    expect((await globexRep.get<{ quotes: unknown[] }>('/api/quotes')).body.quotes).toEqual([]);
    expect((await community.get('/api/agreements')).status).toBe(403);
    expect(
      (await hacker.get<{ agreements: unknown[] }>('/api/agreements')).body.agreements,
    ).toHaveLength(2);
    expect(
      (await acmeRep.patch(`/api/agreements/${agreementId}`, { buyerReference: 'X' })).status,
    ).toBe(403);
  });

  it('plans capacity: each hacker’s load and the sponsors each tier needs to reach the pay target', async () => {
    await admin.patch(`/api/agreements/${agreementId}`, { servingHackerIds: [halId] });
    expect((await admin.patch(`/api/capacity/hackers/${halId}`, { hoursPerMonth: 7 })).status).toBe(
      204,
    );
    const plan = await hacker.get<{
      hackers: {
        name: string;
        clients: number;
        committedHoursPerMonth: number;
        loadPercent: number;
      }[];
      tiers: { name: string; sponsorsForTarget: number }[];
      warnings: { code: string }[];
      targetAnnualMinor: string;
      annualRevenueMinor: string;
    }>('/api/capacity');
    expect(plan.status).toBe(200);
    expect(plan.body.hackers).toEqual([
      expect.objectContaining({
        name: 'Ada Admin',
        clients: 0,
        committedHoursPerMonth: 0,
        loadPercent: 0,
      }),
      expect.objectContaining({
        name: 'Hal Hacker',
        clients: 1,
        committedHoursPerMonth: 6,
        loadPercent: 86,
      }),
    ]);
    // Two hackers' target of EUR 90,000 a year each: four gold sponsors at 50,000 (the tier's
    // current version), fifteen silver at 12,000, 15,000 of the hidden one-euro tier.
    expect(plan.body.targetAnnualMinor).toBe('18000000');
    expect(plan.body.annualRevenueMinor).toBe('4800000');
    expect(plan.body.tiers.map((t) => [t.name, t.sponsorsForTarget])).toEqual([
      ['Secret', 15000],
      ['Silver', 15],
      ['Gold', 4],
    ]);
    expect(plan.body.warnings.map((w) => w.code).sort()).toEqual(['overloaded', 'unserved']);
    expect((await community.get('/api/capacity')).status).toBe(403);
    expect((await acmeRep.get('/api/capacity')).status).toBe(403);
  });

  it('warns before a purchase order blocks invoicing, by amount and by date', async () => {
    const coop = await coopId();
    await admin.patch(`/api/agreements/${agreementId}`, {
      purchaseOrderRequired: true,
      buyerReference: 'ACME-IT-0042',
    });
    expect(
      (await purchaseOrderStanding(app.database.db, coop, agreementId, 100n, '2027-03-01'))
        .standing,
    ).toBe('block');
    const po = await admin.post(`/api/agreements/${agreementId}/purchase-orders`, {
      number: 'PO-7781',
      amount: '37500.00',
      validFrom: '2027-02-01',
      validUntil: '2027-12-31',
    });
    expect(po.status).toBe(201);
    expect(
      (
        await admin.post(`/api/agreements/${agreementId}/purchase-orders`, {
          number: 'PO-7781',
          amount: '1.00',
          validFrom: '2027-02-01',
          validUntil: '2027-12-31',
        })
      ).status,
    ).toBe(409);
    const standing = (amount: bigint, day: string) =>
      purchaseOrderStanding(app.database.db, coop, agreementId, amount, day);
    expect((await standing(2_000_000n, '2027-03-01')).standing).toBe('ok');
    expect((await standing(3_750_000n, '2027-03-01')).standing).toBe('warn');
    expect((await standing(3_750_001n, '2027-03-01')).standing).toBe('block');
    expect((await standing(100n, '2027-12-15')).reasons).toEqual([
      'Purchase order PO-7781 expires on 2027-12-31, in 16 days.',
    ]);
    expect((await standing(100n, '2028-01-02')).reasons).toEqual([
      'Purchase order PO-7781 expired on 2027-12-31: ask the buyer for a new one.',
    ]);

    const draw = await runCommand(
      drawOnPurchaseOrder,
      { agreementId, amountMinor: 3_150_000n, date: '2027-02-01', reference: 'invoice-1' },
      { ...ctx(), actor: operatorActor(coop) },
    );
    expect(draw).toMatchObject({ standing: 'warn', purchaseOrderNumber: 'PO-7781' });
    const again = await runCommand(
      drawOnPurchaseOrder,
      { agreementId, amountMinor: 3_150_000n, date: '2027-02-01', reference: 'invoice-1' },
      { ...ctx(), actor: operatorActor(coop) },
    );
    expect(again.drawId).toBe(draw.drawId);
    await expect(
      runCommand(
        drawOnPurchaseOrder,
        { agreementId, amountMinor: '700000', date: '2027-02-01', reference: 'invoice-2' },
        { ...ctx(), actor: operatorActor(coop) },
      ),
    ).rejects.toMatchObject({ status: 409 });
    const released = await runCommand(
      releasePurchaseOrderDraw,
      { agreementId, reference: 'invoice-1' },
      { ...ctx(), actor: operatorActor(coop) },
    );
    expect(released.released).toBe(true);
    expect((await standing(700_000n, '2027-02-01')).standing).toBe('ok');
    const detail = await acmeRep.get<{ purchaseOrders: { remaining: string }[] }>(
      `/api/agreements/${agreementId}`,
    );
    expect(detail.body.purchaseOrders[0]!.remaining).toBe('37500.00');
    const forInvoicing = await agreementForInvoicing(
      app.database.db,
      coop,
      agreementId,
      '2027-02-01',
    );
    expect(forInvoicing).toMatchObject({
      currency: 'EUR',
      buyerReference: 'ACME-IT-0042',
      purchaseOrder: { number: 'PO-7781' },
      billingContacts: [{ email: 'ap@acme.example' }],
    });
    expect(forInvoicing.periods).toHaveLength(1);
    expect(forInvoicing.periods[0]!.lines.map((l) => l.unitPriceMinor)).toEqual([
      3_600_000n,
      150_000n,
    ]);
  });

  it('announces renewals once per notice day, renews, and a cancellation stops it', async () => {
    const run = () =>
      admin.post<{ renewed: number; ended: number; announced: number }>(
        '/api/agreements/renewals/run',
      );
    expect((await acmeRep.post('/api/agreements/renewals/run')).status).toBe(403);
    // Sessions expire as the clock leaps months ahead: sign in again on each day.
    const at = async (instant: string) => {
      clock.set(instant);
      await admin.signIn(adminCredentials.email, { password: adminCredentials.password });
    };
    await at('2027-12-03T08:00:00Z');
    expect((await run()).body).toEqual({ renewed: 0, ended: 0, announced: 2 });
    expect((await run()).body.announced).toBe(0);
    await at('2028-01-02T08:00:00Z');
    expect((await run()).body).toEqual({ renewed: 1, ended: 0, announced: 1 });
    const due = await eventsOf('agreement.renewal-term-due');
    expect(due.map((e) => [e.data.number, e.data.daysBefore])).toEqual([
      ['A-0001', 60],
      ['A-0002', 30],
      ['A-0001', 30],
    ]);
    expect(due[2]!.data).toMatchObject({
      noticeDeadline: '2028-01-01',
      nextTermStartsOn: '2028-02-01',
    });
    await at('2028-02-01T08:00:00Z');
    expect((await run()).body.renewed).toBe(1);
    const renewed = await admin.get<{ currentTermStartsOn: string; currentTermEndsOn: string }>(
      `/api/agreements/${agreementId}`,
    );
    expect(renewed.body).toMatchObject({
      currentTermStartsOn: '2028-02-01',
      currentTermEndsOn: '2029-01-31',
    });

    await at('2028-02-10T08:00:00Z');
    const cancelled = await admin.post(`/api/agreements/${agreementId}/cancel`, {
      reason: 'Budget cut',
    });
    expect(cancelled.body).toEqual({ endsOn: '2029-01-31', withinNotice: true });
    expect((await eventsOf('agreement.cancelled'))[0]!.data).toMatchObject({
      endsOn: '2029-01-31',
    });
    await at('2029-01-05T08:00:00Z');
    expect((await run()).body.announced).toBe(0);
    await at('2029-02-01T08:00:00Z');
    expect((await run()).body.ended).toBe(1);
    const ended = await admin.get<{ status: string }>(`/api/agreements/${agreementId}`);
    expect(ended.body.status).toBe('ended');
  });
});

describe('the daily renewal run', () => {
  let app: TestApp;
  afterAll(async () => app?.stop());

  it('is scheduled once a day per co-op and runs as the co-op itself', async () => {
    app = await startTestApp();
    await setUpCoop(app);
    const { scheduleRenewals } = await import('./jobs.ts');
    await scheduleRenewals(app.database.db, new Date('2027-05-01T03:00:00Z'));
    await scheduleRenewals(app.database.db, new Date('2027-05-01T04:00:00Z'));
    const jobs = await queryRows<{ n: number }>(
      app.database.db,
      sql`select count(*)::int as n from jobs where kind = 'agreements.renewals'`,
    );
    expect(jobs[0]!.n).toBe(1);
    await app.drainJobs();
    const done = await queryRows<{ n: number }>(
      app.database.db,
      sql`select count(*)::int as n from jobs where kind = 'agreements.renewals' and done_at is not null`,
    );
    expect(done[0]!.n).toBe(1);
  });
});

describe('purchase order draws at once', () => {
  let app: TestApp;
  afterAll(async () => app?.stop());

  it('never overdraw an order, however many invoices draw together', async () => {
    app = await startTestApp({}, { clock: manualClock('2027-03-01T09:00:00Z') });
    const admin = await setUpCoop(app);
    const org = await admin.post<{ id: string }>('/api/organizations', { legalName: 'Initech' });
    const agreement = await admin.post<{ id: string }>('/api/agreements', {
      organizationId: org.body.id,
      title: 'Support',
      startsOn: '2027-03-01',
      termMonths: 12,
      billingPeriodMonths: 1,
      lines: [{ description: 'Support', unitPrice: '1000.00', recurring: true }],
      purchaseOrderRequired: true,
    });
    await admin.post(`/api/agreements/${agreement.body.id}/purchase-orders`, {
      number: 'PO-1',
      amount: '5000.00',
      validFrom: '2027-03-01',
      validUntil: '2028-02-29',
    });
    const coopId = (await queryRows<{ id: string }>(app.database.db, sql`select id from coops`))[0]!
      .id;
    const results = await Promise.allSettled(
      Array.from({ length: 12 }, (_, i) =>
        runCommand(
          drawOnPurchaseOrder,
          {
            agreementId: agreement.body.id,
            amountMinor: 100_000n,
            date: '2027-03-01',
            reference: `invoice-${i}`,
          },
          { db: app.database.db, actor: operatorActor(coopId), publicUrl: '' },
        ),
      ),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(5);
    expect(
      results
        .filter((r) => r.status === 'rejected')
        .map((r) => (r.reason as { status: number }).status),
    ).toEqual(Array(7).fill(409));
    const standing = await purchaseOrderStanding(
      app.database.db,
      coopId,
      agreement.body.id,
      1n,
      '2027-03-02',
    );
    expect(standing.standing).toBe('block');
  });
});
