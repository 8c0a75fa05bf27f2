import { describe, expect, it } from 'vitest';
import { computeDividends, type DividendInput } from './computeDividends.ts';

const base: DividendInput = {
  surplusMinor: 10_000_00n,
  reserves: [{ name: 'Statutory reserve', percent: 10 }],
  split: { hackers: 50, sponsors: 30, community: 20 },
  cashPercent: { hackers: 50, sponsors: 100 },
  hackerMinutes: { h1: 60_000, h2: 30_000 },
  sponsorFunding: { big: 9_000_000n, small: 1_000_000n },
};

describe('computeDividends', () => {
  it('sets reserves aside, splits by class, then by patronage, with cash and retained parts', () => {
    const plan = computeDividends(base);
    expect(plan.reserves[0]!.amountMinor).toBe(1_000_00n);
    expect(plan.classes).toEqual({ hackers: 4_500_00n, sponsors: 2_700_00n, community: 1_800_00n });
    expect(plan.hackers.map((h) => [h.id, h.amountMinor, h.cashMinor, h.retainedMinor])).toEqual([
      ['h1', 3_000_00n, 1_500_00n, 1_500_00n],
      ['h2', 1_500_00n, 750_00n, 750_00n],
    ]);
    expect(plan.sponsors.map((s) => [s.id, s.amountMinor, s.cashMinor])).toEqual([
      ['big', 2_430_00n, 2_430_00n],
      ['small', 270_00n, 270_00n],
    ]);
    expect(plan.communityFund).toBe(1_800_00n);
  });

  it('gives a class with nobody to share in to the community fund', () => {
    const plan = computeDividends({ ...base, sponsorFunding: {} });
    expect(plan.sponsors).toEqual([]);
    expect(plan.communityFund).toBe(1_800_00n + 2_700_00n);
  });

  it('pays nothing from a deficit', () => {
    const plan = computeDividends({ ...base, surplusMinor: -500n });
    expect(plan.surplusMinor).toBe(0n);
    expect(plan.hackers.every((h) => h.amountMinor === 0n)).toBe(true);
  });

  it('always adds up to the surplus, to the cent (10,000 random cases)', () => {
    let seed = 2026;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    for (let run = 0; run < 10_000; run++) {
      const a = random(101);
      const b = random(101 - a);
      const reserves = Array.from({ length: random(3) }, (_, i) => ({
        name: `r${i}`,
        percent: random(30),
      }));
      const input: DividendInput = {
        surplusMinor: BigInt(random(1_000_000_000)),
        reserves,
        split: { hackers: a, sponsors: b, community: 100 - a - b },
        cashPercent: { hackers: random(101), sponsors: random(101) },
        hackerMinutes: Object.fromEntries(
          Array.from({ length: random(6) }, (_, i) => [`h${i}`, random(100_000)]),
        ),
        sponsorFunding: Object.fromEntries(
          Array.from({ length: random(8) }, (_, i) => [`s${i}`, BigInt(random(10_000_000))]),
        ),
      };
      const plan = computeDividends(input);
      const members = [...plan.hackers, ...plan.sponsors];
      const total =
        plan.reserves.reduce((s, r) => s + r.amountMinor, 0n) +
        members.reduce((s, m) => s + m.amountMinor, 0n) +
        plan.communityFund;
      expect(total).toBe(plan.surplusMinor);
      for (const m of members) {
        expect(m.cashMinor + m.retainedMinor).toBe(m.amountMinor);
        expect(m.cashMinor >= 0n && m.retainedMinor >= 0n).toBe(true);
      }
    }
  });
});
