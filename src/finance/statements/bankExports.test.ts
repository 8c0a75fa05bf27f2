import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findCoop } from '../../coop/queries.ts';
import { setUpCoop, startTestApp, type TestApp, type TestClient } from '../../testing/testApp.ts';
import type { ImportResult } from './commands/importStatement.ts';
import { detectFormat, parseStatementFile } from './parsers/index.ts';
import { minorToDecimal } from './parsers/amounts.ts';
import { checkBalance } from './reconcile.ts';
import { readSample } from './samples.ts';
import { addBankAccount, withStatementRoutes } from './testSupport.ts';

/**
 * MT940 files as banks send them, wrapped: SWIFT blocks `{1:}{2:}{3:}{4:` ... `-}{5:...}`, SOH
 * and ETX framing, the bank's header lines before each `:20:` (`ABNANL2A` / `940`, `:940:`),
 * several messages per file, CRLF. Each from an open-source library's test suite (see
 * fixtures/README.md); the figures are those each file states. Several of these excerpts do not
 * add up (their libraries trimmed them): they read, and are reported as not reconciling.
 */
const exportsAsSent: {
  file: string;
  /** Per statement: account, currency, lines, opening, closing, balance check. */
  statements: [string, string, number, string, string, 'ok' | 'mismatch'][];
}[] = [
  {
    file: 'mt940-abnamro-nl-bank-header-lines.sta',
    statements: [
      ['517852257', 'EUR', 8, '3236.28', '876.84', 'mismatch'],
      ['517852257', 'EUR', 2, '2876.84', '1849.75', 'mismatch'],
    ],
  },
  {
    file: 'mt940-rabobank-nl-940-header-crlf.sta',
    statements: [
      ['NL71RABO0123456789', 'EUR', 2, '1000.00', '965.00', 'ok'],
      ['NL71RABO0123456789', 'EUR', 2, '965.00', '930.00', 'ok'],
    ],
  },
  {
    file: 'mt940-postfinance-ch-soh-block3-block5.sta',
    statements: [
      ['123456789', 'CHF', 2, '0.00', '229.20', 'ok'],
      ['123456789', 'CHF', 2, '229.20', '159.60', 'mismatch'],
    ],
  },
  {
    file: 'mt940-commerzbank-de-spaced-type-code.sta',
    statements: [['25040066/0123456789', 'EUR', 1, '0.00', '0.00', 'mismatch']],
  },
  {
    file: 'mt940-mbank-pl-soh-line.sta',
    statements: [['PL29114010810000267002001002', 'PLN', 3, '0.40', '0.43', 'ok']],
  },
  {
    file: 'mt940-asn-nl-31-messages-block5.sta',
    statements: Array.from({ length: 31 }, (_, i) => {
      // 31 daily messages, most without entries; the balances chain from 444.29 to 501.23.
      const counts: Record<number, number> = { 0: 1, 4: 2, 24: 1, 28: 2, 30: 2 };
      return ['NL81ASNB9999999999', 'EUR', counts[i] ?? 0, '', '', 'ok'] as [
        string,
        string,
        number,
        string,
        string,
        'ok',
      ];
    }),
  },
];

describe('MT940 files as banks send them', () => {
  it.each(exportsAsSent)('$file reads with the figures it states', ({ file, statements }) => {
    const content = readSample(file);
    expect(detectFormat(file.replace(/\.sta$/, '.txt'), content)).toBe('mt940');
    const parsed = parseStatementFile(file, content).statements;
    // Blank opening and closing in the table: not compared (the ASN file's are chained below).
    expect(
      parsed.map((s, i) => {
        const check = checkBalance(s);
        const figure = (minor: bigint | null, stated: string | undefined) =>
          stated === '' || minor === null ? '' : minorToDecimal(minor, s.currency);
        return [
          s.bankAccountRef,
          s.currency,
          s.lines.length,
          figure(check.openingMinor, statements[i]?.[3]),
          figure(check.closingMinor, statements[i]?.[4]),
          check.status,
        ];
      }),
    ).toEqual(statements);
    for (const s of parsed)
      for (const line of s.lines) {
        expect(line.bookedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(line.amountMinor).not.toBe(0n);
      }
  });

  it('chains the 31 ASN messages from the first opening to the last closing', () => {
    const parsed = parseStatementFile(
      'asn.sta',
      readSample('mt940-asn-nl-31-messages-block5.sta'),
    ).statements;
    expect(minorToDecimal(parsed[0]!.opening!.amountMinor, 'EUR')).toBe('444.29');
    expect(minorToDecimal(parsed.at(-1)!.closing!.amountMinor, 'EUR')).toBe('501.23');
    parsed.slice(1).forEach((s, i) => {
      expect(s.opening!.amountMinor).toBe(parsed[i]!.closing!.amountMinor);
    });
  });

  describe('imported', () => {
    let app: TestApp;
    let admin: TestClient;
    beforeAll(async () => {
      app = await startTestApp();
      withStatementRoutes(app);
      admin = await setUpCoop(app);
      const coopId = (await findCoop(app.database.db))!.id;
      for (const [code, name] of [
        ['1131', 'abn-amro'],
        ['1132', 'rabobank'],
        ['1133', 'postfinance'],
        ['1134', 'mbank'],
        ['1135', 'asn'],
      ])
        await addBankAccount(app.database.db, coopId, code!, name!);
    });
    afterAll(() => app.stop());

    it.each([
      ['mt940-abnamro-nl-bank-header-lines.sta', '1131', 10, 'mismatch'],
      ['mt940-rabobank-nl-940-header-crlf.sta', '1132', 4, 'ok'],
      ['mt940-postfinance-ch-soh-block3-block5.sta', '1133', 4, 'mismatch'],
      ['mt940-mbank-pl-soh-line.sta', '1134', 3, 'ok'],
      ['mt940-asn-nl-31-messages-block5.sta', '1135', 8, 'ok'],
    ])('imports %s', async (file, account, lines, check) => {
      const r = await admin.post<ImportResult>('/api/ledger/statements', {
        fileName: file,
        content: readSample(file),
        account,
        acceptMismatch: true,
      });
      expect(r.status, JSON.stringify(r.body)).toBe(201);
      expect(r.body.format).toBe('mt940');
      expect(r.body.statements).toHaveLength(1);
      const [statement] = r.body.statements;
      expect(statement!.linesAdded + statement!.linesSkipped).toBe(lines);
      expect(statement!.balanceCheck).toBe(check);
    });
  });
});
