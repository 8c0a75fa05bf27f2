import { and, eq, sql } from 'drizzle-orm';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError, type Problem } from '../../../web/src/app/api.ts';
import { setLocale } from '../../../web/src/app/i18n.ts';
import { findCoop } from '../../coop/queries.ts';
import { funding } from '../../governance/schema.ts';
import { people } from '../../members/schema.ts';
import { queryRows } from '../../platform/db/rows.ts';
import {
  addMember,
  setUpCoop,
  startTestApp,
  type TestApp,
  type TestClient,
} from '../../testing/testApp.ts';
import { accounts, expenseClaims, salaries } from '../schema.ts';
import type { ImportResult } from './commands/importStatement.ts';
import { readSample, samples, schwabMapping } from './samples.ts';
import { addBankAccount, withStatementRoutes } from './testSupport.ts';

interface Line {
  id: string;
  amount: string;
  status: string;
  description: string;
  counterparty: string;
  matchedEntryId: string | null;
  suggestion: { type: string; entryId?: string; organizationId?: string; reason: string } | null;
}

const bankAccounts: Record<string, [string, string]> = {
  'camt053-v02-abnamro-nl-format-sample.xml': ['1111', 'abn-amro'],
  'camt053-v04-postfinance-ch-sps-sample.xml': ['1112', 'postfinance'],
  'camt053-v08-ubs-ch-sps2-sample.xml': ['1113', 'ubs'],
  'mt940-ing-nl-structured.sta': ['1114', 'ing'],
  'mt940-sparkasse-de.sta': ['1115', 'sparkasse'],
  'ofx102-sgml-wellsfargo-checking.ofx': ['1118', 'wells-fargo'],
  'ofx200-xml-mybank-savings.ofx': ['1119', 'mybank'],
  'csv-schwab-checking-us.csv': ['1121', 'schwab'],
};

