import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findCoop } from '../coop/queries.ts';
import { defaultBylaws } from '../bylaws/document.ts';
import { sponsorWeights } from '../governance/sponsorWeights.ts';
import { manualClock } from '../platform/clock.ts';
import { queryRows } from '../platform/db/rows.ts';
import {
  addMember,
  setUpCoop,
  startTestApp,
  type TestApp,
  type TestClient,
} from '../testing/testApp.ts';
import { configureSeller, frenchBuyer, germanBuyer, issue, line } from './testing/fixtures.ts';

interface Invoice {
  id: string;
  number: string | null;
  status: string;
  overdue: boolean;
  net: string;
  tax: string;
  grossTotal: string;
  settled: string;
  due: string | null;
  creditorReference: string | null;
  vatBreakdown: { category: string; rate: string; taxable: string; tax: string }[];
  settlements: { kind: string; amount: string; creditNote: string | null }[];
  entryId: string | null;
  buyer: { legalName: string; vatId: string | null } | null;
  organization: { id: string; name: string };
}

describe('invoices', () => {
  let app: TestApp;
  let admin: TestClient;
  let coopId: string;
  const clock = manualClock('2027-03-10T09:00:00Z');

  beforeAll(async () => {
    app = await startTestApp({}, { clock });
    admin = await setUpCoop(app);
    coopId = (await findCoop(app.database.db))!.id;
    await configureSeller(admin);
  });
  afterAll(() => app.stop());

  const get = async (id: string) => (await admin.get<Invoice>(`/api/invoices/${id}`)).body;
  const postingsOf = (entryId: string) =>
    queryRows<{ path: string; amount: string; currency: string; coop: string }>(
      app.database.db,
      sql`select a.path, p.amount_minor::text as amount, p.currency, p.coop_amount_minor::text as coop
          from postings p join accounts a on a.id = p.account_id
          where p.coop_id = ${coopId} and p.entry_id = ${entryId} order by a.path`,
    );

  it('keeps a draft without a number, then numbers it and posts receivable, income and VAT', async () => {
    const draft = await admin.post<{ id: string; number: null }>('/api/invoices', {
      buyer: germanBuyer,
      lines: [line('1000.00'), line('250.00', 'S', '7', '2', 'Workshop seats')],
    });
    expect(draft.status).toBe(201);
    expect(draft.body.number).toBeNull();
    const shown = await get(draft.body.id);
    expect(shown).toMatchObject({ status: 'draft', number: null, net: '1500.00', tax: '225.00' });
    expect(shown.vatBreakdown).toEqual([
      { category: 'S', rate: '19', taxable: '1000.00', tax: '190.00' },
      { category: 'S', rate: '7', taxable: '500.00', tax: '35.00' },
    ]);

    const final = await admin.post<Invoice>(`/api/invoices/${draft.body.id}/finalize`, {});
    expect(final.status).toBe(200);
    expect(final.body).toMatchObject({
      number: 'INV-2027-00001',
      status: 'open',
      grossTotal: '1725.00',
      due: '1725.00',
    });
    expect(final.body.creditorReference).toMatch(/^RF\d\dI2027000001$/);
    expect(await postingsOf(final.body.entryId!)).toEqual([
      { path: 'assets:receivables', amount: '172500', currency: 'EUR', coop: '172500' },
      { path: 'income:sponsorship', amount: '-150000', currency: 'EUR', coop: '-150000' },
      { path: 'liabilities:vat', amount: '-22500', currency: 'EUR', coop: '-22500' },
    ]);
    // The buyer was found or added by its VAT id, once.
    const again = await issue(admin, { lines: [line('10.00')] });
    expect(again.number).toBe('INV-2027-00002');
    expect((await get(again.id)).organization.id).toBe(shown.organization.id);
  });

  it('never changes nor deletes a final invoice, in the API or in the database', async () => {
    const { id } = await issue(admin, { lines: [line('100.00')] });
    const edit = await admin.patch(`/api/invoices/${id}`, {
      buyer: germanBuyer,
      lines: [line('1.00')],
    });
    expect(edit.status).toBe(409);
    expect((await admin.delete(`/api/invoices/${id}`)).status).toBe(409);
    await expect(
      app.database.db.execute(sql`update invoices set gross_minor = 1 where id = ${id}`),
    ).rejects.toThrow();
    await expect(
      app.database.db.execute(sql`delete from invoices where id = ${id}`),
    ).rejects.toThrow();
    await expect(
      app.database.db.execute(
        sql`update invoice_lines set unit_price = 1 where invoice_id = ${id}`,
      ),
    ).rejects.toThrow();
    // A draft may be edited and deleted, and leaves no number behind.
    const draft = await admin.post<{ id: string }>('/api/invoices', {
      buyer: germanBuyer,
      lines: [line('5.00')],
    });
    expect(
      (
        await admin.patch(`/api/invoices/${draft.body.id}`, {
          buyer: germanBuyer,
          lines: [line('6.00')],
        })
      ).status,
    ).toBe(200);
    expect((await get(draft.body.id)).net).toBe('6.00');
    expect((await admin.delete(`/api/invoices/${draft.body.id}`)).status).toBe(204);
  });

  it('numbers each fiscal year from 1, with the configured prefix', async () => {
    await configureSeller(admin, { invoicePrefix: 'HC/' });
    const last = await issue(admin, { issueDate: '2026-12-31', lines: [line('1.00')] });
    expect(last.number).toBe('HC/2026-00001');
    const next = await issue(admin, { lines: [line('1.00')] });
    expect(next.number).toBe('HC/2027-00004');
    await configureSeller(admin, { invoicePrefix: 'INV-' });
  });

  it('rounds VAT per line or per rate, as the invoice says', async () => {
    const lines = [1, 2, 3].map((i) => line('1.05', 'S', '7', '1', `Item ${i}`));
    const perRate = await issue(admin, { rounding: 'per-rate', lines });
    const perLine = await issue(admin, { rounding: 'per-line', lines });
    expect((await get(perRate.id)).tax).toBe('0.22');
    expect((await get(perLine.id)).tax).toBe('0.21');
  });

  it('refuses VAT that EN 16931 forbids, naming the line', async () => {
    const r = await admin.post('/api/invoices', {
      buyer: germanBuyer,
      lines: [line('1.00', 'S', '0'), line('1.00', 'AE', '19'), line('1.00', 'O', '0')],
    });
    expect(r.status).toBe(400);
    const pointers = (r.body as { errors: { pointer: string }[] }).errors.map((e) => e.pointer);
    expect(pointers).toEqual(['/lines/0/vatRate', '/lines/1/vatRate', '/lines']);
  });

  it('invoices a business in another member state under reverse charge, no VAT', async () => {
    const { id } = await issue(admin, { buyer: frenchBuyer, lines: [line('2000.00', 'AE', '0')] });
    const invoice = await get(id);
    expect(invoice).toMatchObject({ tax: '0.00', grossTotal: '2000.00' });
    expect(await postingsOf(invoice.entryId!)).toEqual([
      { path: 'assets:receivables', amount: '200000', currency: 'EUR', coop: '200000' },
      { path: 'income:sponsorship', amount: '-200000', currency: 'EUR', coop: '-200000' },
    ]);
    // Without the buyer's VAT id, reverse charge is refused.
    const r = await admin.post('/api/invoices', {
      buyer: { ...frenchBuyer, legalName: 'No VAT id SARL', vatId: undefined },
      finalize: true,
      lines: [line('1.00', 'AE', '0')],
    });
    expect(r.status).toBe(400);
    expect(JSON.stringify(r.body)).toMatch(/VAT ids/);
  });

  it('books an invoice in another currency at the rate given, in both currencies', async () => {
    const missing = await admin.post('/api/invoices', {
      buyer: germanBuyer,
      currency: 'USD',
      finalize: true,
      lines: [line('1000.00')],
    });
    expect(missing.status).toBe(400);
    const { id } = await issue(admin, {
      currency: 'USD',
      exchangeRate: { rate: '0.9', source: 'ECB' },
      lines: [line('1000.00')],
    });
    const invoice = await get(id);
    expect(await postingsOf(invoice.entryId!)).toEqual([
      { path: 'assets:receivables', amount: '119000', currency: 'USD', coop: '107100' },
      { path: 'income:sponsorship', amount: '-100000', currency: 'USD', coop: '-90000' },
      { path: 'liabilities:vat', amount: '-19000', currency: 'USD', coop: '-17100' },
    ]);
    // Paid at a better rate: the difference is a realised exchange gain.
    const paid = await admin.post<Invoice>(`/api/invoices/${id}/payments`, {
      amount: '1190.00',
      coopAmount: '1100.00',
      receivedOn: '2027-03-20',
    });
    expect(paid.status).toBe(201);
    expect(paid.body.status).toBe('paid');
    const [gain] = await queryRows<{ coop: string }>(
      app.database.db,
      sql`select sum(p.coop_amount_minor)::text as coop from postings p join accounts a on a.id = p.account_id
          where p.coop_id = ${coopId} and a.path = 'income:exchange-gains'`,
    );
    expect(gain!.coop).toBe('-2900');
    // Invoicing passes its words to the ledger as facts too: the invoice's number, the buyer as
    // registered, and the exchange difference on a posting of its own.
    const facts = await queryRows<{ kind: string; fact: unknown; memos: unknown[] }>(
      app.database.db,
      sql`select e.kind, e.description_fact as fact,
                 (select json_agg(p.memo_fact order by p.id) from postings p
                   where p.entry_id = e.id and p.memo_fact is not null) as memos
            from journal_entries e where e.coop_id = ${coopId} and e.source_id = ${id} order by e.number`,
    );
    expect(facts).toEqual([
      {
        kind: 'invoice',
        fact: {
          code: 'invoice',
          params: { number: invoice.number, buyer: invoice.buyer!.legalName },
        },
        memos: null,
      },
      {
        kind: 'payment',
        fact: { code: 'invoice-payment', params: { number: invoice.number } },
        memos: [{ code: 'exchange-difference', params: { invoice: invoice.number } }],
      },
    ]);
  });

  it('settles by partial payments and overpayments; its state follows, and sponsors gain funding', async () => {
    const payer = { ...germanBuyer, legalName: 'Payer AG', vatId: 'DE111111111' };
    const { id } = await issue(admin, { buyer: payer, lines: [line('1000.00')] });
    const pay = (amount: string) =>
      admin.post<Invoice>(`/api/invoices/${id}/payments`, { amount, receivedOn: '2027-03-15' });
    expect((await pay('500.00')).body).toMatchObject({ status: 'partially-paid', due: '690.00' });
    expect((await pay('690.00')).body).toMatchObject({ status: 'paid', due: '0.00' });
    expect((await pay('10.00')).body).toMatchObject({ status: 'overpaid', due: '-10.00' });
    // Funding counts the co-op's income, not the VAT: of each payment the share 1000/1190,
    // split by largest remainder: 420.17 + 579.83 + 8.40.
    const orgId = (await get(id)).organization.id;
    const weights = await sponsorWeights(app.database.db, coopId, defaultBylaws(), '2027-06-30');
    expect(weights[orgId]).toBe(100_840n);
    const verify = await admin.get<{ ok: boolean }>('/api/ledger/verify');
    expect(verify.body.ok).toBe(true);
  });

  it('corrects by credit notes, partial or full, never more than the invoice', async () => {
    const { id, number } = await issue(admin, { lines: [line('1000.00')] });
    const partial = await issue(admin, {
      creditedInvoice: number,
      lines: [line('200.00', 'S', '19', '1', 'Discount agreed')],
    });
    expect(partial.number).toBe('CN-2027-00001');
    expect(await get(id)).toMatchObject({ status: 'partially-paid', due: '952.00' });
    const tooMuch = await admin.post('/api/invoices', {
      buyer: germanBuyer,
      creditedInvoice: number,
      finalize: true,
      lines: [line('900.00')],
    });
    expect(tooMuch.status).toBe(409);
    const rest = await issue(admin, { creditedInvoice: number, lines: [line('800.00')] });
    const credited = await get(id);
    expect(credited).toMatchObject({ status: 'credited', due: '0.00' });
    expect(credited.settlements.map((s) => s.creditNote)).toEqual([partial.number, rest.number]);
    const note = await get(rest.id);
    expect(note.status).toBe('applied');
    expect(await postingsOf(note.entryId!)).toEqual([
      { path: 'assets:receivables', amount: '-95200', currency: 'EUR', coop: '-95200' },
      { path: 'income:sponsorship', amount: '80000', currency: 'EUR', coop: '80000' },
      { path: 'liabilities:vat', amount: '15200', currency: 'EUR', coop: '15200' },
    ]);
  });

  it('lists invoices by state, overdue after the due date', async () => {
    const { id } = await issue(admin, {
      issueDate: '2027-01-02',
      dueDate: '2027-02-01',
      lines: [line('1.00')],
    });
    const overdue = await admin.get<{ invoices: { id: string; overdue: boolean }[] }>(
      '/api/invoices?status=overdue',
    );
    expect(overdue.body.invoices.map((i) => i.id)).toContain(id);
    expect(overdue.body.invoices.every((i) => i.overdue)).toBe(true);
    // What needs the officers who issue invoices: following them up.
    const todo = await admin.get<{ items: { kind: string; title: string }[] }>('/api/todo');
    expect(todo.body.items.find((i) => i.kind === 'overdue-invoices')?.title).toMatch(
      /^Follow up \d+ overdue invoices?$/,
    );
  });

  it('shows a sponsor’s representative its own organization’s invoices, not drafts, nothing else', async () => {
    const org = await admin.post<{ id: string }>('/api/organizations', { legalName: 'Rep Corp' });
    const mine = await issue(admin, {
      buyer: { organizationId: org.body.id },
      lines: [line('1.00')],
    });
    const draft = await admin.post<{ id: string }>('/api/invoices', {
      buyer: { organizationId: org.body.id },
      lines: [line('2.00')],
    });
    const rep = await addMember(app, admin, {
      email: 'rep@repcorp.test',
      name: 'Rep',
      memberClass: 'sponsor',
      organizationId: org.body.id,
    });
    const list = await rep.client.get<{ invoices: { id: string }[] }>('/api/invoices');
    expect(list.body.invoices.map((i) => i.id)).toEqual([mine.id]);
    expect((await rep.client.get(`/api/invoices/${draft.body.id}`)).status).toBe(404);
    const others = (
      await admin.get<{ invoices: { id: string; organization: { id: string } }[] }>('/api/invoices')
    ).body.invoices.find((i) => i.organization.id !== org.body.id)!;
    expect((await rep.client.get(`/api/invoices/${others.id}`)).status).toBe(404);
    expect(
      (await rep.client.post('/api/invoices', { buyer: germanBuyer, lines: [line('1.00')] }))
        .status,
    ).toBe(403);
    expect((await rep.client.get(`/api/invoices/${mine.id}/document?format=pdf`)).status).toBe(200);
  });

  it('judges an invoice under an agreement by its purchase order, and draws on it when finalised', async () => {
    const org = await admin.post<{ id: string }>('/api/organizations', {
      legalName: 'PO Buyer Ltd',
    });
    const agreement = await admin.post<{ id: string }>('/api/agreements', {
      organizationId: org.body.id,
      title: 'Support',
      startsOn: '2027-03-01',
      termMonths: 12,
      billingPeriodMonths: 1,
      lines: [{ description: 'Support', unitPrice: '1000.00', recurring: true }],
      purchaseOrderRequired: true,
    });
    expect(agreement.status, JSON.stringify(agreement.body)).toBe(201);
    const draft = async (amount: string) =>
      (
        await admin.post<{ id: string }>('/api/invoices', {
          buyer: { organizationId: org.body.id },
          agreementId: agreement.body.id,
          lines: [line(amount)],
        })
      ).body.id;
    // No order recorded where one is required: blocked, the field named.
    const first = await draft('1000.00');
    const blocked = await admin.post<{ errors: { pointer: string }[] }>(
      `/api/invoices/${first}/finalize`,
      {},
    );
    expect(blocked.status).toBe(409);
    expect(blocked.body.errors.map((e) => e.pointer)).toEqual(['/purchaseOrder']);
    await admin.post(`/api/agreements/${agreement.body.id}/purchase-orders`, {
      number: 'PO-77',
      amount: '1500.00',
      validFrom: '2027-03-01',
      validUntil: '2028-02-29',
    });
    expect((await admin.post(`/api/invoices/${first}/finalize`, {})).status).toBe(200);
    // 1,190 (with VAT) of 1,500 drawn: a second invoice is more than is left.
    const second = await draft('1000.00');
    expect((await admin.post(`/api/invoices/${second}/finalize`, {})).status).toBe(409);
    const [draws] = await queryRows<{ n: number }>(
      app.database.db,
      sql`select count(*)::int as n from purchase_order_draws where coop_id = ${coopId}`,
    );
    expect(draws!.n).toBe(1);
  });
});
