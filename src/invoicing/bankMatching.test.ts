import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../platform/clock.ts';
import { setUpCoop, startTestApp, type TestApp, type TestClient } from '../testing/testApp.ts';
import { configureSeller, germanBuyer, issue, line } from './testing/fixtures.ts';

interface Invoice {
  status: string;
  due: string;
  creditorReference: string;
  settlements: { kind: string; amount: string }[];
}

/** A CAMT.053 statement of money in, each entry with a payer and what it quotes. */
function camt(
  entries: { amount: string; day: string; payer: string; ref?: string; text?: string }[],
) {
  const total = entries.reduce((s, e) => s + Math.round(Number(e.amount) * 100), 0);
  const closing = `${Math.floor(total / 100)}.${String(total % 100).padStart(2, '0')}`;
  const ntry = entries
    .map(
      (e) => `<Ntry><Amt Ccy="EUR">${e.amount}</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts>
<BookgDt><Dt>${e.day}</Dt></BookgDt><ValDt><Dt>${e.day}</Dt></ValDt>
<NtryDtls><TxDtls><RltdPties><Dbtr><Nm>${e.payer}</Nm></Dbtr></RltdPties><RmtInf>${
        e.ref ? `<Strd><CdtrRefInf><Ref>${e.ref}</Ref></CdtrRefInf></Strd>` : ''
      }${e.text ? `<Ustrd>${e.text}</Ustrd>` : ''}</RmtInf></TxDtls></NtryDtls></Ntry>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt>
<GrpHdr><MsgId>M${total}</MsgId><CreDtTm>2027-03-31T10:00:00</CreDtTm></GrpHdr>
<Stmt><Id>S${total}</Id><CreDtTm>2027-03-31T10:00:00</CreDtTm>
<Acct><Id><IBAN>DE89370400440532013000</IBAN></Id><Ccy>EUR</Ccy></Acct>
<Bal><Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">0.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2027-03-01</Dt></Dt></Bal>
<Bal><Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">${closing}</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2027-03-31</Dt></Dt></Bal>
${ntry}
</Stmt></BkToCstmrStmt></Document>`;
}

describe('invoices paid from imported bank lines', () => {
  let app: TestApp;
  let admin: TestClient;

  beforeAll(async () => {
    app = await startTestApp({}, { clock: manualClock('2027-03-31T09:00:00Z') });
    admin = await setUpCoop(app);
    await configureSeller(admin);
  });
  afterAll(() => app.stop());

  const get = async (id: string) => (await admin.get<Invoice>(`/api/invoices/${id}`)).body;

  it('settles by creditor reference, by number, and suggests by amount', async () => {
    const byRef = await issue(admin, { issueDate: '2027-03-01', lines: [line('1000.00')] });
    const byNumber = await issue(admin, { issueDate: '2027-03-01', lines: [line('500.00')] });
    const partly = await issue(admin, { issueDate: '2027-03-01', lines: [line('200.00')] });
    const byAmount = await issue(admin, { issueDate: '2027-03-01', lines: [line('77.00')] });
    const rf = (await get(byRef.id)).creditorReference;
    // As printed on the invoice and typed into a bank form: in groups of four.
    const spacedPartly = (await get(partly.id)).creditorReference.replace(/(.{4})(?=.)/g, '$1 ');

    const r = await admin.post<{ statements: { matched: number; suggested: number }[] }>(
      '/api/ledger/statements',
      {
        fileName: 'march.xml',
        account: 'assets:bank:operating',
        content: camt([
          { amount: '1190.00', day: '2027-03-10', payer: 'Acme', ref: rf },
          {
            amount: '595.00',
            day: '2027-03-11',
            payer: 'Acme',
            text: `Rechnung ${byNumber.number} danke`,
          },
          { amount: '100.00', day: '2027-03-12', payer: 'Acme', text: spacedPartly },
          { amount: '91.63', day: '2027-03-13', payer: 'Somebody' },
        ]),
      },
    );
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body.statements[0]).toMatchObject({ matched: 2, suggested: 2 });
    expect(await get(byRef.id)).toMatchObject({ status: 'paid', due: '0.00' });
    expect((await get(byRef.id)).settlements).toEqual([
      expect.objectContaining({ kind: 'bank-line', amount: '1190.00' }),
    ]);
    expect(await get(byNumber.id)).toMatchObject({ status: 'paid' });
    // A partial payment and a payment by amount alone wait in the review queue.
    expect(await get(partly.id)).toMatchObject({ status: 'open' });
    const queue = await admin.get<{
      lines: { id: string; suggestion: { type: string; invoiceNumber?: string; reason: string } }[];
    }>('/api/ledger/bank-lines?status=suggested');
    const suggestions = queue.body.lines.map((l) => l.suggestion);
    expect(suggestions).toEqual([
      expect.objectContaining({ type: 'invoice-payment', invoiceNumber: partly.number }),
      expect.objectContaining({ type: 'invoice-payment', invoiceNumber: byAmount.number }),
    ]);
    expect(suggestions[0]!.reason).toMatch(/partial/);
    expect(suggestions).toEqual([
      expect.objectContaining({
        reasonFact: {
          code: 'invoice-amount-differs',
          params: {
            by: 'creditor-reference',
            creditorReference: (await get(partly.id)).creditorReference,
            invoiceNumber: partly.number,
            openMinor: '23800',
            openCurrency: 'EUR',
            amountMinor: '10000',
            currency: 'EUR',
          },
        },
      }),
      expect.objectContaining({
        reason: expect.stringMatching(
          new RegExp(`^same amount €91\\.63 as open invoice ${byAmount.number} \\(.+\\)$`),
        ),
        reasonFact: expect.objectContaining({
          code: 'invoice-open-amount',
          params: expect.objectContaining({ invoiceNumber: byAmount.number, openMinor: '9163' }),
        }),
      }),
    ]);
    // Confirming books the payment and settles the invoice.
    for (const l of queue.body.lines)
      expect((await admin.post(`/api/ledger/bank-lines/${l.id}/confirm`, {})).status).toBe(200);
    expect(await get(partly.id)).toMatchObject({ status: 'partially-paid', due: '138.00' });
    expect(await get(byAmount.id)).toMatchObject({ status: 'paid' });
    expect((await admin.get<{ ok: boolean }>('/api/ledger/verify')).body.ok).toBe(true);
  });

  it('pays an invoice recorded by hand only once: the bank line then matches the entry', async () => {
    const inv = await issue(admin, { buyer: germanBuyer, lines: [line('40.00')] });
    expect(
      (
        await admin.post(`/api/invoices/${inv.id}/payments`, {
          amount: '47.60',
          receivedOn: '2027-03-20',
        })
      ).status,
    ).toBe(201);
    const r = await admin.post<{ statements: { matched: number; suggested: number }[] }>(
      '/api/ledger/statements',
      {
        fileName: 'late.xml',
        account: 'assets:bank:operating',
        content: camt([{ amount: '47.60', day: '2027-03-20', payer: 'Acme', text: inv.number! }]),
      },
    );
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body.statements[0]).toMatchObject({ matched: 1, suggested: 0 });
    expect(await get(inv.id)).toMatchObject({ status: 'paid', due: '0.00' });
  });
});
