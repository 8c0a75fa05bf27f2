import { afterEach, describe, expect, it } from 'vitest';
import { setLocale } from '../../../web/src/app/i18n.ts';
import { matchFactText, matchReasonText } from '../../../web/src/finance/matchWords.ts';
import { matchFact, matchFactCodes, matchFactEnglish, type MatchFactCode } from './matchFacts.ts';

afterEach(() => setLocale('en', { remember: false }));
const plain = (s: string | null) => s?.replace(/[\u00a0\u202f]/g, ' ');

/** One fact of each code, as the matcher and a reversal write them. */
const facts = {
  'reference-and-amount': matchFact('reference-and-amount', {
    token: 'INV-2026-0042',
    amountMinor: -12000n,
    currency: 'EUR',
    entryNumber: 42,
  }),
  'reference-amounts-differ': matchFact('reference-amounts-differ', {
    token: 'R-9981',
    entryNumber: 3,
    entryMinor: -99900n,
    entryCurrency: 'EUR',
    amountMinor: -99000n,
    currency: 'EUR',
  }),
  'same-amount': matchFact('same-amount', {
    amountMinor: -7550n,
    currency: 'EUR',
    days: 2,
    namesCounterparty: true,
  }),
  'invoice-reference-and-amount': matchFact('invoice-reference-and-amount', {
    by: 'creditor-reference',
    creditorReference: 'RF18I2027000001',
    invoiceNumber: 'I-2027-1',
    openMinor: 120000n,
    currency: 'EUR',
  }),
  'invoice-amount-differs': matchFact('invoice-amount-differs', {
    by: 'invoice-number',
    invoiceNumber: 'I-2027-2',
    openMinor: 50000n,
    openCurrency: 'EUR',
    amountMinor: 20000n,
    currency: 'EUR',
  }),
  'invoice-open-amount': matchFact('invoice-open-amount', {
    invoiceNumber: 'I-2027-3',
    organizationName: 'Acme Cloud GmbH',
    openMinor: 33300n,
    currency: 'EUR',
  }),
  'claim-amount': matchFact('claim-amount', {
    claimTitle: 'Train',
    incurredOn: '2026-03-01',
    amountMinor: 31000n,
    currency: 'EUR',
    namedByLine: false,
  }),
  salary: matchFact('salary', {
    payee: 'Jane Hacker',
    amountMinor: 412000n,
    currency: 'EUR',
    account: 'liabilities:payables',
  }),
  'sponsor-payer': matchFact('sponsor-payer', {
    payer: 'ACME CLOUD',
    organizationName: 'Acme Cloud GmbH',
    amountMinor: 500000n,
    currency: 'EUR',
  }),
  'sponsor-named': matchFact('sponsor-named', {
    organizationName: 'Acme Cloud GmbH',
    amountMinor: 700n,
    currency: 'EUR',
  }),
  'claim-payment-reversed': matchFact('claim-payment-reversed', {
    entryNumber: 12,
    reversalNumber: 15,
    claimTitle: 'FOSDEM hotel',
  }),
  'sponsor-payment-reversed': matchFact('sponsor-payment-reversed', {
    entryNumber: 13,
    reversalNumber: 16,
    organizationName: 'Acme',
  }),
} satisfies Record<MatchFactCode, unknown>;

const english: Record<MatchFactCode, string> = {
  'reference-and-amount': 'Reference INV-2026-0042 and amount −€120.00 match entry #42.',
  'reference-amounts-differ':
    'Reference R-9981 is in entry #3, but the amounts differ: the entry moved −€999.00, the bank −€990.00.',
  'same-amount':
    'Same amount −€75.50 on this bank account, 2 days apart, and the entry names the counterparty.',
  'invoice-reference-and-amount':
    'Creditor reference RF18I2027000001 and amount €1,200.00 match invoice I-2027-1.',
  'invoice-amount-differs':
    'Invoice number I-2027-2 names invoice I-2027-2, which has €500.00 open: the bank moved €200.00 (a partial or an overpayment).',
  'invoice-open-amount': 'Same amount €333.00 as open invoice I-2027-3 (Acme Cloud GmbH).',
  'claim-amount': 'Pays €310.00, the amount of the approved expense claim “Train” (1 Mar 2026).',
  salary:
    'The payee Jane Hacker draws a salary: pay of €4,120.00, booked against liabilities:payables, where the payroll run owes it.',
  'sponsor-payer':
    'The payer “ACME CLOUD” is Acme Cloud GmbH: money in of €5,000.00, a sponsor payment?',
  'sponsor-named': 'The line names Acme Cloud GmbH: money in of €7.00, a sponsor payment?',
  'claim-payment-reversed':
    'Entry #12, which paid the expense claim “FOSDEM hotel”, was reversed (entry #15): confirming pays the claim again.',
  'sponsor-payment-reversed':
    'Entry #13, the sponsor payment of Acme, was reversed (entry #16): confirming records the payment again.',
};

