import { afterEach, describe, expect, it } from 'vitest';
import { setLocale } from '../../../web/src/app/i18n.ts';
import { dividendSteps, shareBasis } from '../../../web/src/finance/dividendWords.ts';
import { computeDividends, type DividendInput } from './computeDividends.ts';
import { basisText, serverWriter, stepText, type DividendStepCode } from './dividendMessages.ts';

const input: DividendInput = {
  surplusMinor: 10_000_00n,
  reserves: [{ name: 'Rücklage', percent: 10 }],
  split: { hackers: 50, sponsors: 30, community: 20 },
  cashPercent: { hackers: 50, sponsors: 100, community: 100 },
  hackerMinutes: { h1: 60_000, h2: 30_000 },
  sponsorFunding: { big: 9_000_000n },
  community: {
    mode: 'both',
    minutes: { c1: 600 },
    contributions: { c1: 12, c2: 3 },
  },
};
/** Intl's no-break spaces read as plain ones. */
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

afterEach(() => setLocale('en', { remember: false }));

describe('the year-end split in the reader’s language', () => {
  it('writes every step as facts beside its English, one for one', () => {
    const plan = computeDividends(input);
    const unclaimed = computeDividends({ ...input, hackerMinutes: {}, sponsorFunding: {} });
    const codes = new Set<DividendStepCode>(
      [...plan.stepFacts, ...unclaimed.stepFacts].map((s) => s.code),
    );
    expect([...codes].sort()).toEqual(
      [
        'surplus',
        'reserve',
        'distributable',
        'hackers',
        'sponsors',
        'unclaimed-hackers',
        'unclaimed-sponsors',
        'community-time',
        'community-contributions',
        'community-fund',
      ].sort(),
    );
    expect(plan.stepFacts).toHaveLength(plan.steps.length);
    expect(plan.hackers[0]!.basisParts).toEqual([{ unit: 'minutes-worked', weight: '60000' }]);
    // A community member with both bases holds one share with both parts.
    expect(plan.community.find((s) => s.id === 'c1')!.basisParts).toEqual([
      { unit: 'minutes-contributed', weight: '600' },
      { unit: 'contributions', weight: '12' },
    ]);
  });

  it('says each step in German with German money and numbers, and in English as the close did', () => {
    const plan = computeDividends(input);
    const unclaimed = computeDividends({ ...input, hackerMinutes: {}, sponsorFunding: {} });
    const de = serverWriter('de', 'EUR');
    expect(
      [...plan.stepFacts, ...unclaimed.stepFacts.slice(3, 5)].map((s) => stepText(s, de)),
    ).toEqual([
      'Überschuss 10.000,00 €.',
      'Rücklage „Rücklage“: 10 % von 10.000,00 €, auf den Cent abgerundet = 1.000,00 €.',
      'Verteilbar 9.000,00 €, aufgeteilt 50/30/20 nach größtem Rest: Hacker 4.500,00 €, Sponsoren 2.700,00 €, Community 1.800,00 €.',
      'Der Anteil der Hacker von 4.500,00 € nach gearbeiteten Minuten (60.000 + 30.000); 50 % jedes Anteils bar, abgerundet, der Rest wird einbehalten.',
      'Der Anteil der Sponsoren von 2.700,00 € nach ihrer Finanzierung im Jahr (Geld und Arbeit zum Satz der Satzung); 100 % jedes Anteils bar, abgerundet, der Rest wird einbehalten.',
      'Der Anteil der Community von 900,00 € nach Zeiteinträgen (600 Minuten); 100 % bar.',
      'Der Anteil der Community von 900,00 € nach Beiträgen zu den Repositories der Genossenschaft (12 + 3 Commits, Co-Autorschaften und Reviews); 100 % bar.',
      'Community-Fonds: 0,00 €.',
      'Keine gearbeiteten Stunden: Der Anteil der Hacker von 4.500,00 € geht an den Community-Fonds.',
      'Keine Finanzierung: Der Anteil der Sponsoren von 2.700,00 € geht an den Community-Fonds.',
    ]);
    expect(basisText(plan.hackers[0]!.basisParts, de)).toBe('1.000 gearbeiteten Stunden');
    expect(basisText(plan.community.find((s) => s.id === 'c1')!.basisParts, de)).toBe(
      '10 beigetragenen Stunden; 12 Commits, Co-Autorschaften und Reviews',
    );
    expect(basisText(plan.sponsors[0]!.basisParts, de)).toBe('90.000,00 € Finanzierung');
    // The English facts say what the English steps say (the steps write minutes ungrouped).
    const en = serverWriter('en', 'EUR');
    const english = computeDividends(input, (minor) => en.money(String(minor)));
    const same = (s: string) => s.replace(/’/g, "'").replace(/(\d),(\d{3})/g, '$1$2');
    expect(english.stepFacts.map((s) => same(stepText(s, en)))).toEqual(english.steps.map(same));
  });

  it('shows the wizard and the notices the same words on the web, old years in English', () => {
    const plan = computeDividends(input);
    setLocale('de', { remember: false });
    const server = serverWriter('de', 'EUR');
    expect(dividendSteps(plan, 'EUR').map(plain)).toEqual(
      plan.stepFacts.map((s) => plain(stepText(s, server))),
    );
    expect(plain(shareBasis(plan.hackers[0]!, 'EUR'))).toBe('1.000 gearbeiteten Stunden');
    const old = { steps: ['Surplus €1.00.'], basis: '60000 minutes worked' };
    expect(dividendSteps(old, 'EUR')).toEqual(['Surplus €1.00.']);
    expect(plain(shareBasis(old, 'EUR'))).toBe('1.000 geleistete Stunden');
  });
});
