import { systemClock } from '../../platform/clock.ts';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { restoreBackup, writeBackup } from '../../platform/db/backup.ts';
import { queryRows } from '../../platform/db/rows.ts';
import {
  addMember,
  setUpCoop,
  startTestApp,
  type TestApp,
  type TestClient,
} from '../../testing/testApp.ts';
import type { ClaimView } from './queries.ts';
import { expenseRoutes } from './routes.ts';
import { decodeBase64, sniffReceiptType } from './receipts.ts';

/** A real PNG: an 8x8 image in one colour, with its chunks' CRCs. */
function tinyPng(seed = 0): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(8, 0);
  header.writeUInt32BE(8, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  const rows = Buffer.concat(
    Array.from({ length: 8 }, () => Buffer.from([0, ...Array(8).fill([200, 30, seed]).flat()])),
  );
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A real one-page PDF with a correct cross-reference table. */
function tinyPdf(text: string): Buffer {
  const stream = `BT /F1 18 Tf 40 100 Td (${text}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 200] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(pdf.length);
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) pdf += `${String(o).padStart(10, '0')} 00000 n \n`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}

interface Problem {
  detail?: string;
  errors?: { pointer: string; message: string }[];
}
interface Receipt extends Problem {
  id: string;
  sha256: string;
  size: number;
}
type Claim = ClaimView & Problem;
const firstPointer = (response: { body: unknown }) =>
  (response.body as Problem).errors?.[0]?.pointer;

describe('expense claims', () => {
  let app: TestApp;
  let admin: TestClient;
  let adminId: string;
  let economist: { client: TestClient; personId: string };
  let technologist: { client: TestClient; personId: string };
  let bea: { client: TestClient; personId: string };
  let carl: { client: TestClient; personId: string };
  let pngCount = 0;

  const upload = async (client: TestClient, bytes: Buffer, contentType = 'image/png') =>
    client.post<Receipt>('/api/expenses/receipts', {
      name: contentType === 'application/pdf' ? 'invoice.pdf' : 'IMG_0042.png',
      contentType,
      base64: bytes.toString('base64'),
    });
  /** A submitted claim of Bea's with a fresh receipt. */
  const submitted = async (amount: string, client = bea.client) => {
    const receipt = await upload(client, tinyPng(++pngCount));
    const draft = await client.post<Claim>('/api/expenses/claims', {
      title: `Claim of ${amount}`,
      category: 'travel',
      account: 'expenses:travel',
      incurredOn: '2026-03-02',
      amount,
      receiptFileId: receipt.body.id,
    });
    expect(draft.status).toBe(201);
    const sent = await client.post<Claim>(`/api/expenses/claims/${draft.body.id}/submit`);
    expect(sent.status).toBe(200);
    return sent.body;
  };
  const count = async (table: string, where = sql`true`) =>
    (
      await queryRows<{ n: number }>(
        app.database.db,
        sql`select count(*)::int as n from ${sql.identifier(table)} where ${where}`,
      )
    )[0]!.n;
  const paymentEntries = (claimId: string) =>
    queryRows<{ id: string; account: string; amount_minor: string }>(
      app.database.db,
      sql`select e.id, a.path as account, p.amount_minor::text as amount_minor
          from journal_entries e join postings p on p.entry_id = e.id
          join accounts a on a.id = p.account_id
          where e.source_type = 'expense-claim' and e.source_id = ${claimId}
          order by p.id`,
    );

  beforeAll(async () => {
    app = await startTestApp();
    // Until the routes are wired into src/routes.ts, the test mounts them itself.
    if (!app.app.hasRoute({ method: 'POST', url: '/api/expenses/claims' }))
      expenseRoutes(app.app, { database: app.database, config: app.config, clock: systemClock });
    admin = await setUpCoop(app);
    adminId = (await admin.get<{ user: { personId: string } }>('/api/session')).body.user.personId;
    economist = await addMember(app, admin, {
      email: 'eco@example.org',
      name: 'Eve Economist',
      memberClass: 'hacker',
    });
    technologist = await addMember(
      app,
      admin,
      { email: 'tech@example.org', name: 'Tom Technologist', memberClass: 'hacker' },
      '10.0.1.2',
    );
    bea = await addMember(
      app,
      admin,
      { email: 'bea@example.org', name: 'Bea Hacker', memberClass: 'hacker' },
      '10.0.1.3',
    );
    carl = await addMember(
      app,
      admin,
      { email: 'carl@example.org', name: 'Carl Community', memberClass: 'community' },
      '10.0.1.4',
    );
    for (const [who, role] of [
      [economist, 'chief-economist'],
      [technologist, 'chief-technologist'],
    ] as const)
      expect(
        (await admin.post(`/api/members/${who.personId}/officer-terms`, { role })).status,
      ).toBe(201);
  });
  afterAll(() => app.stop());

  it('knows receipts by their first bytes', () => {
    expect(sniffReceiptType(tinyPng())).toBe('image/png');
    expect(sniffReceiptType(tinyPdf('x'))).toBe('application/pdf');
    expect(sniffReceiptType(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]))).toBe('image/jpeg');
    expect(sniffReceiptType(Buffer.from('RIFF\x10\x00\x00\x00WEBPVP8 ', 'latin1'))).toBe(
      'image/webp',
    );
    expect(sniffReceiptType(Buffer.from('<html><script>'))).toBeUndefined();
    expect(decodeBase64('data:image/png;base64,iVBO Rw==')).toEqual(
      Buffer.from('iVBORw==', 'base64'),
    );
    expect(decodeBase64('not base64!')).toBeUndefined();
  });

  it('goes draft, submitted, approved, paid, with the receipt kept and the entry posted', async () => {
    const png = tinyPng();
    const receipt = await upload(bea.client, png);
    expect(receipt.status).toBe(201);
    expect(receipt.body.size).toBe(png.length);

    // A phone retrying the same upload gets the same file, not a second copy.
    expect((await upload(bea.client, png)).body.id).toBe(receipt.body.id);

    const draft = await bea.client.post<Claim>('/api/expenses/claims', {
      title: 'Train to FOSDEM',
      category: 'travel',
      account: '5400',
      incurredOn: '2026-02-01',
      amount: '84.5',
    });
    expect(draft.status).toBe(201);
    expect(draft.body).toMatchObject({
      status: 'draft',
      amount: '84.50',
      currency: 'EUR',
      account: { path: 'expenses:travel' },
      receipt: null,
      approvalsNeeded: 1,
      dualApprovalAbove: { amount: '1000.00', currency: 'EUR' },
    });
    const id = draft.body.id;

    // Submitting needs a receipt.
    const early = await bea.client.post(`/api/expenses/claims/${id}/submit`);
    expect(early.status).toBe(409);
    expect(early.body.errors).toEqual([
      { pointer: '/receiptFileId', message: 'a receipt is required' },
    ]);

    const edited = await bea.client.patch<Claim>(`/api/expenses/claims/${id}`, {
      title: 'Train to FOSDEM and back',
      amount: '169.00',
      receiptFileId: receipt.body.id,
    });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({
      title: 'Train to FOSDEM and back',
      amount: '169.00',
      receipt: { id: receipt.body.id, contentType: 'image/png', name: 'IMG_0042.png' },
    });
    // Only its submitter edits a draft.
    expect((await admin.patch(`/api/expenses/claims/${id}`, { title: 'Mine now' })).status).toBe(
      403,
    );

    const sent = await bea.client.post<Claim>(`/api/expenses/claims/${id}/submit`);
    expect(sent.body.status).toBe('submitted');
    expect((await bea.client.patch(`/api/expenses/claims/${id}`, { amount: '1.00' })).status).toBe(
      409,
    );

    // The receipt comes back byte for byte, to those who may see the claim.
    for (const client of [bea.client, admin, economist.client, technologist.client]) {
      const file = await client.get<string>(`/api/expenses/claims/${id}/receipt`);
      expect(file.status).toBe(200);
      expect(file.headers['content-type']).toBe('image/png');
      expect(file.headers['x-content-type-options']).toBe('nosniff');
    }
    const raw = await app.app.inject({
      method: 'GET',
      url: `/api/expenses/receipts/${receipt.body.id}`,
      headers: { cookie: bea.client.cookie! },
    });
    expect(raw.rawPayload.equals(png)).toBe(true);
    expect(raw.headers['content-disposition']).toMatch(/^inline; filename="IMG_0042.png"/);

    const approved = await economist.client.post<Claim>(`/api/expenses/claims/${id}/approve`);
    expect(approved.status).toBe(200);
    expect(approved.body.status).toBe('approved');
    expect(approved.body.approvals).toMatchObject([
      { approverId: economist.personId, displayName: 'Eve Economist' },
    ]);

    const paid = await economist.client.post<Claim>(`/api/expenses/claims/${id}/pay`, {
      paidOn: '2026-03-05',
    });
    expect(paid.status).toBe(200);
    expect(paid.body.status).toBe('paid');
    expect(paid.body.paidEntry).not.toBeNull();
    expect(await paymentEntries(id)).toEqual([
      { id: paid.body.paidEntry!.id, account: 'expenses:travel', amount_minor: '16900' },
      { id: paid.body.paidEntry!.id, account: 'assets:bank:operating', amount_minor: '-16900' },
    ]);
    // The title is the submitter's words: a param, shown as typed in any language.
    const booked = await economist.client.get<{
      entries: { id: string; description: string; description_fact: unknown }[];
    }>('/api/ledger/entries?account=expenses:travel');
    expect(booked.body.entries.find((e) => e.id === paid.body.paidEntry!.id)).toMatchObject({
      description: 'Expense claim: Train to FOSDEM and back',
      description_fact: { code: 'expense-claim', params: { title: 'Train to FOSDEM and back' } },
    });

    const events = await admin.get<{ events: { type: string; subjectId: string }[] }>(
      `/api/events?limit=500`,
    );
    expect(
      events.body.events
        .filter((e) => e.subjectId === id)
        .map((e) => e.type)
        .reverse(),
    ).toEqual([
      'expense.claim-created',
      'expense.claim-edited',
      'expense.claim-submitted',
      'expense.claim-approved',
      'expense.claim-paid',
    ]);
    expect(events.body.events.map((e) => e.type)).toContain('expense.receipt-uploaded');

    // The same receipt on a second claim is refused at submission: a bill is paid once.
    const again = await bea.client.post<Claim>('/api/expenses/claims', {
      title: 'Train again',
      category: 'travel',
      account: 'expenses:travel',
      incurredOn: '2026-02-01',
      amount: '169.00',
      receiptFileId: receipt.body.id,
    });
    const twice = await bea.client.post(`/api/expenses/claims/${again.body.id}/submit`);
    expect(twice.status).toBe(409);
    expect(twice.body.detail).toMatch(/already on the claim “Train to FOSDEM and back” \(paid\)/);
  });

  it('keeps a PDF receipt too', async () => {
    const pdf = tinyPdf('Invoice 2026-17: 12 months of hosting');
    const receipt = await upload(bea.client, pdf, 'application/pdf');
    expect(receipt.status).toBe(201);
    const claim = await bea.client.post<Claim>('/api/expenses/claims', {
      title: 'Hosting',
      category: 'infrastructure',
      account: 'expenses:infrastructure',
      incurredOn: '2026-01-15',
      amount: '240',
      receiptFileId: receipt.body.id,
    });
    const file = await app.app.inject({
      method: 'GET',
      url: `/api/expenses/claims/${claim.body.id}/receipt`,
      headers: { cookie: bea.client.cookie! },
    });
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.rawPayload.equals(pdf)).toBe(true);
    const options = await bea.client.get<{ accounts: { path: string }[]; categories: string[] }>(
      '/api/expenses/options',
    );
    expect(options.body.accounts.map((a) => a.path)).toContain('expenses:infrastructure');
    expect(options.body.accounts.map((a) => a.path)).not.toContain('expenses');
    expect(options.body.categories).toEqual(expect.arrayContaining(['infrastructure', 'travel']));
  });

  it('refuses a file whose content is not its declared type, storing nothing', async () => {
    const before = await count('files');
    const lying = await upload(bea.client, tinyPdf('not a photo'), 'image/png');
    expect(lying.status).toBe(400);
    expect(lying.body.errors).toEqual([
      { pointer: '/base64', message: 'the file is not a PNG image: its content is a PDF document' },
    ]);
    const html = await upload(bea.client, Buffer.from('<html><script>alert(1)</script>'));
    expect(html.body.errors).toEqual([
      {
        pointer: '/base64',
        message:
          'the file is not a PNG image: its content is not a JPEG, PNG or WebP image nor a PDF document',
      },
    ]);
    const type = await bea.client.post('/api/expenses/receipts', {
      name: 'x.gif',
      contentType: 'image/gif',
      base64: 'R0lGODlh',
    });
    expect(type.status).toBe(400);
    expect(firstPointer(type)).toBe('/body/contentType');
    const big = Buffer.concat([tinyPng(), Buffer.alloc(10 * 1024 * 1024)]);
    const tooBig = await upload(bea.client, big);
    expect(tooBig.status).toBe(400);
    expect(tooBig.body.errors?.[0]?.message).toBe(
      'a receipt is at most 10 MB; this file is 10.0 MB',
    );
    expect(await count('files')).toBe(before);
    // Receipts come from members, as people.
    expect((await upload(app.client('10.9.9.9'), tinyPng())).status).toBe(401);
  });

  it('refuses amounts with more decimals than the currency has, and non-expense accounts', async () => {
    const before = await count('expense_claims');
    const claim = (fields: Record<string, unknown>) =>
      bea.client.post('/api/expenses/claims', {
        title: 'Lunch',
        category: 'meals',
        account: 'expenses:events',
        incurredOn: '2026-03-01',
        amount: '12.00',
        ...fields,
      });
    const cents = await claim({ amount: '10.005' });
    expect(cents.status).toBe(400);
    expect(cents.body.errors).toEqual([
      {
        pointer: '/amount',
        message: 'EUR has 2 decimals: “10.005” has 3',
        code: 'amount.decimals',
        params: { currency: 'EUR', decimals: 2, text: '10.005' },
      },
    ]);
    // Named, so the web says it in the member's language.
    expect(cents.body).toMatchObject({
      code: 'amount.decimals',
      params: { text: '10.005', currency: 'EUR', decimals: 2 },
    });
    const yen = await claim({ amount: '1500.5', currency: 'JPY' });
    expect(yen.body.errors).toEqual([
      {
        pointer: '/amount',
        message: 'JPY has no minor unit: “1500.5” cannot have decimals',
        code: 'amount.decimals',
        params: { currency: 'JPY', decimals: 0, text: '1500.5' },
      },
    ]);
    const zero = await claim({ amount: '0' });
    expect(zero.body.errors).toEqual([
      { pointer: '/amount', message: 'must be more than 0', code: 'amount.not-positive' },
    ]);
    expect(zero.body.code).toBe('amount.not-positive');
    expect(firstPointer(await claim({ amount: '-5' }))).toBe('/body/amount');
    const bank = await claim({ account: 'assets:bank:operating' });
    expect(bank.body.errors).toEqual([
      {
        pointer: '/account',
        message: 'assets:bank:operating is an asset account; choose an expense account',
      },
    ]);
    expect(bank.body.code).toBe('account.wrong-type');
    const yachts = await claim({ account: 'expenses:yachts' });
    expect(yachts.body.errors).toEqual([
      { pointer: '/account', message: 'no account expenses:yachts' },
    ]);
    expect(yachts.body).toMatchObject({
      code: 'account.unknown',
      params: { accounts: 'expenses:yachts' },
    });
    // A category that names another expense account contradicts the one chosen.
    expect((await claim({ category: 'Travel', account: 'expenses:events' })).body.errors).toEqual([
      {
        pointer: '/category',
        message: '“Travel” claims go to expenses:travel: choose that account, or another category',
      },
    ]);
    const future = await claim({ incurredOn: '2999-01-01' });
    expect(firstPointer(future)).toBe('/incurredOn');
    expect(future.body).toMatchObject({ code: 'claim.in-future', params: { day: '2999-01-01' } });
    // Someone else's receipt cannot be attached (it would open the file to its readers).
    const carls = await upload(carl.client, tinyPng(99));
    expect((await claim({ receiptFileId: carls.body.id })).body.errors).toEqual([
      { pointer: '/receiptFileId', message: 'no receipt of yours has this id: upload it first' },
    ]);
    expect(await count('expense_claims')).toBe(before);
    // A yen claim in whole yen is fine; without a rate to compare it with the bylaws'
    // threshold (in euros), it needs two approvers.
    const yenClaim = await claim({ amount: '1500', currency: 'JPY' });
    expect(yenClaim.status).toBe(201);
    expect(yenClaim.body).toMatchObject({ amount: '1500', currency: 'JPY', approvalsNeeded: 2 });
  });

  it('never lets the submitter approve their own claim', async () => {
    const own = await submitted('50.00', admin);
    const self = await admin.post(`/api/expenses/claims/${own.id}/approve`);
    expect(self.status).toBe(403);
    expect(self.body.detail).toBe('Nobody approves their own expense claim.');
    expect(
      (await admin.post(`/api/expenses/claims/${own.id}/reject`, { reason: 'oops, mine' })).status,
    ).toBe(403);
    expect(await count('expense_approvals', sql`claim_id = ${own.id}`)).toBe(0);
    // Officers other than the chief economist see claims but do not decide them.
    expect((await technologist.client.get(`/api/expenses/claims/${own.id}`)).status).toBe(200);
    expect((await technologist.client.post(`/api/expenses/claims/${own.id}/approve`)).status).toBe(
      403,
    );
    const byOther = await economist.client.post<Claim>(`/api/expenses/claims/${own.id}/approve`);
    expect(byOther.body.status).toBe('approved');
    expect(byOther.body.submittedBy.id).toBe(adminId);
  });

  it('needs two distinct approvers above the bylaws’ threshold, and one approval each', async () => {
    const claim = await submitted('1500.00');
    expect(claim.approvalsNeeded).toBe(2);
    const first = await economist.client.post<Claim>(`/api/expenses/claims/${claim.id}/approve`);
    expect(first.status).toBe(200);
    expect(first.body.status).toBe('submitted');
    expect(first.body.approvals).toHaveLength(1);

    const eventsBefore = await count('events');
    const twice = await economist.client.post(`/api/expenses/claims/${claim.id}/approve`);
    expect(twice.status).toBe(409);
    expect(twice.body.detail).toBe(
      'You have already approved this claim: it needs another approver.',
    );
    expect(await count('expense_approvals', sql`claim_id = ${claim.id}`)).toBe(1);
    expect(await count('events')).toBe(eventsBefore);
    // Not payable yet.
    expect((await admin.post(`/api/expenses/claims/${claim.id}/pay`, {})).status).toBe(409);

    const second = await admin.post<Claim>(`/api/expenses/claims/${claim.id}/approve`);
    expect(second.body.status).toBe('approved');
    expect(second.body.approvals.map((a) => a.approverId)).toEqual([economist.personId, adminId]);
    expect((await admin.post(`/api/expenses/claims/${claim.id}/approve`)).status).toBe(409);

    // Exactly the threshold needs one.
    expect((await submitted('1000.00')).approvalsNeeded).toBe(1);
  });

  it('refuses the same approver approving twice at once, writing one approval', async () => {
    const claim = await submitted('2500.00');
    const results = await Promise.all([
      economist.client.post<Claim>(`/api/expenses/claims/${claim.id}/approve`),
      economist.client.post<Claim>(`/api/expenses/claims/${claim.id}/approve`),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(await count('expense_approvals', sql`claim_id = ${claim.id}`)).toBe(1);
    const now = await admin.get<Claim>(`/api/expenses/claims/${claim.id}`);
    expect(now.body.status).toBe('submitted');
  });

  it('pays once when two payments arrive together', async () => {
    const claim = await submitted('300.00');
    await economist.client.post(`/api/expenses/claims/${claim.id}/approve`);
    const entriesBefore = await count('journal_entries');
    const results = await Promise.all([
      admin.post<Claim>(`/api/expenses/claims/${claim.id}/pay`, {}),
      economist.client.post<Claim>(`/api/expenses/claims/${claim.id}/pay`, {}),
      admin.post<Claim>(`/api/expenses/claims/${claim.id}/pay`, { bankAccount: '1110' }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409]);
    const refused = results.find((r) => r.status === 409)!;
    expect(refused.body.detail).toMatch(/^This claim is already paid \(entry #\d+\)\.$/);
    expect(await count('journal_entries')).toBe(entriesBefore + 1);
    const lines = await paymentEntries(claim.id);
    expect(lines).toHaveLength(2);
    expect(new Set(lines.map((l) => l.id)).size).toBe(1);
    const paid = await admin.get<Claim>(`/api/expenses/claims/${claim.id}`);
    expect(paid.body.paidEntry!.id).toBe(lines[0]!.id);
    expect(
      await count('events', sql`type = 'expense.claim-paid' and subject_id = ${claim.id}`),
    ).toBe(1);
  });

  it('pays from another bank account only if it is an asset, and only for the treasurer', async () => {
    const claim = await submitted('20.00');
    await economist.client.post(`/api/expenses/claims/${claim.id}/approve`);
    expect((await bea.client.post(`/api/expenses/claims/${claim.id}/pay`, {})).status).toBe(403);
    const wrong = await admin.post(`/api/expenses/claims/${claim.id}/pay`, {
      bankAccount: 'income:donations',
    });
    expect(wrong.body.errors).toEqual([
      {
        pointer: '/bankAccount',
        message: 'income:donations is an income account; choose an asset account',
      },
    ]);
    expect((await admin.get<Claim>(`/api/expenses/claims/${claim.id}`)).body.status).toBe(
      'approved',
    );
  });

  it('refuses a payment dated in a locked period at its date, named for the web', async () => {
    const claim = await submitted('40.00');
    await economist.client.post(`/api/expenses/claims/${claim.id}/approve`);
    const lock = await admin.post('/api/ledger/period-locks', {
      fromDay: '2026-01-01',
      toDay: '2026-01-31',
    });
    expect(lock.status).toBe(201);
    const locked = await admin.post(`/api/expenses/claims/${claim.id}/pay`, {
      paidOn: '2026-01-15',
    });
    expect(locked.status).toBe(409);
    // The ledger names the entry's own field; the payer gave `paidOn`, and the code survives.
    expect(locked.body).toMatchObject({
      code: 'ledger.period-locked',
      errors: [{ pointer: '/paidOn' }],
    });
    expect((await admin.get<Claim>(`/api/expenses/claims/${claim.id}`)).body.status).toBe(
      'approved',
    );
  });

  it('rejects with a reason, for good', async () => {
    const claim = await submitted('75.00');
    const noReason = await economist.client.post(`/api/expenses/claims/${claim.id}/reject`, {});
    expect(noReason.status).toBe(400);
    expect(firstPointer(noReason)).toBe('/body/reason');
    const rejected = await economist.client.post<Claim>(`/api/expenses/claims/${claim.id}/reject`, {
      reason: 'A personal dinner is not a co-op expense.',
    });
    expect(rejected.status).toBe(200);
    expect(rejected.body).toMatchObject({
      status: 'rejected',
      rejectionReason: 'A personal dinner is not a co-op expense.',
    });
    expect(rejected.body.decidedAt).not.toBeNull();
    const late = await admin.post(`/api/expenses/claims/${claim.id}/approve`);
    expect(late.status).toBe(409);
    expect(late.body.detail).toBe('This claim was rejected.');
    expect((await admin.post(`/api/expenses/claims/${claim.id}/pay`, {})).status).toBe(409);
  });

  it('shows a claim to its submitter, administrators and officers only', async () => {
    const claim = await submitted('33.00');
    const outsider = await carl.client.get(`/api/expenses/claims/${claim.id}`);
    expect(outsider.status).toBe(403);
    expect((await carl.client.get(`/api/expenses/claims/${claim.id}/receipt`)).status).toBe(403);
    expect((await carl.client.get(`/api/expenses/receipts/${claim.receipt!.id}`)).status).toBe(403);
    expect((await app.client('10.9.9.8').get(`/api/expenses/claims/${claim.id}`)).status).toBe(401);

    const carlsOwn = await carl.client.get<{ claims: Claim[] }>('/api/expenses/claims');
    expect(carlsOwn.body.claims.every((c) => c.submittedBy.id === carl.personId)).toBe(true);
    const beas = await bea.client.get<{ claims: Claim[] }>('/api/expenses/claims');
    expect(beas.body.claims.length).toBeGreaterThan(3);
    expect(beas.body.claims.every((c) => c.submittedBy.id === bea.personId)).toBe(true);

    const all = await technologist.client.get<{ claims: Claim[] }>('/api/expenses/claims');
    expect(new Set(all.body.claims.map((c) => c.submittedBy.id))).toEqual(
      new Set([bea.personId, adminId]),
    );
    const mine = await admin.get<{ claims: Claim[] }>('/api/expenses/claims?mine=true');
    expect(mine.body.claims.every((c) => c.submittedBy.id === adminId)).toBe(true);
    const waiting = await admin.get<{ claims: Claim[] }>('/api/expenses/claims?status=submitted');
    expect(waiting.body.claims.length).toBeGreaterThan(0);
    expect(waiting.body.claims.every((c) => c.status === 'submitted')).toBe(true);
  });
  it('describes its routes in the OpenAPI document', async () => {
    const doc = await admin.get<{ paths: Record<string, unknown> }>('/api/openapi.json');
    expect(doc.status).toBe(200);
    expect(Object.keys(doc.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/expenses/receipts',
        '/api/expenses/claims',
        '/api/expenses/claims/{id}/approve',
        '/api/expenses/claims/{id}/pay',
      ]),
    );
  });

  it('keeps receipts in the database, so a backup restores them', async () => {
    const claim = await submitted('12.34');
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'coop-receipts-')), 'b.ndjson.gz');
    const summary = await writeBackup(app.database.db, file);
    expect(summary.tables.files).toBeGreaterThan(0);
    // Lose every receipt, then restore the backup.
    await app.database.db.execute(sql`update expense_claims set receipt_file_id = null`);
    await app.database.db.execute(sql`delete from files`);
    await restoreBackup(app.database.db, file);
    const back = await app.app.inject({
      method: 'GET',
      url: `/api/expenses/claims/${claim.id}/receipt`,
      headers: { cookie: bea.client.cookie! },
    });
    expect(back.statusCode).toBe(200);
    expect(back.rawPayload.equals(tinyPng(pngCount))).toBe(true);
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  });
});
