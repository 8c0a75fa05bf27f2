import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError, type Problem } from '../../../web/src/app/api.ts';
import { setLocale } from '../../../web/src/app/i18n.ts';
import { findCoop } from '../../coop/queries.ts';
import { setUpCoop, startTestApp, type TestApp, type TestClient } from '../../testing/testApp.ts';
import type { ImportResult } from './commands/importStatement.ts';
import type { StatementFact } from './facts.ts';
import { schwabMapping } from './samples.ts';
import { addBankAccount, withStatementRoutes } from './testSupport.ts';

const camt = (id: string, body: string) => `<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt>
<GrpHdr><MsgId>${id}</MsgId><CreDtTm>2026-11-30T18:00:00</CreDtTm></GrpHdr>
<Stmt><Id>${id}</Id><Acct><Id><IBAN>DE89370400440532013000</IBAN></Id><Ccy>EUR</Ccy></Acct>
${body}</Stmt></BkToCstmrStmt></Document>`;

const balance = (code: string, amount: string, day: string) =>
  `<Bal><Tp><CdOrPrtry><Cd>${code}</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">${amount}</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>${day}</Dt></Dt></Bal>`;

const entry = (amount: string, sign: 'CRDT' | 'DBIT', day: string, status = 'BOOK') =>
  `<Ntry><Amt Ccy="EUR">${amount}</Amt><CdtDbtInd>${sign}</CdtDbtInd><Sts>${status}</Sts><BookgDt><Dt>${day}</Dt></BookgDt><AcctSvcrRef>${day}-${amount}-${status}</AcctSvcrRef></Ntry>`;

const csvHeader =
  '"Date","Status","Type","CheckNumber","Description","Withdrawal","Deposit","RunningBalance"';

interface Listed {
  statementRef: string | null;
  balanceProblem: string | null;
  balanceFacts: StatementFact[] | null;
  gaps: string[];
  gapFacts: StatementFact[];
}

