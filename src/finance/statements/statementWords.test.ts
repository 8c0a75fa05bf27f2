import { afterEach, describe, expect, it } from 'vitest';
import { setLocale } from '../../../web/src/app/i18n.ts';
import {
  balanceTexts,
  gapTexts,
  noteTexts,
  statementFactText,
} from '../../../web/src/finance/statementWords.ts';
import { statementFact, statementFactCodes, type StatementFactCode } from './facts.ts';

afterEach(() => setLocale('en', { remember: false }));
const plain = (s: string | null) => s?.replace(/[\u00a0\u202f]/g, ' ');

const march = {
  statementRef: 'S7',
  bankAccountRef: 'DE89370400440532013000',
  fromDay: '2026-03-01',
  toDay: '2026-03-31',
};

/** One fact of each code, as the import writes them. */
const facts = {
  'not-booked': statementFact('not-booked', { count: 2 }),
  'rows-not-booked': statementFact('rows-not-booked', {
    count: 1,
    statuses: ['Posted', 'Cleared'],
  }),
  'opening-from-prcd': statementFact('opening-from-prcd'),
  'foreign-lines': statementFact('foreign-lines', { count: 1, currency: 'EUR', sumMinor: -2097n }),
  'no-opening': statementFact('no-opening', {
    closingCode: 'LEDGERBAL',
    closingMinor: 123456n,
    impliedMinor: 100000n,
    currency: 'EUR',
  }),
  'no-closing': statementFact('no-closing', { impliedMinor: 5000n, currency: 'EUR' }),
  'no-balances': statementFact('no-balances'),
  'does-not-add-up': statementFact(
    'does-not-add-up',
    {
      openingCode: 'OPBD',
      openingMinor: 100000n,
      creditsMinor: 50000n,
      debitsMinor: 20000n,
      computedMinor: 130000n,
      closingCode: 'CLBD',
      closingMinor: 253005n,
      differenceMinor: 123005n,
      currency: 'EUR',
    },
    march,
  ),
  'running-balance': statementFact(
    'running-balance',
    { line: 3, statedMinor: 8500n, expectedMinor: 9000n, currency: 'EUR' },
    { ...march, statementRef: null, bankAccountRef: null },
  ),
  'days-uncovered': statementFact('days-uncovered', { from: '2026-04-01', to: '2026-04-03' }),
  'opening-not-closing': statementFact('opening-not-closing', {
    previousRef: 'S7',
    previousToDay: '2026-03-31',
    closingMinor: 15000n,
    openingMinor: 12000n,
    missingMinor: -3000n,
    currency: 'EUR',
  }),
} satisfies Record<StatementFactCode, unknown>;

const english: Record<StatementFactCode, string> = {
  'not-booked': '2 entries not booked (pending or for information only) left out',
  'rows-not-booked': '1 row whose status is not Posted or Cleared left out',
  'opening-from-prcd':
    'No opening balance (OPBD) stated: the previously closed booked balance (PRCD) is used',
  'foreign-lines': '1 entry in EUR (−€20.97) is not in the statement’s currency and not counted',
  'no-opening':
    'No opening balance stated: the closing balance (LEDGERBAL) of €1,234.56 less the lines implies an opening of €1,000.00',
  'no-closing':
    'No closing balance stated: the opening balance plus the lines implies a closing of €50.00',
  'no-balances': 'No balances stated: the lines cannot be checked against the bank’s figures',
  'does-not-add-up':
    'Statement S7 of DE89370400440532013000 (1 Mar 2026 to 31 Mar 2026): The opening balance (OPBD) €1,000.00 + credits €500.00 − debits €200.00 = €1,300.00, but the closing balance (CLBD) is €2,530.05: a difference of €1,230.05',
  'running-balance':
    'The statement (1 Mar 2026 to 31 Mar 2026): Line 3: the running balance €85.00 does not follow from the line before (€90.00)',
  'days-uncovered': 'Gap: no statement covers 1 Apr 2026 to 3 Apr 2026',
  'opening-not-closing':
    'Gap: statement S7 (to 31 Mar 2026) closed at €150.00 but this one opens at €120.00: −€30.00 of entries are missing between them',
};

