import { describe, expect, it } from 'vitest';
import { formatDecimal, lineNetMinor, parseDecimal, roundHalfAway } from './decimal.ts';
import { creditorReference, isValidCreditorReference } from './rfReference.ts';
import { computeTotals, convertMinor } from './totals.ts';

describe('invoice totals', () => {
  it('rounds each line once, half away from zero', () => {
    expect(lineNetMinor(parseDecimal('3'), parseDecimal('0.125'), 2)).toBe(38n);
    expect(lineNetMinor(parseDecimal('1.5'), parseDecimal('1234.56'), 2)).toBe(185184n);
    expect(lineNetMinor(parseDecimal('2'), parseDecimal('999'), 0)).toBe(1998n);
    expect(roundHalfAway(-5n, 10n)).toBe(-1n);
    expect(roundHalfAway(4n, 10n)).toBe(0n);
  });

  it('groups VAT by category and rate, rounding per rate or per line', () => {
    const lines = [
      { quantity: '1', unitPrice: '1.05', vatCategory: 'S' as const, vatRate: '7' },
      { quantity: '1', unitPrice: '1.05', vatCategory: 'S' as const, vatRate: '7.0' },
      { quantity: '1', unitPrice: '1.05', vatCategory: 'S' as const, vatRate: '7' },
      { quantity: '2', unitPrice: '10', vatCategory: 'S' as const, vatRate: '19' },
      { quantity: '1', unitPrice: '5', vatCategory: 'Z' as const, vatRate: '0' },
    ];
    const perRate = computeTotals(lines, 'per-rate', 2);
    expect(perRate.breakdown).toEqual([
      { category: 'S', rate: '7', taxableMinor: 315n, taxMinor: 22n },
      { category: 'S', rate: '19', taxableMinor: 2000n, taxMinor: 380n },
      { category: 'Z', rate: '0', taxableMinor: 500n, taxMinor: 0n },
    ]);
    expect(perRate).toMatchObject({ netMinor: 2815n, taxMinor: 402n, grossMinor: 3217n });
    expect(computeTotals(lines, 'per-line', 2).taxMinor).toBe(401n);
  });

  it('always has gross = net + VAT, and VAT within a cent per line of the per-rate figure', () => {
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    for (let i = 0; i < 2000; i++) {
      const lines = Array.from({ length: 1 + random(6) }, () => ({
        quantity: formatDecimal({ units: BigInt(1 + random(5000)), scale: random(3) }),
        unitPrice: formatDecimal({ units: BigInt(random(1_000_000)), scale: random(5) }),
        vatCategory: 'S' as const,
        vatRate: ['19', '7', '7.7', '25.5', '5.5'][random(5)]!,
      }));
      const perRate = computeTotals(lines, 'per-rate', 2);
      const perLine = computeTotals(lines, 'per-line', 2);
      expect(perRate.grossMinor).toBe(perRate.netMinor + perRate.taxMinor);
      expect(perLine.grossMinor).toBe(perLine.netMinor + perLine.taxMinor);
      const gap = perRate.taxMinor - perLine.taxMinor;
      expect(gap <= BigInt(lines.length) && gap >= -BigInt(lines.length)).toBe(true);
    }
  });

  it('converts to the co-op’s currency at a rate, rounded once', () => {
    expect(convertMinor(119000n, '0.9', 2, 2)).toBe(107100n);
    expect(convertMinor(1000n, '150.25', 2, 0)).toBe(1503n);
  });
});

describe('ISO 11649 creditor references', () => {
  it('computes the check digits of the standard’s example', () => {
    expect(creditorReference('539007547034')).toBe('RF18539007547034');
    expect(isValidCreditorReference('RF18 5390 0754 7034')).toBe(true);
    expect(isValidCreditorReference('RF19 5390 0754 7034')).toBe(false);
  });
});
