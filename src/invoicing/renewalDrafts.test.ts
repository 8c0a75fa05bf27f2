import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../platform/actor.ts';
import { manualClock } from '../platform/clock.ts';
import { runCommand } from '../platform/commands.ts';
import { queryRows } from '../platform/db/rows.ts';
import {
  adminCredentials,
  setUpCoop,
  startTestApp,
  type TestApp,
  type TestClient,
} from '../testing/testApp.ts';
import { prepareRenewalDrafts } from './commands/renewalDrafts.ts';
import { configureSeller } from './testing/fixtures.ts';

interface Summary {
  id: string;
  status: string;
  number: string | null;
  agreementId: string | null;
  period: { start: string; end: string } | null;
  heldReason: string | null;
}

const entitlements = {
  responseHours: { critical: 6, high: 24, normal: 72, low: null },
  expertHoursPerMonth: 2,
  reciprocalAccess: false,
  meetingsPerYear: 4,
  digest: 'monthly',
  publicAcknowledgement: true,
};

describe('renewals prepare the next term’s draft invoices', () => {
  const clock = manualClock('2027-01-10T10:00:00Z');
  let app: TestApp;
  let admin: TestClient;
  let coopId: string;
  let agreementId: string;
  let finnishAgreementId: string;

  const at = async (instant: string) => {
    clock.set(instant);
    await admin.signIn(adminCredentials.email, { password: adminCredentials.password });
  };
  const renew = async () => {
    const r = await admin.post('/api/agreements/renewals/run');
    expect(r.status).toBe(200);
    await app.drainJobs();
  };
  const draftsOf = async (id: string) =>
    (await admin.get<{ invoices: Summary[] }>('/api/invoices')).body.invoices
      .filter((i) => i.agreementId === id)
      .sort((a, b) => (a.period!.start < b.period!.start ? -1 : 1));
  const eventCount = async (type: string) =>
    (
      await queryRows<{ n: number }>(
        app.database.db,
        sql`select count(*)::int as n from events where type = ${type}`,
      )
    )[0]!.n;

  beforeAll(async () => {
    app = await startTestApp({}, { clock });
    admin = await setUpCoop(app);
    await configureSeller(admin);
    coopId = (await queryRows<{ id: string }>(app.database.db, sql`select id from coops`))[0]!.id;
    const tier = await admin.post<{ id: string }>('/api/tiers', {
      slug: 'silver',
      name: 'Silver',
      price: '3000.00',
      currency: 'EUR',
      periodMonths: 3,
      entitlements,
      serviceHoursPerMonth: 2,
    });
    const acme = await admin.post<{ id: string }>('/api/organizations', {
      legalName: 'Acme Cloud GmbH',
      taxId: 'DE811907980',
      country: 'DE',
      billingEmail: 'ap@acme.example',
      billingAddress: 'Hauptstr. 1, 10115 Berlin',
    });
    const agreement = await admin.post<{ id: string }>('/api/agreements', {
      organizationId: acme.body.id,
      title: 'Silver support',
      startsOn: '2027-02-01',
      termMonths: 12,
      noticeDays: 30,
      lines: [{ tierId: tier.body.id }],
      buyerReference: 'ACME-IT-0042',
      purchaseOrderRequired: true,
    });
    expect(agreement.status).toBe(201);
    agreementId = agreement.body.id;
    await admin.post(`/api/agreements/${agreementId}/purchase-orders`, {
      number: 'PO-2027',
      amount: '20000.00',
      validFrom: '2027-02-01',
      validUntil: '2028-01-31',
    });
    const finn = await admin.post<{ id: string }>('/api/organizations', {
      legalName: 'Nokia Open Source Oy',
      taxId: 'FI12345678',
      country: 'FI',
      billingAddress: 'Karakaari 7, 02610 Espoo',
    });
    finnishAgreementId = (
      await admin.post<{ id: string }>('/api/agreements', {
        organizationId: finn.body.id,
        title: 'Silver support',
        startsOn: '2027-02-01',
        termMonths: 12,
        noticeDays: 0,
        lines: [{ tierId: tier.body.id }],
      })
    ).body.id;
    // A new price for the tier: the signed agreements keep the version they pinned.
    const revised = await admin.post(`/api/tiers/${tier.body.id}/versions`, {
      name: 'Silver',
      price: '3600.00',
      currency: 'EUR',
      periodMonths: 3,
      entitlements,
      serviceHoursPerMonth: 2,
    });
    expect(revised.status).toBe(201);
  });
  afterAll(async () => app?.stop());

  it('prepares one draft per billing period of the next term, at the pinned price, held without a purchase order', async () => {
    await at('2027-12-03T08:00:00Z');
    await renew();
    const drafts = await draftsOf(agreementId);
    expect(drafts.map((d) => d.period)).toEqual([
      { start: '2028-02-01', end: '2028-04-30' },
      { start: '2028-05-01', end: '2028-07-31' },
      { start: '2028-08-01', end: '2028-10-31' },
      { start: '2028-11-01', end: '2029-01-31' },
    ]);
    expect(drafts.every((d) => d.status === 'draft' && d.number === null)).toBe(true);
    // The only order ends with the first term: every draft of the next one waits.
    for (const d of drafts) expect(d.heldReason).toMatch(/purchase order/i);
    const detail = await admin.get<{
      buyerReference: string;
      purchaseOrder: string | null;
      currency: string;
      lines: { description: string; unitPrice: string; vatCategory: string; vatRate: string }[];
    }>(`/api/invoices/${drafts[0]!.id}`);
    expect(detail.body).toMatchObject({ buyerReference: 'ACME-IT-0042', currency: 'EUR' });
    expect(detail.body.lines).toEqual([
      expect.objectContaining({ unitPrice: '3000.00', vatCategory: 'S', vatRate: '19' }),
    ]);

    // A business in another member state: reverse charge, and no order needed, so not held.
    const finnish = await draftsOf(finnishAgreementId);
    expect(finnish).toHaveLength(4);
    expect(finnish.every((d) => d.heldReason === null)).toBe(true);
    const line = (
      await admin.get<{ lines: { vatCategory: string; vatRate: string }[] }>(
        `/api/invoices/${finnish[0]!.id}`,
      )
    ).body.lines[0]!;
    expect(line).toMatchObject({ vatCategory: 'AE', vatRate: '0' });
  });

  it('prepares them once, whatever the notices and re-deliveries', async () => {
    const before = await eventCount('invoice.renewal-prepared');
    await at('2028-01-02T08:00:00Z');
    await renew();
    expect(await eventCount('agreement.renewal-term-due')).toBe(4);
    const again = await runCommand(
      prepareRenewalDrafts,
      { agreementId, termStartsOn: '2028-02-01', termEndsOn: '2029-01-31' },
      { db: app.database.db, actor: systemActor(coopId), publicUrl: '', clock },
    );
    expect(again.prepared).toEqual([]);
    expect(await eventCount('invoice.renewal-prepared')).toBe(before);
    expect(await draftsOf(agreementId)).toHaveLength(4);
  });

  it('refuses to finalise a held draft until a purchase order covers it', async () => {
    const [first] = await draftsOf(agreementId);
    const refused = await admin.post<{ detail: string }>(`/api/invoices/${first!.id}/finalize`, {});
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toMatch(/held until its purchase order is renewed/);
    expect((await draftsOf(agreementId))[0]!.status).toBe('draft');

    const po = await admin.post(`/api/agreements/${agreementId}/purchase-orders`, {
      number: 'PO-2028',
      amount: '7000.00',
      validFrom: '2028-02-01',
      validUntil: '2029-01-31',
    });
    expect(po.status).toBe(201);
    await app.drainJobs();
    const drafts = await draftsOf(agreementId);
    // Each draft (3,570 gross) is judged alone against what the order has left: all are
    // released; the draws come as they are finalised.
    expect(drafts.map((d) => d.heldReason === null)).toEqual([true, true, true, true]);
    const detail = await admin.get<{ purchaseOrder: string }>(`/api/invoices/${first!.id}`);
    expect(detail.body.purchaseOrder).toBe('PO-2028');
    const done = await admin.post<{ number: string }>(`/api/invoices/${first!.id}/finalize`, {});
    expect(done.status).toBe(200);
    expect(done.body.number).toMatch(/^INV-/);
  });

  it('a cancelled agreement stops them: the drafts it no longer owes go, finalised ones stay', async () => {
    const cancelled = await admin.post<{ endsOn: string }>(
      `/api/agreements/${agreementId}/cancel`,
      { reason: 'Budget cut' },
    );
    expect(cancelled.status).toBe(200);
    // Past the notice deadline (2028-01-01): the next term is still owed, its drafts stay.
    expect(cancelled.body.endsOn).toBe('2029-01-31');
    await app.drainJobs();
    expect(await draftsOf(agreementId)).toHaveLength(4);

    const finnishCancel = await admin.post<{ endsOn: string }>(
      `/api/agreements/${finnishAgreementId}/cancel`,
      { reason: 'Moving on' },
    );
    expect(finnishCancel.status).toBe(200);
    await app.drainJobs();
    expect(await draftsOf(finnishAgreementId)).toHaveLength(0);
    // And none come back: a notice delivered again prepares nothing for a cancelled agreement.
    const again = await runCommand(
      prepareRenewalDrafts,
      { agreementId: finnishAgreementId, termStartsOn: '2028-02-01', termEndsOn: '2029-01-31' },
      { db: app.database.db, actor: systemActor(coopId), publicUrl: '', clock },
    );
    expect(again.prepared).toEqual([]);
  });
});