const german: Record<StatementFactCode, string> = {
  'not-booked': '2 nicht gebuchte Einträge (vorgemerkt oder nur zur Information) ausgelassen',
  'rows-not-booked': '1 Zeile, deren Status nicht Posted oder Cleared ist, ausgelassen',
  'opening-from-prcd':
    'Kein Anfangssaldo (OPBD) angegeben: Der zuletzt abgeschlossene Buchungssaldo (PRCD) wird verwendet',
  'foreign-lines':
    '1 Eintrag in EUR (−20,97 €) ist nicht in der Währung des Auszugs und wird nicht mitgezählt',
  'no-opening':
    'Kein Anfangssaldo angegeben: Der Schlusssaldo (LEDGERBAL) von 1.234,56 € abzüglich der Umsätze ergibt einen Anfangssaldo von 1.000,00 €',
  'no-closing':
    'Kein Schlusssaldo angegeben: Der Anfangssaldo zuzüglich der Umsätze ergibt einen Schlusssaldo von 50,00 €',
  'no-balances':
    'Keine Salden angegeben: Die Umsätze lassen sich nicht mit den Zahlen der Bank abgleichen',
  'does-not-add-up':
    'Auszug S7 von DE89370400440532013000 (01.03.2026 bis 31.03.2026): Der Anfangssaldo (OPBD) 1.000,00 € + Gutschriften 500,00 € − Belastungen 200,00 € = 1.300,00 €, aber der Schlusssaldo (CLBD) ist 2.530,05 €: eine Differenz von 1.230,05 €',
  'running-balance':
    'Der Auszug (01.03.2026 bis 31.03.2026): Zeile 3: Der laufende Saldo 85,00 € folgt nicht aus der Zeile davor (90,00 €)',
  'days-uncovered': 'Lücke: Vom 01.04.2026 bis 03.04.2026 gibt es keinen Auszug',
  'opening-not-closing':
    'Lücke: Auszug S7 (bis 31.03.2026) schloss mit 150,00 €, dieser beginnt aber mit 120,00 €: Dazwischen fehlen Umsätze über −30,00 €',
};

const isGap = (code: StatementFactCode) =>
  code === 'days-uncovered' || code === 'opening-not-closing';
const worded = (code: StatementFactCode) => plain(statementFactText(facts[code], isGap(code)));

describe('what an import says about a statement, in the reader’s language', () => {
  it('words every code the server writes in English, with money and days in the reader’s format', () => {
    for (const code of statementFactCodes)
      expect([code, worded(code)]).toEqual([code, english[code]]);
  });

  it('words every code in German, none left in English', () => {
    const inEnglish = Object.fromEntries(statementFactCodes.map((c) => [c, worded(c)]));
    setLocale('de', { remember: false });
    for (const code of statementFactCodes) {
      expect([code, worded(code)]).toEqual([code, german[code]]);
      expect([code, worded(code)]).not.toEqual([code, inEnglish[code]]);
    }
  });

  it('says one day, a CSV column at its line, and a previous statement without a name', () => {
    setLocale('de', { remember: false });
    expect(
      plain(
        statementFactText(
          statementFact('days-uncovered', { from: '2026-04-01', to: '2026-04-01' }),
          true,
        ),
      ),
    ).toBe('Lücke: Für den 01.04.2026 gibt es keinen Auszug');
    const csv = statementFact('does-not-add-up', {
      openingColumn: 'Saldo',
      openingLine: 2,
      openingMinor: 10500n,
      creditsMinor: 0n,
      debitsMinor: 1500n,
      computedMinor: 9000n,
      closingColumn: 'Saldo',
      closingLine: 3,
      closingMinor: 8500n,
      differenceMinor: -500n,
      currency: 'EUR',
    });
    expect(plain(statementFactText(csv))).toBe(
      'Der Anfangssaldo (Saldo vor Zeile 2) 105,00 € + Gutschriften 0,00 € − Belastungen 15,00 € = 90,00 €, aber der Schlusssaldo (Saldo nach Zeile 3) ist 85,00 €: eine Differenz von −5,00 €',
    );
    expect(
      plain(
        statementFactText(
          statementFact('opening-not-closing', {
            closingMinor: 100n,
            openingMinor: 200n,
            missingMinor: 100n,
            currency: 'EUR',
          }),
          true,
        ),
      ),
    ).toBe(
      'Lücke: Der vorige Auszug schloss mit 1,00 €, dieser beginnt aber mit 2,00 €: Dazwischen fehlen Umsätze über 1,00 €',
    );
  });

  it('keeps the English of a statement imported before facts, and of a code it does not know', () => {
    setLocale('de', { remember: false });
    const old = { balanceProblem: 'no opening balance stated: …', balanceFacts: null };
    expect(balanceTexts(old)).toEqual(['no opening balance stated: …']);
    expect(balanceTexts({ balanceProblem: null, balanceFacts: [] })).toEqual([]);
    expect(gapTexts({ gaps: ['Gap: no statement covers 2026-04-01'] })).toEqual([
      'Gap: no statement covers 2026-04-01',
    ]);
    const unknown = { code: 'from-a-later-version', params: {} } as never;
    expect(noteTexts({ notes: ['a note'], noteFacts: [unknown] })).toEqual(['a note']);
    expect(noteTexts({ notes: ['2 entries…'], noteFacts: [facts['not-booked']] })).toEqual([
      '2 nicht gebuchte Einträge (vorgemerkt oder nur zur Information) ausgelassen',
    ]);
  });
});