describe('what an import says about a statement, as facts', () => {
  let app: TestApp;
  let admin: TestClient;
  const importFile = (body: Record<string, unknown>) =>
    admin.post<ImportResult>('/api/ledger/statements', body);
  const listed = async (account: string) =>
    (await admin.get<{ statements: Listed[] }>(`/api/ledger/statements?account=${account}`)).body
      .statements;

  beforeAll(async () => {
    app = await startTestApp();
    withStatementRoutes(app);
    admin = await setUpCoop(app);
    const coopId = (await findCoop(app.database.db))!.id;
    await addBankAccount(app.database.db, coopId, '1131', 'camt');
    await addBankAccount(app.database.db, coopId, '1132', 'csv');
  });
  afterAll(() => app.stop());

  it('names the pending entries it left out, and the gap to the next statement', async () => {
    const november = await importFile({
      fileName: 'november.xml',
      account: '1131',
      content: camt(
        'NOV',
        `<FrToDt><FrDtTm>2026-11-01T00:00:00</FrDtTm><ToDtTm>2026-11-10T23:59:59</ToDtTm></FrToDt>
${balance('OPBD', '100.00', '2026-11-01')}${balance('CLBD', '150.00', '2026-11-10')}
${entry('50.00', 'CRDT', '2026-11-02')}${entry('7.00', 'DBIT', '2026-11-03', 'PDNG')}${entry('8.00', 'DBIT', '2026-11-04', 'INFO')}`,
      ),
    });
    expect(november.status, JSON.stringify(november.body)).toBe(201);
    expect(november.body.statements[0]).toMatchObject({
      balanceCheck: 'ok',
      balanceProblem: null,
      balanceFacts: [],
      notes: ['2 entries not booked (pending or information only) left out'],
      noteFacts: [{ code: 'not-booked', params: { count: 2 } }],
      gaps: [],
      gapFacts: [],
    });

    // Days 11 to 14 no statement covers, and €30.00 went missing between them.
    const later = await importFile({
      fileName: 'later.xml',
      account: '1131',
      content: camt(
        'LATER',
        `<FrToDt><FrDtTm>2026-11-15T00:00:00</FrDtTm><ToDtTm>2026-11-20T23:59:59</ToDtTm></FrToDt>
${balance('OPBD', '120.00', '2026-11-15')}${balance('CLBD', '110.00', '2026-11-20')}
${entry('10.00', 'DBIT', '2026-11-16')}`,
      ),
    });
    expect(later.status, JSON.stringify(later.body)).toBe(201);
    const gapFacts: StatementFact[] = [
      { code: 'days-uncovered', params: { from: '2026-11-11', to: '2026-11-14' } },
      {
        code: 'opening-not-closing',
        params: {
          previousRef: 'NOV',
          previousToDay: '2026-11-10',
          closingMinor: '15000',
          openingMinor: '12000',
          missingMinor: '-3000',
          currency: 'EUR',
        },
      },
    ];
    const gap =
      'Gap: no statement covers 2026-11-11 to 2026-11-14; statement NOV (to 2026-11-10) closed at €150.00 but this one opens at €120.00: −€30.00 of entries are missing between them';
    expect(later.body.statements[0]).toMatchObject({ gaps: [gap], gapFacts, noteFacts: [] });
    // The list works the gaps out again, the same facts on both sides of them.
    expect((await listed('1131')).map((s) => [s.statementRef, s.gaps, s.gapFacts])).toEqual([
      ['NOV', [gap], gapFacts],
      ['LATER', [gap], gapFacts],
    ]);
  });

  it('keeps a running balance that does not follow as figures, and the rows left out', async () => {
    const saved = await admin.post('/api/ledger/csv-mappings', {
      name: 'jumpy',
      account: '1132',
      mapping: schwabMapping,
    });
    expect(saved.status).toBe(201);
    const content = [
      csvHeader,
      '"08/01/2022","Posted","","","a","$5.00","","$100.00"',
      '"08/02/2022","Posted","","","b","$10.00","","$85.00"',
      '"08/03/2022","Pending","","","c","$1.00","","$84.00"',
    ].join('\n');
    const refused = await importFile({ fileName: 'jumpy.csv', content, mapping: 'jumpy' });
    expect(refused.status).toBe(422);
    // The refusal carries the same figures, a CSV's balances by column and line, each fact for
    // the web to word: the sum that does not add up, and the line whose balance does not follow.
    expect((refused.body as unknown as Problem).errors).toEqual([
      {
        pointer: '/statements/0',
        message: expect.stringContaining('a difference of −US$5.00'),
        code: 'statement.does-not-add-up-csv',
        params: {
          openingColumn: 'RunningBalance',
          openingLine: 2,
          openingMinor: '10500',
          creditsMinor: '0',
          debitsMinor: '1500',
          computedMinor: '9000',
          linesMinor: '-1500',
          closingColumn: 'RunningBalance',
          closingLine: 3,
          closingMinor: '8500',
          differenceMinor: '-500',
          currency: 'USD',
        },
      },
      {
        pointer: '/statements/0/problems/1',
        message:
          'line 3: the running balance US$85.00 does not follow from the line before (US$90.00)',
        code: 'statement.running-balance',
        params: { line: 3, statedMinor: '8500', expectedMinor: '9000', currency: 'USD' },
      },
    ]);
    setLocale('de', { remember: false });
    try {
      expect(new ApiError(refused.body as unknown as Problem).fieldErrors).toEqual({
        'statements.0':
          'Der Anfangssaldo (RunningBalance vor Zeile 2) 105,00\u00a0$ und die Umsätze, −15,00\u00a0$ (Gutschriften 0,00\u00a0$, Belastungen 15,00\u00a0$), ergeben 90,00\u00a0$, der Schlusssaldo (RunningBalance nach Zeile 3) ist aber 85,00\u00a0$: eine Differenz von −5,00\u00a0$.',
        'statements.0.problems.1':
          'Zeile 3: Der laufende Saldo 85,00\u00a0$ folgt nicht aus der Zeile davor (90,00\u00a0$).',
      });
    } finally {
      setLocale('en', { remember: false });
    }
    const r = await importFile({
      fileName: 'jumpy.csv',
      content,
      mapping: 'jumpy',
      acceptMismatch: true,
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    const statement = {
      statementRef: null,
      bankAccountRef: null,
      fromDay: '2022-08-01',
      toDay: '2022-08-02',
    };
    // The jump at line 3 also leaves the first balance less the lines short of the last one.
    const balanceFacts: StatementFact[] = [
      {
        code: 'does-not-add-up',
        params: {
          openingColumn: 'RunningBalance',
          openingLine: 2,
          openingMinor: '10500',
          creditsMinor: '0',
          debitsMinor: '1500',
          computedMinor: '9000',
          closingColumn: 'RunningBalance',
          closingLine: 3,
          closingMinor: '8500',
          differenceMinor: '-500',
          currency: 'USD',
        },
        statement,
      },
      {
        code: 'running-balance',
        params: { line: 3, statedMinor: '8500', expectedMinor: '9000', currency: 'USD' },
        statement,
      },
    ];
    const balanceProblem =
      'the statement (2022-08-01 to 2022-08-02): the opening balance (RunningBalance before line 2) US$105.00 + credits US$0.00 - debits US$15.00 = US$90.00, but the closing balance (RunningBalance after line 3) is US$85.00: a difference of −US$5.00; the statement (2022-08-01 to 2022-08-02): line 3: the running balance US$85.00 does not follow from the line before (US$90.00)';
    expect(r.body.statements[0]).toMatchObject({
      balanceCheck: 'mismatch',
      balanceProblem,
      balanceFacts,
      notes: ['1 row(s) whose status is not Posted left out'],
      noteFacts: [{ code: 'rows-not-booked', params: { count: 1, statuses: ['Posted'] } }],
    });
    // Stored beside the English, so the list has them too.
    expect(await listed('1132')).toMatchObject([{ balanceProblem, balanceFacts }]);
  });
});
