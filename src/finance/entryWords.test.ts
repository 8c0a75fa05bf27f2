import { afterEach, describe, expect, it } from 'vitest';
import type { EntryFact } from '../../web/src/api/types.ts';
import { setLocale } from '../../web/src/app/i18n.ts';
import { entryDescription, factText, postingMemo } from '../../web/src/finance/entryWords.ts';
import { entryFact, entryFactCodes } from './entryFacts.ts';

afterEach(() => setLocale('en', { remember: false }));
const plain = (s: string | null) => s?.replace(/[\u00a0\u202f]/g, ' ');

/** One fact of each code, as the commands write them. */
const facts: Record<(typeof entryFactCodes)[number], EntryFact> = {
  payroll: entryFact('payroll', { month: '2026-11', hackers: 3 }),
  'year-end-close': entryFact('year-end-close', { fiscalYear: 2025 }),
  'year-end-dividends': entryFact('year-end-dividends', { fiscalYear: 2025 }),
  'expense-claim': entryFact('expense-claim', { title: 'Train to FOSDEM' }),
  'sponsor-payment': entryFact('sponsor-payment', { reference: 'RF18 5390 0754' }),
  reversal: entryFact('reversal', { number: 12, reason: 'booked twice' }),
  'salary-paid': entryFact('salary-paid', { counterparty: 'ADA LINDQVIST' }),
  'bank-line': entryFact('bank-line', { bookedOn: '2026-03-05' }),
  invoice: entryFact('invoice', { number: 'INV-2026-000007', buyer: 'Müller GmbH' }),
  'credit-note': entryFact('credit-note', { number: 'CN-2026-000001', buyer: 'Müller GmbH' }),
  'invoice-payment': entryFact('invoice-payment', { number: 'INV-2026-000007' }),
  'payroll-cost': entryFact('payroll-cost', {
    name: 'Ada Lindqvist',
    grossMinor: '620000',
    employerCostMinor: '124000',
    currency: 'EUR',
  }),
  'payroll-owed': entryFact('payroll-owed', { name: 'Ada Lindqvist', month: '2026-11' }),
  'exchange-gain': entryFact('exchange-gain'),
  'exchange-loss': entryFact('exchange-loss'),
  'exchange-difference': entryFact('exchange-difference', { invoice: 'INV-2026-000007' }),
};

const english: Record<keyof typeof facts, string> = {
  payroll: 'Payroll November 2026: 3 hackers',
  'year-end-close': 'Close fiscal year 2025: income and expenses to the retained surplus',
  'year-end-dividends': 'Fiscal year 2025: reserves and dividends',
  'expense-claim': 'Expense claim: Train to FOSDEM',
  'sponsor-payment': 'Sponsor payment RF18 5390 0754',
  reversal: 'Reversal of entry #12: booked twice',
  'salary-paid': 'Salary paid: ADA LINDQVIST',
  'bank-line': 'Bank line of 5 Mar 2026',
  invoice: 'Invoice INV-2026-000007: Müller GmbH',
  'credit-note': 'Credit note CN-2026-000001: Müller GmbH',
  'invoice-payment': 'Payment of invoice INV-2026-000007',
  'payroll-cost': 'Ada Lindqvist: gross €6,200.00 + employer costs €1,240.00',
  'payroll-owed': 'Ada Lindqvist: pay and employer costs for November 2026',
  'exchange-gain': 'Realised exchange gain',
  'exchange-loss': 'Realised exchange loss',
  'exchange-difference': 'Exchange difference on INV-2026-000007',
};

const german: Record<keyof typeof facts, string> = {
  payroll: 'Lohnabrechnung November 2026: 3 Hacker',
  'year-end-close':
    'Abschluss des Geschäftsjahres 2025: Erträge und Aufwendungen in den einbehaltenen Überschuss',
  'year-end-dividends': 'Geschäftsjahr 2025: Rücklagen und Dividenden',
  'expense-claim': 'Auslage: Train to FOSDEM',
  'sponsor-payment': 'Zahlung eines Sponsors RF18 5390 0754',
  reversal: 'Storno der Buchung Nr. 12: booked twice',
  'salary-paid': 'Gehalt ausgezahlt: ADA LINDQVIST',
  'bank-line': 'Bankzeile vom 05.03.2026',
  invoice: 'Rechnung INV-2026-000007: Müller GmbH',
  'credit-note': 'Rechnungskorrektur CN-2026-000001: Müller GmbH',
  'invoice-payment': 'Zahlung zur Rechnung INV-2026-000007',
  'payroll-cost': 'Ada Lindqvist: brutto 6.200,00 € + Arbeitgeberkosten 1.240,00 €',
  'payroll-owed': 'Ada Lindqvist: Gehalt und Arbeitgeberkosten für November 2026',
  'exchange-gain': 'Realisierter Kursgewinn',
  'exchange-loss': 'Realisierter Kursverlust',
  'exchange-difference': 'Kursdifferenz zu INV-2026-000007',
};

describe('what the co-op writes into the books, in the reader’s language', () => {
  it('words every code in English, with money as money and months as months', () => {
    for (const code of entryFactCodes)
      expect([code, plain(factText(facts[code]))]).toEqual([code, english[code]]);
  });

  it('words every code in German, with what people typed kept as typed', () => {
    setLocale('de', { remember: false });
    for (const code of entryFactCodes)
      expect([code, plain(factText(facts[code]))]).toEqual([code, german[code]]);
  });

  it('says one hacker, a part month, and a payment without a reference', () => {
    setLocale('de', { remember: false });
    expect(factText(entryFact('payroll', { month: '2026-02', hackers: 1 }))).toBe(
      'Lohnabrechnung Februar 2026: 1 Hacker',
    );
    expect(
      plain(
        factText(
          entryFact('payroll-cost', {
            name: 'Bo',
            grossMinor: '206452',
            employerCostMinor: '41290',
            currency: 'EUR',
            days: 16,
            daysInMonth: 31,
          }),
        ),
      ),
    ).toBe('Bo: brutto 2.064,52 € + Arbeitgeberkosten 412,90 € (16 von 31 Tagen)');
    expect(factText(entryFact('sponsor-payment', { reference: '' }))).toBe(
      'Zahlung eines Sponsors',
    );
    setLocale('en', { remember: false });
    expect(factText(entryFact('payroll', { month: '2026-02', hackers: 1 }))).toBe(
      'Payroll February 2026: 1 hacker',
    );
  });

  it('keeps the English of an entry without facts, and of a code it does not know', () => {
    setLocale('de', { remember: false });
    expect(entryDescription({ description: 'Rent March', description_fact: null })).toBe(
      'Rent March',
    );
    expect(
      postingMemo({
        memo: 'from a later version',
        memo_fact: { code: 'something-new', params: {} } as unknown as EntryFact,
      }),
    ).toBe('from a later version');
    expect(
      entryDescription({
        description: 'Payroll 2026-11: 3 hackers',
        description_fact: facts.payroll,
      }),
    ).toBe('Lohnabrechnung November 2026: 3 Hacker');
  });
});