const german: Record<MatchFactCode, string> = {
  'reference-and-amount':
    'Referenz INV-2026-0042 und Betrag −120,00 € stimmen mit Buchung #42 überein.',
  'reference-amounts-differ':
    'Referenz R-9981 steht in Buchung #3, aber die Beträge weichen ab: Die Buchung bewegte −999,00 €, die Bank −990,00 €.',
  'same-amount':
    'Gleicher Betrag −75,50 € auf diesem Bankkonto, 2 Tage auseinander, und die Buchung nennt die Gegenpartei.',
  'invoice-reference-and-amount':
    'Gläubigerreferenz RF18I2027000001 und Betrag 1.200,00 € stimmen mit Rechnung I-2027-1 überein.',
  'invoice-amount-differs':
    'Rechnungsnummer I-2027-2 nennt Rechnung I-2027-2, auf der 500,00 € offen sind: Die Bank bewegte 200,00 € (eine Teil- oder Überzahlung).',
  'invoice-open-amount':
    'Gleicher Betrag 333,00 € wie die offene Rechnung I-2027-3 (Acme Cloud GmbH).',
  'claim-amount': 'Zahlt 310,00 €, den Betrag der genehmigten Auslage „Train“ (01.03.2026).',
  salary:
    'Der Empfänger Jane Hacker bezieht ein Gehalt: Lohn von 4.120,00 €, gebucht gegen liabilities:payables, wo die Lohnabrechnung ihn schuldet.',
  'sponsor-payer':
    'Der Zahler „ACME CLOUD“ ist Acme Cloud GmbH: Geldeingang von 5.000,00 €, eine Sponsorenzahlung?',
  'sponsor-named':
    'Der Umsatz nennt Acme Cloud GmbH: Geldeingang von 7,00 €, eine Sponsorenzahlung?',
  'claim-payment-reversed':
    'Buchung #12, die die Auslage „FOSDEM hotel“ bezahlte, wurde storniert (Buchung #15): Bestätigen zahlt die Auslage erneut.',
  'sponsor-payment-reversed':
    'Buchung #13, die Sponsorenzahlung von Acme, wurde storniert (Buchung #16): Bestätigen erfasst die Zahlung erneut.',
};

const worded = (code: MatchFactCode) => plain(matchFactText(facts[code]));
/** The server's English as the page used to show it: capitalised, with a full stop. */
const asSentence = (s: string) =>
  `${s[0]!.toUpperCase()}${s.slice(1)}${/[.?]$/.test(s) ? '' : '.'}`;

describe('why a bank line was matched, in the reader’s language', () => {
  it('words every code in English as the server says it, money and days in the reader’s format', () => {
    for (const code of matchFactCodes) {
      expect([code, worded(code)]).toEqual([code, english[code]]);
      // Only the claim's day is formatted differently from the server's ISO day.
      if (code !== 'claim-amount')
        expect([code, worded(code)]).toEqual([code, asSentence(matchFactEnglish(facts[code]))]);
    }
  });

  it('words every code in German, none left in English', () => {
    const inEnglish = Object.fromEntries(matchFactCodes.map((c) => [c, worded(c)]));
    setLocale('de', { remember: false });
    for (const code of matchFactCodes) {
      expect([code, worded(code)]).toEqual([code, german[code]]);
      expect([code, worded(code)]).not.toEqual([code, inEnglish[code]]);
    }
  });

  it('says the same day, one day, a line that names the claim, and a payer quoting the number', () => {
    setLocale('de', { remember: false });
    const sameAmount = (days: number) =>
      plain(
        matchFactText(
          matchFact('same-amount', {
            amountMinor: 500n,
            currency: 'EUR',
            days,
            namesCounterparty: 0,
          }),
        ),
      );
    expect(sameAmount(0)).toBe('Gleicher Betrag 5,00 € auf diesem Bankkonto, am selben Tag.');
    expect(sameAmount(1)).toBe('Gleicher Betrag 5,00 € auf diesem Bankkonto, 1 Tag auseinander.');
    const named = matchFact('claim-amount', { ...facts['claim-amount'].params, namedByLine: 1 });
    expect(plain(matchFactText(named))).toBe(
      'Zahlt 310,00 €, den Betrag der genehmigten Auslage „Train“ (01.03.2026), die der Umsatz nennt.',
    );
  });

  it('keeps the English of a suggestion stored before facts, and of a code it does not know', () => {
    setLocale('de', { remember: false });
    expect(
      matchReasonText({ reason: 'same amount €5.00 on this bank account, the same day' }),
    ).toBe('Same amount €5.00 on this bank account, the same day.');
    const unknown = { code: 'from-a-later-version', params: {} } as never;
    expect(matchReasonText({ reason: 'a sponsor payment?', reasonFact: unknown })).toBe(
      'A sponsor payment?',
    );
    expect(plain(matchReasonText({ reason: 'ignored', reasonFact: facts['sponsor-named'] }))).toBe(
      german['sponsor-named'],
    );
  });
});
