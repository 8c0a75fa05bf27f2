import { and, asc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultBylaws } from '../../bylaws/document.ts';
import { findCoop } from '../../coop/queries.ts';
import { funding } from '../../governance/schema.ts';
import { sponsorWeights } from '../../governance/sponsorWeights.ts';
import { queryRows } from '../../platform/db/rows.ts';
import {
  addMember,
  setUpCoop,
  startTestApp,
  type TestApp,
  type TestClient,
} from '../../testing/testApp.ts';
import type { ClaimView } from '../expenses/queries.ts';
import { expenseClaims } from '../schema.ts';

interface Problem {
  detail?: string;
}
type Claim = ClaimView & Problem;
interface Posted extends Problem {
  id: string;
  number: number;
}
interface Line {
  id: string;
  amount: string;
  status: string;
  matchedEntryId: string | null;
  suggestion: Record<string, unknown> | null;
}

describe('reversing an entry, and what it settled', () => {
  let app: TestApp;
  let admin: TestClient;
  let coopId: string;
  let economist: { client: TestClient; personId: string };
  let bea: { client: TestClient; personId: string };
  let receipts = 0;

  /** Bea's claim, submitted and approved (by two officers above the bylaws' threshold). */
  const approvedClaim = async (title: string, amount: string) => {
    const receipt = await bea.client.post<{ id: string }>('/api/expenses/receipts', {
      name: 'invoice.pdf',
      contentType: 'application/pdf',
      base64: Buffer.from(`%PDF-1.4\n% receipt ${++receipts}\n%%EOF\n`).toString('base64'),
    });
    expect(receipt.status).toBe(201);
    const draft = await bea.client.post<Claim>('/api/expenses/claims', {
      title,
      category: 'travel',
      account: 'expenses:travel',
      incurredOn: '2026-03-01',
      amount,
      receiptFileId: receipt.body.id,
    });
    expect(draft.status).toBe(201);
    const id = draft.body.id;
    expect((await bea.client.post(`/api/expenses/claims/${id}/submit`)).status).toBe(200);
    let claim = await economist.client.post<Claim>(`/api/expenses/claims/${id}/approve`);
    if (claim.body.status !== 'approved')
      claim = await admin.post<Claim>(`/api/expenses/claims/${id}/approve`);
    expect(claim.body.status).toBe('approved');
    return claim.body;
  };
  const pay = (claimId: string, paidOn = '2026-03-10', client = admin) =>
    client.post<Posted>(`/api/expenses/claims/${claimId}/pay`, { paidOn });
  const reverse = (entryId: string, reason: string, effectiveOn = '2026-03-12') =>
    admin.post<Posted>(`/api/ledger/entries/${entryId}/reverse`, { reason, effectiveOn });
  const claimOf = async (id: string) => (await admin.get<Claim>(`/api/expenses/claims/${id}`)).body;
  const events = (type: string, subjectId?: string) =>
    queryRows<{ subject_id: string; data: Record<string, unknown> }>(
      app.database.db,
      sql`select subject_id, data from events where type = ${type}
          and (${subjectId ?? null}::text is null or subject_id = ${subjectId ?? null}) order by seq`,
    );
  /** The payments `payClaim` posted for a claim (not their reversals). */
  const paymentsInBooks = async (claimId: string) =>
    (
      await queryRows<{ id: string }>(
        app.database.db,
        sql`select id from journal_entries where source_type = 'expense-claim'
            and source_id = ${claimId} and kind = 'expense' and reverses_entry_id is null
            order by number`,
      )
    ).map((r) => r.id);
  const lines = async (query: string) =>
    (await admin.get<{ lines: Line[] }>(`/api/ledger/bank-lines?${query}`)).body.lines;
  const weight = async (organizationId: string, onDay: string) =>
    (await sponsorWeights(app.database.db, coopId, defaultBylaws(), onDay))[organizationId] ?? 0n;
  const verified = async () => (await admin.get<{ ok: boolean }>('/api/ledger/verify')).body.ok;

  beforeAll(async () => {
    app = await startTestApp();
    admin = await setUpCoop(app);
    coopId = (await findCoop(app.database.db))!.id;
    economist = await addMember(app, admin, {
      email: 'eco@example.org',
      name: 'Eve Economist',
      memberClass: 'hacker',
    });
    bea = await addMember(
      app,
      admin,
      { email: 'bea@example.org', name: 'Bea Hacker', memberClass: 'hacker' },
      '10.0.1.3',
    );
    expect(
      (
        await admin.post(`/api/members/${economist.personId}/officer-terms`, {
          role: 'chief-economist',
        })
      ).status,
    ).toBe(201);
  });
  afterAll(() => app.stop());

  it('puts a paid claim back to approved when its payment is reversed; paying again posts once', async () => {
    const claim = await approvedClaim('Flights to the sprint', '1450.00');
    expect(claim.approvals).toHaveLength(2);
    const paid = await pay(claim.id);
    expect(paid.status).toBe(200);
    const first = (await claimOf(claim.id)).paidEntry!;

    const reversal = await reverse(first.id, 'paid from the wrong bank account');
    expect(reversal.status).toBe(201);
    const reopened = await claimOf(claim.id);
    expect(reopened).toMatchObject({
      status: 'approved',
      paidEntry: null,
      decidedAt: claim.decidedAt,
      approvals: claim.approvals,
      payments: [
        {
          entry: { id: first.id, number: first.number, effectiveOn: '2026-03-10' },
          reversedBy: {
            id: reversal.body.id,
            number: reversal.body.number,
            effectiveOn: '2026-03-12',
            description: `Reversal of entry ${first.number}: paid from the wrong bank account`,
          },
        },
      ],
    });
    expect(await events('expense.claim-payment-reversed', claim.id)).toEqual([
      {
        subject_id: claim.id,
        data: {
          entryId: first.id,
          entryNumber: first.number,
          reversalEntryId: reversal.body.id,
          reversalEntryNumber: reversal.body.number,
          reason: 'paid from the wrong bank account',
          status: 'approved',
        },
      },
    ]);
    // Bea sees it on her claim too.
    expect((await bea.client.get<Claim>(`/api/expenses/claims/${claim.id}`)).body).toMatchObject({
      status: 'approved',
      payments: [{ reversedBy: { number: reversal.body.number } }],
    });

    // Payable again, once, even when two payments arrive together.
    const again = await Promise.all([
      pay(claim.id, '2026-03-13'),
      pay(claim.id, '2026-03-13', economist.client),
    ]);
    expect(again.map((r) => r.status).sort()).toEqual([200, 409]);
    const payments = await paymentsInBooks(claim.id);
    expect(payments).toHaveLength(2);
    expect(payments[0]).toBe(first.id);
    const repaid = await claimOf(claim.id);
    expect(repaid.status).toBe('paid');
    expect(repaid.paidEntry!.id).toBe(payments[1]);
    expect(repaid.payments.map((p) => [p.entry.id, p.reversedBy?.id ?? null])).toEqual([
      [first.id, reversal.body.id],
      [payments[1], null],
    ]);
    expect(await events('expense.claim-paid', claim.id)).toHaveLength(2);

    // Neither the first payment again nor the reversal itself can be reversed: nothing moves.
    expect((await reverse(first.id, 'once more')).status).toBe(409);
    expect((await reverse(reversal.body.id, 'undo the undo')).status).toBe(409);
    expect((await claimOf(claim.id)).paidEntry!.id).toBe(payments[1]);
    expect(await events('expense.claim-payment-reversed', claim.id)).toHaveLength(1);
    // The expense stands once in the books.
    const [travel] = await queryRows<{ total: string }>(
      app.database.db,
      sql`select coalesce(sum(p.amount_minor), 0)::text as total from postings p
          join journal_entries e on e.id = p.entry_id
          join accounts a on a.id = p.account_id
          where e.source_id = ${claim.id} and a.path = 'expenses:travel'`,
    );
    expect(travel!.total).toBe('145000');
    expect(await verified()).toBe(true);
  });

  it('leaves claims alone when another entry is reversed, even one naming the claim', async () => {
    const claim = await approvedClaim('Conference ticket', '240.00');
    await pay(claim.id);
    const claimStates = () =>
      app.database.db
        .select({
          id: expenseClaims.id,
          status: expenseClaims.status,
          paidEntryId: expenseClaims.paidEntryId,
        })
        .from(expenseClaims)
        .orderBy(asc(expenseClaims.id));
    const claimsBefore = await claimStates();
    const reopenedBefore = (await events('expense.claim-payment-reversed')).length;
    const fundingBefore = (await app.database.db.select().from(funding)).length;

    // A hand-made entry that points at the claim is not its payment.
    const linked = await admin.post<Posted>('/api/ledger/entries', {
      effectiveOn: '2026-03-11',
      description: 'Ticket refund adjustment',
      sourceType: 'expense-claim',
      sourceId: claim.id,
      postings: [
        { account: 'expenses:travel', amount: '240.00' },
        { account: 'assets:bank:operating', amount: '-240.00' },
      ],
    });
    expect(linked.status).toBe(201);
    const plain = await admin.post<Posted>('/api/ledger/entries', {
      effectiveOn: '2026-03-11',
      description: 'Hosting',
      postings: [
        { account: 'expenses:infrastructure', amount: '77.00' },
        { account: 'assets:bank:operating', amount: '-77.00' },
      ],
    });
    for (const entry of [linked.body, plain.body])
      expect((await reverse(entry.id, 'booked twice')).status).toBe(201);

    const claimsAfter = await claimStates();
    expect(claimsAfter).toEqual(claimsBefore);
    expect(claimsAfter.find((c) => c.id === claim.id)!.status).toBe('paid');
    expect(await events('expense.claim-payment-reversed')).toHaveLength(reopenedBefore);
    expect(await app.database.db.select().from(funding)).toHaveLength(fundingBefore);
    expect((await claimOf(claim.id)).payments).toEqual([
      expect.objectContaining({ reversedBy: null }),
    ]);
  });

  it('cancels a reversed sponsor payment’s funding, so the vote weight follows the books', async () => {
    const org = (
      await admin.post<{ id: string }>('/api/organizations', { legalName: 'Payer GmbH' })
    ).body.id;
    const other = (
      await admin.post<{ id: string }>('/api/organizations', { legalName: 'Other Sponsor BV' })
    ).body.id;
    const sponsorPayment = async (organizationId: string, amount: string, receivedOn: string) => {
      const r = await admin.post<Posted>('/api/ledger/sponsor-payments', {
        organizationId,
        receivedOn,
        amount,
        reference: 'INV-9',
      });
      expect(r.status).toBe(201);
      return r.body;
    };
    const payment = await sponsorPayment(org, '12000.00', '2026-03-20');
    await sponsorPayment(other, '3000.00', '2026-03-21');
    expect(await weight(org, '2026-06-30')).toBe(1_200_000n);

    const reversal = await reverse(payment.id, 'the transfer bounced', '2026-05-15');
    expect(reversal.status).toBe(201);
    const rows = await app.database.db
      .select()
      .from(funding)
      .where(and(eq(funding.coopId, coopId), eq(funding.organizationId, org)))
      .orderBy(asc(funding.createdAt));
    expect(rows).toMatchObject([
      { receivedOn: '2026-03-20', amountMinor: 1_200_000n, sourceRef: payment.id },
      {
        receivedOn: '2026-03-20',
        amountMinor: -1_200_000n,
        coopAmountMinor: -1_200_000n,
        labourHours: 0,
        currency: 'EUR',
        source: 'ledger',
        sourceRef: reversal.body.id,
        note: `Reversal of entry #${payment.number} (entry #${reversal.body.number}): the transfer bounced`,
      },
    ]);
    // Nothing on any day: not before the reversal's date, not after the payment leaves the
    // trailing window (the reversal would otherwise count alone, below zero).
    for (const day of ['2026-03-20', '2026-04-30', '2026-06-30', '2027-03-25'])
      expect(await weight(org, day)).toBe(0n);
    expect(await weight(other, '2026-06-30')).toBe(300_000n);
    const concentration = await admin.get<{ sponsors: { organizationId: string }[] }>(
      '/api/reports/concentration?at=2026-07-01',
    );
    expect(concentration.body.sponsors.map((s) => s.organizationId)).toEqual([other]);
    expect(await events('funding.reversed', org)).toEqual([
      {
        subject_id: org,
        data: expect.objectContaining({
          reversesFundingId: rows[0]!.id,
          fundingId: rows[1]!.id,
          entryId: payment.id,
          reversalEntryId: reversal.body.id,
          amountMinor: '-1200000',
          coopAmountMinor: '-1200000',
        }),
      },
    ]);

    // A sponsor payment's funding row is recorded by governance, with its event, as one
    // entered by hand is: the payment and its reversal are both in the log.
    expect(await events('funding.recorded', org)).toEqual([
      {
        subject_id: org,
        data: {
          fundingId: rows[0]!.id,
          receivedOn: '2026-03-20',
          amountMinor: '1200000',
          currency: 'EUR',
          coopAmountMinor: '1200000',
          labourHours: 0,
          entryId: payment.id,
        },
      },
    ]);

    // Paid again for real: it counts once.
    await sponsorPayment(org, '12000.00', '2026-05-20');
    expect(await weight(org, '2026-06-30')).toBe(1_200_000n);
    expect(await verified()).toBe(true);

    // A payment in a locked period has counted there: reversing it later is refused.
    const locked = await sponsorPayment(other, '500.00', '2026-07-02');
    const lock = await admin.post<{ id: string }>('/api/ledger/period-locks', {
      fromDay: '2026-07-01',
      toDay: '2026-07-31',
    });
    expect(lock.status).toBe(201);
    const refused = await reverse(locked.id, 'refunded', '2026-08-03');
    expect(refused.status).toBe(409);
    expect((refused.body as { detail: string }).detail).toContain(
      'lies in the locked period 2026-07-01 to 2026-07-31',
    );
    expect(await weight(other, '2026-07-31')).toBe(350_000n);
    // Nor is labour recorded by hand into it.
    const labour = await admin.post<{ errors: unknown[] }>('/api/funding', {
      organizationId: other,
      receivedOn: '2026-07-15',
      labourHours: 40,
    });
    expect(labour.status).toBe(409);
    expect(labour.body.errors).toEqual([
      { pointer: '/receivedOn', message: 'after 2026-07-31, or reopen the period first' },
    ]);
    expect(await weight(other, '2026-07-31')).toBe(350_000n);
  });

  it('puts a bank line that settled a reversed entry back in the review queue', async () => {
    const hotel = await approvedClaim('FOSDEM hotel', '310.00');
    await admin.post('/api/organizations', { legalName: 'Acme Cloud GmbH' });
    const mistake = await admin.post<Posted>('/api/ledger/entries', {
      effectiveOn: '2026-04-02',
      description: 'Office chairs',
      postings: [
        { account: 'expenses:infrastructure', amount: '99.00' },
        { account: 'assets:bank:operating', amount: '-99.00' },
      ],
    });
    const statement = [
      ':20:R1',
      ':25:NL91TEST0000000001',
      ':28C:1',
      ':60F:C260401EUR10000,00',
      ':61:2604030403D310,00NTRFNONREF//R1',
      ':86:/CNTP/BE71096123456769/GKCCBEBB/Hotel Bruxelles///REMI/USTD//FOSDEM hotel/',
      ':61:2604040404C5000,00NTRFNONREF//R2',
      ':86:/CNTP/DE02100100109307118603/PBNKDEFF/ACME CLOUD GMBH///REMI/USTD//Sponsoring Q2/',
      ':61:2604040404D99,00NTRFNONREF//R3',
      ':86:/CNTP/NL02ABNA0123456789/ABNANL2A/Chairs BV///REMI/USTD//Order 7/',
      ':62F:C260404EUR14591,00',
      '-',
    ].join('\n');
    const imported = await admin.post('/api/ledger/statements', {
      fileName: 'april.sta',
      content: statement,
      account: '1110',
    });
    expect(imported.status, JSON.stringify(imported.body)).toBe(201);
    const inQueue = await lines('account=1110');
    const byAmount = (amount: string) => inQueue.find((l) => l.amount === amount)!;
    const [hotelLine, sponsorLine, chairsLine] = [
      byAmount('-310.00'),
      byAmount('5000.00'),
      byAmount('-99.00'),
    ];
    expect(hotelLine!.suggestion).toMatchObject({ type: 'expense-claim', claimId: hotel.id });
    expect(sponsorLine!.suggestion).toMatchObject({ type: 'sponsor-payment' });
    expect(chairsLine!.suggestion).toMatchObject({ type: 'entry', entryId: mistake.body.id });

    const confirm = (line: Line) =>
      admin.post<{ entryId: string; number: number } & Problem>(
        `/api/ledger/bank-lines/${line.id}/confirm`,
        {},
      );
    const paid = await confirm(hotelLine!);
    const sponsored = await confirm(sponsorLine!);
    expect([paid.status, sponsored.status]).toEqual([200, 200]);
    const organizationId = sponsorLine!.suggestion!.organizationId as string;
    expect(await weight(organizationId, '2026-06-30')).toBe(500_000n);

    // The claim's payment is reversed: the line offers to pay the claim again.
    const undone = await reverse(paid.body.entryId, 'wrong date', '2026-04-05');
    expect(undone.status).toBe(201);
    expect((await claimOf(hotel.id)).status).toBe('approved');
    const [reopened] = (await lines('account=1110')).filter((l) => l.id === hotelLine!.id);
    expect(reopened).toMatchObject({
      status: 'suggested',
      matchedEntryId: null,
      suggestion: {
        type: 'expense-claim',
        claimId: hotel.id,
        claimTitle: 'FOSDEM hotel',
        reason: `entry #${paid.body.number}, which paid the expense claim “FOSDEM hotel”, was reversed (entry #${undone.body.number}): confirming pays the claim again`,
        reasonFact: {
          code: 'claim-payment-reversed',
          params: {
            entryNumber: paid.body.number,
            reversalNumber: undone.body.number,
            claimTitle: 'FOSDEM hotel',
          },
        },
      },
    });
    const repaid = await confirm(hotelLine!);
    expect(repaid.status).toBe(200);
    expect(repaid.body.entryId).not.toBe(paid.body.entryId);
    expect((await claimOf(hotel.id)).paidEntry!.id).toBe(repaid.body.entryId);
    expect((await confirm(hotelLine!)).status).toBe(409);
    expect(await paymentsInBooks(hotel.id)).toEqual([paid.body.entryId, repaid.body.entryId]);

    // The sponsor payment is reversed: funding cancelled, the line offers to record it again.
    const unsponsored = await reverse(sponsored.body.entryId, 'not a sponsorship', '2026-04-05');
    expect(unsponsored.status).toBe(201);
    expect(await weight(organizationId, '2026-06-30')).toBe(0n);
    expect((await lines('status=suggested')).map((l) => [l.id, l.suggestion!.type]).sort()).toEqual(
      [
        [sponsorLine!.id, 'sponsor-payment'],
        [chairsLine!.id, 'entry'],
      ].sort(),
    );
    const offered = (await lines('status=suggested')).find((l) => l.id === sponsorLine!.id);
    expect(offered!.suggestion).toMatchObject({
      reasonFact: {
        code: 'sponsor-payment-reversed',
        params: { entryNumber: sponsored.body.number, reversalNumber: unsponsored.body.number },
      },
    });
    expect(offered!.suggestion!.reason).toMatch(
      /^entry #\d+, the sponsor payment of .+, was reversed/,
    );
    expect((await confirm(sponsorLine!)).status).toBe(200);
    expect(await weight(organizationId, '2026-06-30')).toBe(500_000n);

    // A line offered an entry that is then reversed is offered nothing: book it or ignore it.
    expect((await reverse(mistake.body.id, 'chairs were returned', '2026-04-05')).status).toBe(201);
    expect((await lines('account=1110')).find((l) => l.id === chairsLine!.id)).toMatchObject({
      status: 'unmatched',
      suggestion: null,
      matchedEntryId: null,
    });
    expect((await confirm(chairsLine!)).status).toBe(409);
    expect(
      (await events('ledger.bank-line-reopened')).map((e) => [
        e.subject_id,
        e.data.was,
        e.data.status,
        e.data.offer,
      ]),
    ).toEqual([
      [hotelLine!.id, 'matched', 'suggested', 'expense-claim'],
      [sponsorLine!.id, 'matched', 'suggested', 'sponsor-payment'],
      [chairsLine!.id, 'suggested', 'unmatched', null],
    ]);
    expect(await verified()).toBe(true);
  });
});
