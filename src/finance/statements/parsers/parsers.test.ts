import { describe, expect, it } from 'vitest';
import { csvMappingSchema } from '../csvMapping.ts';
import { createMatcher, normalizeName, referenceTokens } from '../matching.ts';
import { factEnglish } from '../facts.ts';
import { checkBalance, dedupeKeys, gapBetween } from '../reconcile.ts';
import { readSample, samples, schwabMapping } from '../samples.ts';
import { StatementFileError, type ParsedLine } from '../types.ts';
import { displayMoney } from '../../../platform/money/display.ts';
import {
  decimalToMinor,
  looseAmountToMinor,
  minorToDecimal,
  swiftAmountToMinor,
} from './amounts.ts';
import {
  decodeStatementFile,
  detectFormat,
  parseCsvStatement,
  parseMt940,
  parseStatementFile,
} from './index.ts';

const schwab = csvMappingSchema.parse(schwabMapping);
const decimal = (minor: bigint | null | undefined, currency: string) =>
  minor === null || minor === undefined ? null : minorToDecimal(minor, currency);

describe('every sample bank file', () => {
  it.each(samples)('$file reads with the figures it states', (sample) => {
    const content = readSample(sample.file);
    expect(detectFormat(sample.file, content)).toBe(sample.format);
    const { statements } = parseStatementFile(sample.file, content, {
      mapping: sample.format === 'csv' ? schwab : undefined,
    });
    expect(statements).toHaveLength(sample.statements.length);
    statements.forEach((s, i) => {
      const want = sample.statements[i]!;
      const check = checkBalance(s);
      expect({
        bankAccountRef: s.bankAccountRef,
        currency: s.currency,
        lines: s.lines.length,
        opening: decimal(check.openingMinor, s.currency),
        openingCode: s.opening?.code ?? null,
        closing: decimal(check.closingMinor, s.currency),
        closingCode: s.closing?.code ?? null,
        credits: decimal(check.creditsMinor, s.currency),
        debits: decimal(check.debitsMinor, s.currency),
        check: check.status,
      }).toEqual(want);
      for (const line of s.lines) {
        expect(line.bookedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(typeof line.amountMinor).toBe('bigint');
      }
    });
  });

  it('reports the v08 file as not reconciling, with its figures', () => {
    const [statement] = parseStatementFile(
      'ubs.xml',
      readSample('camt053-v08-ubs-ch-sps2-sample.xml'),
    ).statements;
    const check = checkBalance(statement!);
    expect(check.status).toBe('mismatch');
    expect(check.problem).toBe(
      "statement R30B4SA880HMZ9XA of CH1111111111111111111 (2023-06-20): the opening balance (OPBD) CHF 82,721.95 + credits CHF 563.25 - debits CHF 0.00 = CHF 83,285.20, but the closing balance (CLBD) is CHF 84,515.25: a difference of CHF 1,230.05 (1 entry in EUR (−€20.97) not in the statement's currency and not counted)",
    );
    expect(check.foreign).toEqual([{ currency: 'EUR', count: 1, sumMinor: -2097n }]);
  });

  it('reads CAMT parties, references and batches', () => {
    const [ubs] = parseStatementFile(
      'ubs.xml',
      readSample('camt053-v08-ubs-ch-sps2-sample.xml'),
    ).statements;
    expect(ubs!.lines.map((l) => [l.counterparty, l.bankReference, l.references])).toEqual([
      ['Jon Doe', '9999171ZC0173078', ['80000004540000100095']],
      [
        'Finanz AG',
        '2022172PH0003127',
        ['435A9287E088BDB1D97FAABD181C70C8', 'RF38000000000000000000552'],
      ],
      ['DHL Express (Schweiz) AG', '0124571DN6195349', ['1208481', '000000270148751802165444888']],
    ]);
    expect(ubs!.lines[0]!.description).toContain('INVOICE R77561');
    expect(ubs!.lines[2]!).toMatchObject({ currency: 'EUR', amountMinor: -2097n });
    const [abn] = parseStatementFile(
      'abn.xml',
      readSample('camt053-v02-abnamro-nl-format-sample.xml'),
    ).statements;
    // A salary batch of 2 without TxDtls, and two SDD batches of 7: one line per Ntry.
    expect(abn!.lines.filter((l) => l.description.startsWith('Batch of'))).toHaveLength(5);
    expect(abn!.notes).toEqual([{ code: 'opening-from-prcd', params: {} }]);
    expect(abn!.notes.map(factEnglish)).toEqual([
      'no opening balance (OPBD): the previously closed booked balance (PRCD) is used',
    ]);
  });

  it('reads MT940 :86: structures', () => {
    const [ing] = parseMt940(readSample('mt940-ing-nl-structured.sta'));
    expect(ing!.lines[0]).toMatchObject({
      counterparty: 'B Bert',
      counterpartyAccount: 'NL57ABNA0876543211',
      description: '22-08-2014 Omschrijving',
      bankReference: '14237654096217',
    });
    expect(ing!.lines.find((l) => l.counterparty === 'KPN - MOBIEL')!.references).toContain(
      '02164810730000043',
    );
    const spk = parseMt940(readSample('mt940-sparkasse-de.sta'));
    expect(spk[0]!.lines[0]).toMatchObject({
      bookedOn: '2010-02-04',
      valueOn: '2010-02-17',
      counterparty: 'MšLLER, GRETEL SOMECITY',
      counterpartyAccount: '20010020/0012345678',
      description: 'Gutschrift SOME DESCRIPTION MORE DESC',
    });
    const triodos = parseMt940(readSample('mt940-triodos-nl-two-accounts.sta'));
    expect(triodos[0]!.lines[0]!.description).toBe(
      'TENAAMSTELLING TEGENREKENING EN ADRES TEGENREKENING EN PLAATS TEGENREKENING EN EEN LANGE OMSCHRIJVING VAN DE TRANSACTIE',
    );
  });
});

describe('MT940 quirks', () => {
  const statement = (lines: string) =>
    [
      '{1:F01TESTNL2AXXXX0000000000}{2:I940TESTNL2AXXXXN}{4:',
      ':20:REF1',
      ':25:NL00TEST0123456789',
      ':28:7',
      ':60F:C201230EUR000000000100,00',
      lines,
      ':62F:C210102EUR1426,51',
      ':64:C210102EUR1426,51',
      '-}',
    ].join('\r\n');

  it('reads reversals, funds codes, whole amounts, leading zeros and blank entry dates', () => {
    const [s] = parseMt940(
      statement(
        [
          ':61:2012301230CN0,01NTRFNONREF//B1',
          ':61:201231D20,00NMSCNONREF',
          ':61:2012310101RD500,NTRFREF-2//B3',
          ':61:210101    RC000000000053,50NTRFNONREF//B4',
          ':61:2101020102C900,NIT NONREF',
          ':86:/NAME/Someone/REMI/hello',
        ].join('\r\n'),
      ),
    );
    expect(
      s!.lines.map((l) => [l.bookedOn, l.valueOn, l.amountMinor, l.bankReference, l.description]),
    ).toEqual([
      ['2020-12-30', '2020-12-30', 1n, 'B1', ''],
      ['2020-12-31', '2020-12-31', -2000n, null, ''],
      // Booked on 1 January, value 31 December: the entry date takes the next year.
      ['2021-01-01', '2020-12-31', 50000n, 'B3', ''],
      ['2021-01-01', '2021-01-01', -5350n, 'B4', ''],
      ['2021-01-02', '2021-01-02', 90000n, null, 'hello'],
    ]);
    expect(s!.lines[4]!.counterparty).toBe('Someone');
    expect(checkBalance(s!).status).toBe('ok');
    expect(s!.statementRef).toBe('REF1 7');
  });

  it('lists every bad field with its line', () => {
    expect(() =>
      parseMt940(statement(':61:201231X20,00NMSCNONREF\r\n:61:201399D1,00NMSCNONREF')),
    ).toThrow(StatementFileError);
    try {
      parseMt940(statement(':61:201231X20,00NMSCNONREF\r\n:61:201231D1,001NMSCNONREF'));
    } catch (error) {
      expect((error as StatementFileError).problems.map((p) => p.pointer)).toEqual([
        '/lines/6',
        '/lines/7',
      ]);
      expect((error as StatementFileError).problems[1]!.message).toMatch(/EUR has 2 decimals/);
    }
  });
});

describe('CSV with a saved mapping', () => {
  it('reads European exports: semicolons, decimal commas, signed amounts', () => {
    const mapping = csvMappingSchema.parse({
      delimiter: ';',
      skipLines: 2,
      dateColumn: 'Buchungstag',
      dateFormat: 'DD.MM.YYYY',
      amountColumn: 'Betrag',
      descriptionColumn: 'Verwendungszweck',
      counterpartyColumn: 'Empfänger',
      currency: 'EUR',
      decimalSeparator: ',',
      thousandsSeparator: '.',
    });
    const [s] = parseCsvStatement(
      'Konto;DE00\n\nBuchungstag;Empfänger;Verwendungszweck;Betrag\n01.03.2026;Acme GmbH;Rechnung 4711;1.234,56\n02.03.2026;Bäcker;Brot;-3,5 €\n',
      mapping,
    );
    expect(s!.lines.map((l) => [l.bookedOn, l.amountMinor, l.counterparty])).toEqual([
      ['2026-03-01', 123456n, 'Acme GmbH'],
      ['2026-03-02', -350n, 'Bäcker'],
    ]);
    expect(checkBalance(s!).status).toBe('unknown');
  });

  it('lists every bad row, and refuses a file whose running balance jumps', () => {
    try {
      parseCsvStatement(
        '"Date","Status","Type","CheckNumber","Description","Withdrawal","Deposit","RunningBalance"\n"13/45/2022","Posted","","","x","$1.00","","$1.00"\n"08/01/2022","Posted","","","y","","","$1.00"\n',
        schwab,
      );
      expect.unreachable();
    } catch (error) {
      expect((error as Error).message).toContain(
        'line 2, Date: “13/45/2022” is not a date as MM/DD/YYYY',
      );
      expect((error as Error).message).toContain('line 3, Deposit: neither money out nor money in');
    }
    const [s] = parseCsvStatement(
      '"Date","Status","Type","CheckNumber","Description","Withdrawal","Deposit","RunningBalance"\n"08/02/2022","Posted","","","b","$10.00","","$85.00"\n"08/01/2022","Posted","","","a","$5.00","","$100.00"\n"08/03/2022","Pending","","","c","$1.00","","$84.00"\n',
      schwab,
    );
    const check = checkBalance(s!);
    expect(check.status).toBe('mismatch');
    expect(check.problem).toContain(
      'line 2: the running balance US$85.00 does not follow from the line before (US$90.00)',
    );
    expect(s!.notes.map(factEnglish)).toEqual(['1 row(s) whose status is not Posted left out']);
  });
});

describe('format detection and decoding', () => {
  it('tells formats by content, then by name, and refuses what it cannot tell', () => {
    expect(detectFormat('x.txt', ':20:A\n:25:B\n:60F:C200101EUR1,\n')).toBe('mt940');
    expect(detectFormat('export.csv', 'a,b\n1,2\n')).toBe('csv');
    expect(detectFormat('x.bin', 'hello')).toBeNull();
    expect(() => parseStatementFile('x.bin', 'hello')).toThrow(/Cannot tell the format/);
    expect(() =>
      parseStatementFile(
        'c.xml',
        '<?xml version="1.0"?><Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.054.001.02"><BkToCstmrDbtCdtNtfctn/></Document>',
      ),
    ).toThrow(/camt\.054\.001\.02 message, not a camt\.053 statement/);
  });

  it('decodes UTF-8, and Windows-1252 exports', () => {
    expect(decodeStatementFile(new TextEncoder().encode('Müller'))).toBe('Müller');
    expect(decodeStatementFile(Uint8Array.from([0x4d, 0xfc, 0x6c, 0x6c, 0x65, 0x72, 0x80]))).toBe(
      'Müller€',
    );
  });
});

describe('amounts as integers', () => {
  it('parses without floats, refusing what would need rounding', () => {
    expect(decimalToMinor('474.4', 'CHF')).toBe(47440n);
    expect(decimalToMinor('0.10', 'EUR')).toBe(10n);
    expect(decimalToMinor('1500', 'JPY')).toBe(1500n);
    expect(() => decimalToMinor('1.005', 'EUR')).toThrow('EUR has 2 decimals');
    expect(swiftAmountToMinor('500,', 'EUR')).toBe(50000n);
    expect(swiftAmountToMinor('000000000127,50', 'EUR')).toBe(12750n);
    expect(looseAmountToMinor('$1,036.47', 'USD', { decimal: '.', thousands: ',' })).toBe(103647n);
    expect(looseAmountToMinor('(75.00)', 'USD', { decimal: '.', thousands: ',' })).toBe(-7500n);
    expect(looseAmountToMinor("1'234.50-", 'CHF', { decimal: '.', thousands: "'" })).toBe(-123450n);
    expect(() => looseAmountToMinor('1,5', 'EUR', { decimal: '.', thousands: '' })).toThrow(
      /decimal separator is a dot/,
    );
    expect(displayMoney(123003n, 'CHF')).toBe('CHF 1,230.03');
    expect(displayMoney(-2097n, 'EUR')).toBe('−€20.97');
    // 2^53 + 1 cents: a float would lose the last cent.
    expect(decimalToMinor('90071992547409.93', 'EUR')).toBe(9007199254740993n);
  });
});

const line = (over: Partial<ParsedLine>): ParsedLine => ({
  bookedOn: '2026-03-10',
  valueOn: null,
  amountMinor: -12000n,
  currency: 'EUR',
  counterparty: '',
  counterpartyAccount: '',
  description: '',
  bankReference: null,
  references: [],
  ...over,
});

describe('dedupe keys and gaps', () => {
  it('keeps lines that share a bank reference apart, and repeats stable', () => {
    const abn = parseStatementFile(
      'abn.xml',
      readSample('camt053-v02-abnamro-nl-format-sample.xml'),
    ).statements[0]!.lines;
    expect(new Set(abn.map((l) => l.bankReference)).size).toBeLessThan(13);
    expect(new Set(dedupeKeys(abn)).size).toBe(13);
    const coffee = line({ description: 'coffee', amountMinor: -250n });
    const keys = dedupeKeys([coffee, coffee, line({ description: 'tea' })]);
    expect(keys[1]).toBe(`${keys[0]}~2`);
    expect(dedupeKeys([coffee, coffee])).toEqual(keys.slice(0, 2));
  });

  it('names missing days and missing money between statements', () => {
    const span = (from: string, to: string, opening: bigint, closing: bigint) => ({
      statementRef: to,
      fromDay: from,
      toDay: to,
      currency: 'EUR',
      openingMinor: opening,
      closingMinor: closing,
    });
    expect(
      gapBetween(
        span('2026-03-01', '2026-03-01', 0n, 500n),
        span('2026-03-02', '2026-03-02', 500n, 0n),
      ),
    ).toBeNull();
    expect(
      gapBetween(
        span('2026-03-01', '2026-03-01', 0n, 500n),
        span('2026-03-01', '2026-03-02', 500n, 0n),
      ),
    ).toBeNull();
    expect(
      gapBetween(
        span('2026-03-01', '2026-03-01', 0n, 500n),
        span('2026-03-04', '2026-03-04', 450n, 0n),
      ),
    ).toBe(
      'Gap: no statement covers 2026-03-02 to 2026-03-03; statement 2026-03-01 (to 2026-03-01) closed at €5.00 but this one opens at €4.50: −€0.50 of entries are missing between them',
    );
  });
});

describe('matching', () => {
  const entry = (over: object) => ({
    entryId: 'e1',
    number: 1,
    effectiveOn: '2026-03-09',
    description: 'Hosting invoice INV-2026-0042',
    sourceType: null,
    sourceId: null,
    amountMinor: -12000n,
    currency: 'EUR',
    ...over,
  });

  it('matches by reference, suggests by amount and date or by the payer, once per entry', () => {
    const match = createMatcher({
      entries: [
        entry({}),
        entry({ entryId: 'e2', number: 2, description: 'Train tickets', amountMinor: -7550n }),
        entry({ entryId: 'e3', number: 3, description: 'Laptop R-9981', amountMinor: -99900n }),
      ],
      organizations: [{ id: 'o1', legalName: 'Acme Cloud GmbH', displayName: 'Acme' }],
      claims: [
        {
          id: 'c1',
          title: 'Conference hotel',
          incurredOn: '2026-03-01',
          amountMinor: 31000n,
          currency: 'EUR',
        },
        {
          id: 'c2',
          title: 'Keyboard',
          incurredOn: '2026-03-02',
          amountMinor: 31000n,
          currency: 'EUR',
        },
      ],
      payees: [{ personId: 'p1', displayName: 'Jane Hacker' }],
      payrollAccount: { code: '2100', path: 'liabilities:payables' },
    });
    expect(match(line({ description: 'Hetzner INV-2026-0042' }))).toEqual({
      status: 'matched',
      entryId: 'e1',
      reason: 'reference INV-2026-0042 and amount −€120.00 match entry #1',
      reasonFact: {
        code: 'reference-and-amount',
        params: { token: 'INV-2026-0042', amountMinor: '-12000', currency: 'EUR', entryNumber: 1 },
      },
    });
    expect(match(line({ description: 'INV-2026-0042 again' }))).toEqual({ status: 'unmatched' });
    expect(match(line({ amountMinor: -7550n, bookedOn: '2026-03-13' }))).toMatchObject({
      status: 'suggested',
      suggestion: {
        type: 'entry',
        entryId: 'e2',
        reason: 'same amount −€75.50 on this bank account, 4 days apart',
        reasonFact: {
          code: 'same-amount',
          params: { amountMinor: '-7550', currency: 'EUR', days: 4, namesCounterparty: 0 },
        },
      },
    });
    expect(match(line({ amountMinor: -99000n, references: ['R-9981'] }))).toMatchObject({
      status: 'suggested',
      suggestion: {
        entryId: 'e3',
        reason:
          'reference R-9981 is in entry #3, but the amounts differ: the entry moved −€999.00, the bank −€990.00',
        reasonFact: {
          code: 'reference-amounts-differ',
          params: {
            token: 'R-9981',
            entryNumber: 3,
            entryMinor: '-99900',
            entryCurrency: 'EUR',
            amountMinor: '-99000',
            currency: 'EUR',
          },
        },
      },
    });
    expect(match(line({ amountMinor: 500000n, counterparty: 'ACME CLOUD' }))).toMatchObject({
      status: 'suggested',
      suggestion: {
        type: 'sponsor-payment',
        organizationId: 'o1',
        reason:
          'the payer “ACME CLOUD” is Acme Cloud GmbH: money in of €5,000.00, a sponsor payment?',
        reasonFact: {
          code: 'sponsor-payer',
          params: {
            payer: 'ACME CLOUD',
            organizationName: 'Acme Cloud GmbH',
            amountMinor: '500000',
            currency: 'EUR',
          },
        },
      },
    });
    expect(match(line({ amountMinor: 700n, description: 'Thanks from Acme Cloud' }))).toMatchObject(
      {
        suggestion: {
          reason: 'the line names Acme Cloud GmbH: money in of €7.00, a sponsor payment?',
          reasonFact: {
            code: 'sponsor-named',
            params: { organizationName: 'Acme Cloud GmbH', amountMinor: '700', currency: 'EUR' },
          },
        },
      },
    );
    expect(match(line({ amountMinor: -500000n, counterparty: 'ACME CLOUD' }))).toEqual({
      status: 'unmatched',
    });
    expect(match(line({ amountMinor: -31000n, description: 'Hotel conference Berlin' }))).toEqual({
      status: 'suggested',
      suggestion: {
        type: 'expense-claim',
        claimId: 'c1',
        claimTitle: 'Conference hotel',
        reason:
          'pays €310.00, the amount of the approved expense claim “Conference hotel” (2026-03-01), which the line names',
        reasonFact: {
          code: 'claim-amount',
          params: {
            claimTitle: 'Conference hotel',
            incurredOn: '2026-03-01',
            amountMinor: '31000',
            currency: 'EUR',
            namedByLine: 1,
          },
        },
      },
    });
    expect(match(line({ amountMinor: -31000n }))).toMatchObject({
      suggestion: {
        type: 'expense-claim',
        claimId: 'c2',
        reason: 'pays €310.00, the amount of the approved expense claim “Keyboard” (2026-03-02)',
        reasonFact: { code: 'claim-amount', params: { namedByLine: 0 } },
      },
    });
    expect(match(line({ amountMinor: -31000n }))).toEqual({ status: 'unmatched' });
    expect(match(line({ amountMinor: -412000n, counterparty: 'JANE HACKER' }))).toMatchObject({
      status: 'suggested',
      suggestion: {
        type: 'salary',
        personId: 'p1',
        account: 'liabilities:payables',
        reason:
          'the payee Jane Hacker draws a salary: pay of €4,120.00, booked against liabilities:payables, where the payroll run owes it',
        reasonFact: {
          code: 'salary',
          params: {
            payee: 'Jane Hacker',
            amountMinor: '412000',
            currency: 'EUR',
            account: 'liabilities:payables',
          },
        },
      },
    });
  });

  it('suggests an open invoice by its creditor reference, its number or its amount', () => {
    const invoice = (number: string, openMinor: bigint, reference: string) => ({
      invoiceId: number,
      number,
      creditorReference: reference,
      openMinor,
      currency: 'EUR',
      organizationName: 'Acme Cloud GmbH',
      needsRate: false,
    });
    const match = createMatcher({
      entries: [],
      organizations: [],
      invoices: [
        invoice('I-2027-1', 120000n, 'RF18I20271'),
        invoice('I-2027-2', 50000n, 'RF47I20272'),
        invoice('I-2027-3', 33300n, 'RF76I20273'),
      ],
    });
    expect(match(line({ amountMinor: 120000n, description: 'RF18 I202 71' }))).toMatchObject({
      suggestion: {
        invoiceId: 'I-2027-1',
        sure: true,
        reason: 'creditor reference RF18I20271 and amount €1,200.00 match invoice I-2027-1',
        reasonFact: {
          code: 'invoice-reference-and-amount',
          params: {
            by: 'creditor-reference',
            creditorReference: 'RF18I20271',
            invoiceNumber: 'I-2027-1',
            openMinor: '120000',
            currency: 'EUR',
          },
        },
      },
    });
    expect(match(line({ amountMinor: 20000n, description: 'Invoice I-2027-2' }))).toMatchObject({
      suggestion: {
        invoiceId: 'I-2027-2',
        sure: false,
        reason:
          'invoice number I-2027-2 names invoice I-2027-2, which has €500.00 open: the bank moved €200.00 (a partial or an overpayment)',
        reasonFact: {
          code: 'invoice-amount-differs',
          params: {
            by: 'invoice-number',
            invoiceNumber: 'I-2027-2',
            openMinor: '50000',
            openCurrency: 'EUR',
            amountMinor: '20000',
            currency: 'EUR',
          },
        },
      },
    });
    expect(match(line({ amountMinor: 33300n }))).toMatchObject({
      suggestion: {
        invoiceId: 'I-2027-3',
        sure: false,
        reason: 'same amount €333.00 as open invoice I-2027-3 (Acme Cloud GmbH)',
        reasonFact: {
          code: 'invoice-open-amount',
          params: {
            invoiceNumber: 'I-2027-3',
            organizationName: 'Acme Cloud GmbH',
            openMinor: '33300',
            currency: 'EUR',
          },
        },
      },
    });
  });

  it('takes reference-like words only', () => {
    expect(
      referenceTokens('Invoice INV-2026-0042, 22-08-2014 paid 1,234.50 ref 0000000002 R77561.'),
    ).toEqual(['INV-2026-0042', 'R77561']);
    expect(normalizeName('ACME Cloud GmbH')).toBe('acme cloud');
    expect(normalizeName('Zürich Versicherungs-AG')).toBe('zurich versicherungs');
  });
});