describe('bank statements', () => {
  let app: TestApp;
  let admin: TestClient;
  let coopId: string;
  const count = async (table: 'bank_statements' | 'bank_lines' | 'journal_entries') =>
    (
      await queryRows<{ n: number }>(
        app.database.db,
        sql`select count(*)::int as n from ${sql.identifier(table)}`,
      )
    )[0]!.n;
  const importFile = (body: Record<string, unknown>) =>
    admin.post<ImportResult & { detail: string; errors: { pointer: string; message: string }[] }>(
      '/api/ledger/statements',
      body,
    );
  const lines = async (query: string) =>
    (await admin.get<{ lines: Line[] }>(`/api/ledger/bank-lines?${query}`)).body.lines;

  beforeAll(async () => {
    app = await startTestApp();
    withStatementRoutes(app);
    admin = await setUpCoop(app);
    coopId = (await findCoop(app.database.db))!.id;
    for (const [code, name] of [
      ...Object.values(bankAccounts),
      ['1116', 'triodos-a'],
      ['1117', 'triodos-b'],
      ['1122', 'volksbank'],
    ] as [string, string][])
      await addBankAccount(app.database.db, coopId, code, name);
  });
  afterAll(() => app.stop());

  const simple = samples.filter((s) =>
    ['camt053-v02', 'camt053-v04', 'mt940-ing', 'ofx102', 'ofx200'].some((p) =>
      s.file.startsWith(p),
    ),
  );
  it.each(simple)('imports $file with the figures it states', async (sample) => {
    const r = await importFile({
      fileName: sample.file,
      content: readSample(sample.file),
      account: bankAccounts[sample.file]![0],
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body.format).toBe(sample.format);
    const want = sample.statements[0]!;
    const [got] = r.body.statements;
    expect(got).toMatchObject({
      bankAccountRef: want.bankAccountRef,
      currency: want.currency,
      opening: want.opening,
      closing: want.closing,
      balanceCheck: want.check,
      linesAdded: want.lines,
      linesSkipped: 0,
      parts: 1,
    });
    expect(await lines(`account=${bankAccounts[sample.file]![0]}&limit=1000`)).toHaveLength(
      want.lines,
    );
    if (want.check === 'unknown')
      expect(got!.balanceProblem).toMatch(/no opening balance stated: .* implies an opening of/);
  });

  it('refuses the v08 file whose balances do not add up, naming the figures, writing nothing', async () => {
    const before = [await count('bank_statements'), await count('bank_lines')];
    const file = 'camt053-v08-ubs-ch-sps2-sample.xml';
    const refused = await importFile({
      fileName: file,
      content: readSample(file),
      account: '1113',
    });
    expect(refused.status).toBe(422);
    expect(refused.body.detail).toContain(
      'CHF 82,721.95 + credits CHF 563.25 - debits CHF 0.00 = CHF 83,285.20, but the closing balance (CLBD) is CHF 84,515.25: a difference of CHF 1,230.05',
    );
    // The figures as facts beside the English: the web words them with the member's money format.
    expect(refused.body.errors).toEqual([
      {
        pointer: '/statements/0',
        message: expect.stringContaining('CHF 1,230.05'),
        code: 'statement.does-not-add-up',
        params: {
          openingCode: 'OPBD',
          openingMinor: '8272195',
          creditsMinor: '56325',
          debitsMinor: '0',
          computedMinor: '8328520',
          linesMinor: '56325',
          closingCode: 'CLBD',
          closingMinor: '8451525',
          differenceMinor: '123005',
          currency: 'CHF',
        },
      },
      // And what else the import found, the line in another currency the sum leaves out.
      {
        pointer: '/statements/0/problems/1',
        message: "1 entry in EUR (−€20.97) not in the statement's currency and not counted",
        code: 'statement.foreign-lines',
        params: { count: 1, currency: 'EUR', sumMinor: '-2097' },
      },
    ]);
    expect(refused.body).toMatchObject({
      code: 'statement.does-not-reconcile',
      params: { fileName: file },
    });
    setLocale('de', { remember: false });
    try {
      const german = new ApiError(refused.body as unknown as Problem);
      expect(german.message).toBe(
        `Die Salden von ${file} gehen nicht auf. Nichts wurde importiert: Kläre die Datei mit der Bank oder importiere sie als Abweichung markiert.`,
      );
      expect(german.fieldErrors).toEqual({
        'statements.0':
          'Der Anfangssaldo (OPBD) 82.721,95\u00a0CHF und die Umsätze, 563,25\u00a0CHF (Gutschriften 563,25\u00a0CHF, Belastungen 0,00\u00a0CHF), ergeben 83.285,20\u00a0CHF, der Schlusssaldo (CLBD) ist aber 84.515,25\u00a0CHF: eine Differenz von 1.230,05\u00a0CHF.',
        'statements.0.problems.1':
          '1 Eintrag in EUR (−20,97\u00a0€) ist nicht in der Währung des Auszugs und wird nicht mitgezählt.',
      });
    } finally {
      setLocale('en', { remember: false });
    }
    expect([await count('bank_statements'), await count('bank_lines')]).toEqual(before);

    const flagged = await importFile({
      fileName: file,
      content: readSample(file),
      account: '1113',
      acceptMismatch: true,
    });
    expect(flagged.status).toBe(201);
    expect(flagged.body.statements[0]).toMatchObject({
      balanceCheck: 'mismatch',
      linesAdded: 3,
      opening: '82721.95',
      closing: '84515.25',
      balanceProblem: expect.stringContaining('a difference of CHF 1,230.05'),
    });
    const listed = await admin.get<{ statements: { account: string; balanceCheck: string }[] }>(
      '/api/ledger/statements?account=1113',
    );
    expect(listed.body.statements).toMatchObject([
      { account: 'assets:bank:ubs', balanceCheck: 'mismatch' },
    ]);
  });

  it('adds nothing when the same file comes again', async () => {
    const before = [await count('bank_statements'), await count('bank_lines')];
    const file = 'mt940-ing-nl-structured.sta';
    const again = await importFile({ fileName: 'renamed.sta', content: readSample(file) });
    expect(again.status).toBe(409);
    expect(again.body.detail).toMatch(
      /already imported \(as mt940-ing-nl-structured\.sta, on \d{4}-\d{2}-\d{2}, 21 line\(s\) added\): nothing was imported again/,
    );
    expect([await count('bank_statements'), await count('bank_lines')]).toEqual(before);
  });

  it('imports two statements for two bank accounts from one file, each to its account', async () => {
    const file = 'mt940-triodos-nl-two-accounts.sta';
    const one = await importFile({ fileName: file, content: readSample(file), account: '1116' });
    expect(one.status).toBe(400);
    expect(one.body.detail).toContain(
      'The file holds statements for 2 bank accounts (TRIODOSBANK/0666666666, TRIODOSBANK/0999999999)',
    );
    expect(one.body).toMatchObject({
      code: 'statement.several-accounts',
      params: { bankAccounts: 'TRIODOSBANK/0666666666, TRIODOSBANK/0999999999' },
    });
    const none = await importFile({ fileName: file, content: readSample(file) });
    expect(none.status).toBe(400);
    expect(none.body.errors[0]!.message).toContain(
      'which ledger account is bank account TRIODOSBANK/0666666666?',
    );
    const r = await importFile({
      fileName: file,
      content: readSample(file),
      account: { 'TRIODOSBANK/0666666666': '1116', 'TRIODOSBANK/0999999999': '1117' },
    });
    expect(r.status).toBe(201);
    expect(
      r.body.statements.map((s) => [s.account, s.opening, s.closing, s.balanceCheck, s.linesAdded]),
    ).toEqual([
      ['assets:bank:triodos-a', '1000.00', '850.00', 'ok', 4],
      ['assets:bank:triodos-b', '950.12', '1009.14', 'ok', 4],
    ]);
  });

  it('adds only the new lines of an overlapping statement, remembering the bank account', async () => {
    const file = 'mt940-sparkasse-de.sta';
    const full = readSample(file);
    // The same file without its last two statements (the second day).
    const firstDay = full.slice(0, full.indexOf(':20:STARTUMS', full.indexOf('-\n') + 1));
    const first = await importFile({ fileName: 'day-1.sta', content: firstDay, account: '1115' });
    expect(first.status).toBe(201);
    expect(first.body.statements[0]).toMatchObject({
      parts: 2,
      linesAdded: 8,
      opening: '1818.90',
      closing: '2624.22',
      balanceCheck: 'ok',
      gaps: [],
    });
    const second = await importFile({ fileName: file, content: full });
    expect(second.status).toBe(201);
    expect(second.body.statements[0]).toMatchObject({
      account: 'assets:bank:sparkasse',
      parts: 4,
      linesAdded: 2,
      linesSkipped: 8,
      opening: '1818.90',
      closing: '2734.22',
      balanceCheck: 'ok',
    });
    expect(await lines('account=1115')).toHaveLength(10);
  });

  it('flags a gap between statements: days not covered, money not accounted for', async () => {
    const next = [
      ':20:P123456000000002',
      ':25:NL68INGB0000012345EUR',
      ':28C:00001',
      ':60F:C140828EUR300,00',
      ':61:1408290829D10,00NTRFNONREF//14299999999999',
      ':86:/REMI/USTD//Parking/',
      ':62F:C140829EUR290,00',
      '-',
    ].join('\n');
    const r = await importFile({ fileName: 'ing-next.sta', content: next });
    expect(r.status).toBe(201);
    const gap =
      'Gap: no statement covers 2014-08-26 to 2014-08-27; statement P123456000000001 00000 (to 2014-08-25) closed at €246.45 but this one opens at €300.00: €53.55 of entries are missing between them';
    expect(r.body.statements[0]!.gaps).toEqual([gap]);
    const listed = await admin.get<{ statements: { statementRef: string; gaps: string[] }[] }>(
      '/api/ledger/statements?account=1114',
    );
    expect(listed.body.statements.map((s) => s.gaps)).toEqual([[gap], [gap]]);
  });

  it('imports CSV through a mapping saved for the bank account', async () => {
    const file = 'csv-schwab-checking-us.csv';
    const noMapping = await importFile({ fileName: file, content: readSample(file) });
    expect(noMapping.status).toBe(400);
    expect(noMapping.body.errors).toEqual([{ pointer: '/mapping', message: 'required for CSV' }]);
    expect(noMapping.body).toMatchObject({ code: 'csv-mapping.needed' });
    const badMapping = await admin.post('/api/ledger/csv-mappings', {
      name: 'schwab',
      account: '1121',
      mapping: { ...schwabMapping, debitColumn: undefined },
    });
    expect(badMapping.status).toBe(400);
    expect(badMapping.body.errors).toEqual([
      {
        pointer: '/body/mapping/amountColumn',
        message: 'required: an amount column, or both a debit and a credit column',
      },
    ]);
    const saved = await admin.post('/api/ledger/csv-mappings', {
      name: 'schwab',
      account: '1121',
      mapping: schwabMapping,
    });
    expect(saved.status).toBe(201);
    const mappings = await admin.get<{ mappings: { name: string; account: string }[] }>(
      '/api/ledger/csv-mappings',
    );
    expect(mappings.body.mappings).toMatchObject([
      { name: 'schwab', account: 'assets:bank:schwab' },
    ]);

    const broken = await importFile({
      fileName: 'broken.csv',
      content:
        '"Date","Status","Type","CheckNumber","Description","Withdrawal","Deposit","RunningBalance"\n"08/32/2022","Posted","","","x","$1.00","",""\n"08/01/2022","Posted","","","y","1.2.3","",""\n',
      mapping: 'schwab',
    });
    expect(broken.status).toBe(400);
    expect(broken.body.errors.map((e) => e.pointer)).toEqual([
      '/lines/2/Date',
      '/lines/3/Withdrawal',
    ]);

    const r = await importFile({ fileName: file, content: readSample(file), mapping: 'schwab' });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body.statements[0]).toMatchObject({
      account: 'assets:bank:schwab',
      currency: 'USD',
      fromDay: '2022-08-04',
      toDay: '2022-08-17',
      opening: '1093.74',
      closing: '878.47',
      balanceCheck: 'ok',
      linesAdded: 4,
    });
    // The account alone finds its one mapping; a copy (byte different) adds nothing, not even
    // an empty statement.
    const statementsBefore = await count('bank_statements');
    const again = await importFile({
      fileName: 'later.csv',
      content: `${readSample(file)}\n`,
      account: '1121',
    });
    expect(again.status).toBe(409);
    expect(again.body.detail).toMatch(/already imported/);
    expect(await count('bank_statements')).toBe(statementsBefore);
  });

  describe('matching', () => {
    let hosting: string;
    let train: string;
    let org: string;
    beforeAll(async () => {
      org = (
        await admin.post<{ id: string }>('/api/organizations', { legalName: 'Acme Cloud GmbH' })
      ).body.id;
      const post = async (description: string, amount: string, account: string, day: string) => {
        const r = await admin.post<{ id: string }>('/api/ledger/entries', {
          effectiveOn: day,
          description,
          postings: [
            { account: '1110', amount: `-${amount}` },
            { account, amount },
          ],
        });
        expect(r.status).toBe(201);
        return r.body.id;
      };
      hosting = await post('Hosting invoice INV-2026-0042', '120.00', '5200', '2026-03-02');
      train = await post('Train tickets to FOSDEM', '75.50', '5400', '2026-03-03');
    });

    it('links a line to its entry by reference, and queues unsure matches for review', async () => {
      const statement = [
        ':20:M1',
        ':25:NL91TEST0000000001',
        ':28C:1',
        ':60F:C260301EUR10000,00',
        ':61:2603040304D120,00NTRFNONREF//T1',
        ':86:/CNTP/DE89370400440532013000/COBADEFFXXX/Hetzner Online GmbH///REMI/USTD//INV-2026-0042/',
        ':61:2603050305D75,50NTRFNONREF//T2',
        ':86:/CNTP/NL02ABNA0123456789/ABNANL2A/NS Reizen///REMI/USTD//Tickets/',
        ':61:2603060306C5000,00NTRFNONREF//T3',
        ':86:/CNTP/DE02100100109307118603/PBNKDEFF/ACME CLOUD GMBH///REMI/USTD//Sponsoring Q1/',
        ':61:2603070307D9,99NTRFNONREF//T4',
        ':86:/CNTP/NL02ABNA0123456789/ABNANL2A/The Bank///REMI/USTD//Monthly fee/',
        ':61:2603080308D42,00NTRFNONREF//T5',
        ':86:/REMI/USTD//Mystery/',
        ':62F:C260308EUR14752,51',
        '-',
      ].join('\n');
      const r = await importFile({ fileName: 'm1.sta', content: statement, account: '1110' });
      expect(r.status, JSON.stringify(r.body)).toBe(201);
      expect(r.body.statements[0]).toMatchObject({
        balanceCheck: 'ok',
        linesAdded: 5,
        matched: 1,
        suggested: 2,
        unmatched: 2,
      });
      const all = await lines('account=1110');
      expect(all.map((l) => [l.amount, l.status])).toEqual([
        ['-120.00', 'matched'],
        ['-75.50', 'suggested'],
        ['5000.00', 'suggested'],
        ['-9.99', 'unmatched'],
        ['-42.00', 'unmatched'],
      ]);
      expect(all[0]!.matchedEntryId).toBe(hosting);
      expect(all[0]!.suggestion).toEqual({
        type: 'matched',
        reason: expect.stringMatching(
          /^reference INV-2026-0042 and amount −€120\.00 match entry #\d+$/,
        ),
        reasonFact: {
          code: 'reference-and-amount',
          params: {
            token: 'INV-2026-0042',
            amountMinor: '-12000',
            currency: 'EUR',
            entryNumber: expect.any(Number),
          },
        },
      });
      const queue = await lines('status=suggested');
      expect(queue.map((l) => l.suggestion)).toEqual([
        {
          type: 'entry',
          entryId: train,
          entryNumber: expect.any(Number),
          entryDescription: 'Train tickets to FOSDEM',
          reason: 'same amount −€75.50 on this bank account, 2 days apart',
          reasonFact: {
            code: 'same-amount',
            params: { amountMinor: '-7550', currency: 'EUR', days: 2, namesCounterparty: 0 },
          },
          alternatives: 0,
        },
        {
          type: 'sponsor-payment',
          organizationId: org,
          organizationName: 'Acme Cloud GmbH',
          reason:
            'the payer “ACME CLOUD GMBH” is Acme Cloud GmbH: money in of €5,000.00, a sponsor payment?',
          reasonFact: {
            code: 'sponsor-payer',
            params: {
              payer: 'ACME CLOUD GMBH',
              organizationName: 'Acme Cloud GmbH',
              amountMinor: '500000',
              currency: 'EUR',
            },
          },
        },
      ]);
    });

    it('confirms a suggested entry, and a sponsor payment, which posts it and fills the funding table', async () => {
      const [trainLine, sponsorLine] = await lines('status=suggested');
      const entries = await count('journal_entries');
      const confirmed = await admin.post<{ entryId: string }>(
        `/api/ledger/bank-lines/${trainLine!.id}/confirm`,
        {},
      );
      expect(confirmed.status).toBe(200);
      expect(confirmed.body.entryId).toBe(train);
      expect(await count('journal_entries')).toBe(entries);

      const paid = await admin.post<{ entryId: string }>(
        `/api/ledger/bank-lines/${sponsorLine!.id}/confirm`,
        {},
      );
      expect(paid.status).toBe(200);
      expect(await count('journal_entries')).toBe(entries + 1);
      const rows = await app.database.db
        .select()
        .from(funding)
        .where(and(eq(funding.coopId, coopId), eq(funding.organizationId, org)));
      expect(rows).toMatchObject([
        {
          receivedOn: '2026-03-06',
          amountMinor: 500000n,
          currency: 'EUR',
          coopAmountMinor: 500000n,
          source: 'ledger',
          sourceRef: paid.body.entryId,
        },
      ]);
      const tb = await admin.get<{ accounts: { account: string; balance_minor: number }[] }>(
        '/api/reports/trial-balance?at=2026-03-31',
      );
      expect(tb.body.accounts).toContainEqual({
        account: 'income:sponsorship',
        currency: 'EUR',
        balance_minor: -500000,
      });
      expect(
        (await admin.post(`/api/ledger/bank-lines/${sponsorLine!.id}/confirm`, {})).status,
      ).toBe(409);
      expect(await lines('status=suggested')).toEqual([]);
    });

    it('books an unmatched line to an account with a balanced entry, and ignores another', async () => {
      const [fee, mystery] = await lines('account=1110&status=unmatched');
      const unconfirmable = await admin.post(`/api/ledger/bank-lines/${fee!.id}/confirm`, {});
      expect(unconfirmable.status).toBe(409);
      expect(unconfirmable.body).toMatchObject({
        code: 'bank-line.cannot-confirm',
        params: { lineStatus: 'unmatched' },
      });
      const unknown = await admin.post(`/api/ledger/bank-lines/${fee!.id}/book`, {
        account: 'expenses:nope',
      });
      expect(unknown.body.errors).toEqual([
        { pointer: '/account', message: 'no account expenses:nope' },
      ]);
      const booked = await admin.post<{ id: string }>(`/api/ledger/bank-lines/${fee!.id}/book`, {
        account: 'expenses:fees',
      });
      expect(booked.status).toBe(201);
      const entry = (
        await admin.get<{
          entries: { id: string; effective_on: string; description: string; postings: unknown[] }[];
        }>('/api/ledger/entries?account=5500')
      ).body.entries[0]!;
      expect(entry).toMatchObject({
        id: booked.body.id,
        effective_on: '2026-03-07',
        description: 'The Bank: Monthly fee',
        postings: [
          expect.objectContaining({ account: 'assets:bank:operating', amount_minor: '-999' }),
          expect.objectContaining({ account: 'expenses:fees', amount_minor: '999' }),
        ],
      });
      expect(
        (await admin.post(`/api/ledger/bank-lines/${fee!.id}/book`, { account: '5500' })).status,
      ).toBe(409);

      expect(
        (await admin.post(`/api/ledger/bank-lines/${mystery!.id}/ignore`, { reason: 'a test' }))
          .status,
      ).toBe(204);
      expect((await admin.post(`/api/ledger/bank-lines/${mystery!.id}/ignore`, {})).status).toBe(
        409,
      );
      expect((await lines('account=1110')).map((l) => l.status)).toEqual([
        'matched',
        'matched',
        'matched',
        'matched',
        'ignored',
      ]);
      const events = await queryRows<{ type: string; n: number }>(
        app.database.db,
        sql`select type, count(*)::int as n from events where type like 'ledger.bank-line%' or type like 'ledger.statement%' or type like 'ledger.csv%' group by type order by type`,
      );
      expect(events).toEqual([
        { type: 'ledger.bank-line-booked', n: 1 },
        { type: 'ledger.bank-line-ignored', n: 1 },
        { type: 'ledger.bank-line-matched', n: 2 },
        { type: 'ledger.csv-mapping-saved', n: 1 },
        // Every import above but the refused ones (the CSV copy among them).
        { type: 'ledger.statement-imported', n: 13 },
      ]);
      expect((await admin.get<{ ok: boolean }>('/api/ledger/verify')).body.ok).toBe(true);
    });

    it('suggests paying an approved expense claim and booking a salary, and confirms both', async () => {
      const db = app.database.db;
      const [ada] = await db
        .select({ id: people.id })
        .from(people)
        .where(and(eq(people.coopId, coopId), eq(people.displayName, 'Ada Admin')));
      const [travel] = await db
        .select({ id: accounts.id })
        .from(accounts)
        .where(and(eq(accounts.coopId, coopId), eq(accounts.code, '5400')));
      const [claim] = await db
        .insert(expenseClaims)
        .values({
          coopId,
          submittedBy: ada!.id,
          title: 'FOSDEM hotel',
          category: 'travel',
          accountId: travel!.id,
          incurredOn: '2026-03-01',
          amountMinor: 31000n,
          currency: 'EUR',
          status: 'approved',
        })
        .returning({ id: expenseClaims.id });
      const jane = await addMember(app, admin, {
        email: 'jane@example.org',
        name: 'Jane Hacker',
        memberClass: 'hacker',
      });
      await db.insert(salaries).values({
        coopId,
        personId: jane.personId,
        grossMonthlyMinor: 400000n,
        employerCostMonthlyMinor: 80000n,
        currency: 'EUR',
        effectiveFrom: '2026-01-01',
      });
      const statement = [
        ':20:M2',
        ':25:NL91TEST0000000001',
        ':28C:2',
        ':60F:C260308EUR14752,51',
        ':61:2603100310D310,00NTRFNONREF//T6',
        ':86:/CNTP/BE71096123456769/GKCCBEBB/Hotel Bruxelles///REMI/USTD//Booking FOSDEM 2026/',
        ':61:2603250325D3200,00NTRFNONREF//T7',
        ':86:/CNTP/NL20INGB0001234567/INGBNL2A/JANE HACKER///REMI/USTD//Salary March/',
        ':62F:C260325EUR11242,51',
        '-',
      ].join('\n');
      const r = await importFile({ fileName: 'm2.sta', content: statement });
      expect(r.status, JSON.stringify(r.body)).toBe(201);
      expect(r.body.statements[0]).toMatchObject({ suggested: 2, gaps: [] });
      const [hotel, pay] = await lines('status=suggested');
      expect(hotel!.suggestion).toEqual({
        type: 'expense-claim',
        claimId: claim!.id,
        claimTitle: 'FOSDEM hotel',
        reason:
          'pays €310.00, the amount of the approved expense claim “FOSDEM hotel” (2026-03-01), which the line names',
        reasonFact: {
          code: 'claim-amount',
          params: {
            claimTitle: 'FOSDEM hotel',
            incurredOn: '2026-03-01',
            amountMinor: '31000',
            currency: 'EUR',
            namedByLine: 1,
          },
        },
      });
      expect(pay!.suggestion).toEqual({
        type: 'salary',
        personId: jane.personId,
        account: 'liabilities:payables',
        reason:
          'the payee Jane Hacker draws a salary: pay of €3,200.00, booked against liabilities:payables, where the payroll run owes it',
        reasonFact: {
          code: 'salary',
          params: {
            payee: 'Jane Hacker',
            amountMinor: '320000',
            currency: 'EUR',
            account: 'liabilities:payables',
          },
        },
      });

      expect((await admin.post(`/api/ledger/bank-lines/${hotel!.id}/confirm`, {})).status).toBe(
        200,
      );
      const [paid] = await db
        .select({ status: expenseClaims.status, paidEntryId: expenseClaims.paidEntryId })
        .from(expenseClaims)
        .where(eq(expenseClaims.id, claim!.id));
      expect(paid!.status).toBe('paid');
      expect((await lines('account=1110')).find((l) => l.id === hotel!.id)!.matchedEntryId).toBe(
        paid!.paidEntryId,
      );
      const confirmed = await admin.post<{ entryId: string }>(
        `/api/ledger/bank-lines/${pay!.id}/confirm`,
        {},
      );
      expect(confirmed.status).toBe(200);
      // The co-op words the entry; the payee is the bank's, kept as the bank wrote it.
      const journal = await admin.get<{
        entries: { id: string; description: string; description_fact: unknown }[];
      }>('/api/ledger/entries?account=liabilities:payables');
      expect(journal.body.entries.find((e) => e.id === confirmed.body.entryId)).toMatchObject({
        description: 'Salary paid: JANE HACKER',
        description_fact: { code: 'salary-paid', params: { counterparty: 'JANE HACKER' } },
      });
      const tb = await admin.get<{ accounts: { account: string; balance_minor: number }[] }>(
        '/api/reports/trial-balance?at=2026-03-31',
      );
      expect(tb.body.accounts).toEqual(
        expect.arrayContaining([
          { account: 'expenses:travel', currency: 'EUR', balance_minor: 7550 + 31000 },
          { account: 'liabilities:payables', currency: 'EUR', balance_minor: 320000 },
        ]),
      );
    });

    it('asks for the amount in the co-op’s currency to book a foreign line', async () => {
      const [line] = await lines('account=1118&limit=1');
      expect(line!.amount).toBe('-49.95');
      const refused = await admin.post(`/api/ledger/bank-lines/${line!.id}/book`, {
        account: '5200',
      });
      expect(refused.status).toBe(400);
      expect(refused.body.errors).toEqual([
        { pointer: '/coopAmount', message: 'required: the amount in EUR' },
      ]);
      expect(refused.body).toMatchObject({
        code: 'coop-amount.required',
        params: { currency: 'EUR' },
      });
      const booked = await admin.post(`/api/ledger/bank-lines/${line!.id}/book`, {
        account: '5200',
        coopAmount: '45.00',
      });
      expect(booked.status).toBe(201);
    });
  });

  it('keeps statements to officers (they name who was paid), and only the treasurer imports', async () => {
    const member = await addMember(app, admin, {
      email: 'reader@example.org',
      name: 'Reader',
      memberClass: 'community',
    });
    expect((await member.client.get('/api/ledger/statements')).status).toBe(403);
    expect((await member.client.get('/api/ledger/bank-lines')).status).toBe(403);
    const refused = await member.client.post('/api/ledger/statements', {
      fileName: 'x.sta',
      content: readSample('mt940-triodos-nl-two-accounts.sta'),
    });
    expect(refused.status).toBe(403);
    const spec = await admin.get<{ paths: Record<string, unknown> }>('/api/openapi.json');
    expect(Object.keys(spec.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/ledger/statements',
        '/api/ledger/bank-lines',
        '/api/ledger/bank-lines/{id}/confirm',
        '/api/ledger/bank-lines/{id}/book',
        '/api/ledger/bank-lines/{id}/ignore',
        '/api/ledger/csv-mappings',
      ]),
    );
  });
  it('reads the file’s bytes in the bank’s character set, and speaks of fields, not CLI flags', async () => {
    const sta = readSample('mt940-sparkasse-de.sta')
      .replaceAll('MšLLER', 'MÜLLER')
      .replaceAll('šberweisungsgutschr.', 'Überweisungsgutschr.')
      .replaceAll('20090500/0006853030', '20090500/0009999999');
    const bytes = iconv.encode(sta, 'cp850');
    const both = await importFile({
      fileName: 'dos.sta',
      content: sta,
      contentBase64: bytes.toString('base64'),
    });
    expect(both.status).toBe(400);
    const unnamed = await importFile({
      fileName: 'dos.sta',
      contentBase64: bytes.toString('base64'),
    });
    expect(unnamed.status).toBe(400);
    expect(unnamed.body.errors).toEqual([
      {
        pointer: '/account',
        message: expect.stringMatching(/^which ledger account is bank account/),
        code: 'statement.which-account',
        params: { bankAccount: expect.any(String) },
      },
    ]);
    expect(JSON.stringify(unnamed.body)).not.toContain('--');
    const r = await importFile({
      fileName: 'dos.sta',
      contentBase64: bytes.toString('base64'),
      account: '1122',
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    const names = (await lines('account=1122&limit=100')).map((l) => l.counterparty);
    expect(names).toContain('MÜLLER, GRETEL SOMECITY');
    expect(names.join()).not.toMatch(/š/);
  });
});
