import { describe, expect, it } from 'vitest';
import { computeDividends, type DividendInput } from './computeDividends.ts';

const base: DividendInput = {
  surplusMinor: 100_000n,
  reserves: [],
  split: { hackers: 50, sponsors: 30, community: 20 },
  cashPercent: { hackers: 100, sponsors: 100, community: 100 },
  hackerMinutes: { h: 60 },
  sponsorFunding: { s: 1n },
};
const community = { minutes: { a: 300, b: 100 }, contributions: { b: 3, c: 1 } };

describe('community patronage at year end, as the bylaws choose', () => {
  it('keeps the community share in the fund by default', () => {
    const plan = computeDividends(base);
    expect(plan.community).toEqual([]);
    expect(plan.communityFund).toBe(20_000n);
  });

  it('shares it by time entries', () => {
    const plan = computeDividends({ ...base, community: { mode: 'time', ...community } });
    expect(plan.community.map((s) => [s.id, s.amountMinor])).toEqual([
      ['a', 15_000n],
      ['b', 5_000n],
    ]);
    expect(plan.communityFund).toBe(0n);
  });

  it('shares it by contributions', () => {
    const plan = computeDividends({ ...base, community: { mode: 'contributions', ...community } });
    expect(plan.community.map((s) => [s.id, s.amountMinor])).toEqual([
      ['b', 15_000n],
      ['c', 5_000n],
    ]);
  });

  it('with both, halves it and sums a member’s two shares, to the cent', () => {
    const plan = computeDividends({
      ...base,
      surplusMinor: 100_001n,
      community: { mode: 'both', ...community },
    });
    const total = plan.community.reduce((s, m) => s + m.amountMinor, 0n);
    expect(total + plan.communityFund).toBe(plan.classes.community);
    expect(plan.communityFund).toBe(0n);
    const b = plan.community.find((s) => s.id === 'b')!;
    expect(b.basis).toBe('100 minutes contributed; 3 commits, co-authorships and reviews');
    expect(plan.steps.some((s) => s.startsWith('Community’s') || s.startsWith("Community's"))).toBe(
      true,
    );
  });

  it('leaves in the fund a half with nobody to share in', () => {
    const plan = computeDividends({
      ...base,
      community: { mode: 'both', minutes: {}, contributions: { c: 1 } },
    });
    expect(plan.community.map((s) => [s.id, s.amountMinor])).toEqual([['c', 10_000n]]);
    expect(plan.communityFund).toBe(10_000n);
  });
});
