import { describe, expect, it } from 'vitest';
import { proposeCredit, shareOf } from './creditAmount.ts';

describe('a service credit’s amount', () => {
  it('is the share of the period’s fee in basis points, in whole minor units', () => {
    // 5% of €3,000.00
    expect(shareOf(300_000n, 500)).toBe(15_000n);
    // 3.33% of €10.01 is 33.3333 cents: 33, the larger part of the remainder stays with the fee
    expect(shareOf(1_001n, 333)).toBe(33n);
    // 50% of 1 cent: an equal tie goes to the credit (the earlier part): 1
    expect(shareOf(1n, 5_000)).toBe(1n);
    // 2.5% of 99 cents is 2.475: rounds to 2
    expect(shareOf(99n, 250)).toBe(2n);
    // 7.5% of 99 cents is 7.425: 7; and 92.5% takes the rest, 92: the two add up to 99
    expect(shareOf(99n, 750) + shareOf(99n, 9_250)).toBe(99n);
  });

  it('proposes the share while the cap leaves room, then what is left of the cap, then nothing', () => {
    const terms = { periodFeeMinor: 300_000n, perBreachBasisPoints: 500, capBasisPoints: 1_200 };
    expect(proposeCredit({ ...terms, takenMinor: 0n })).toEqual({
      amountMinor: 15_000n,
      shareMinor: 15_000n,
      capMinor: 36_000n,
      takenMinor: 0n,
    });
    expect(proposeCredit({ ...terms, takenMinor: 30_000n }).amountMinor).toBe(6_000n);
    expect(proposeCredit({ ...terms, takenMinor: 36_000n }).amountMinor).toBe(0n);
    expect(proposeCredit({ ...terms, takenMinor: 40_000n }).amountMinor).toBe(0n);
  });

  it('never proposes more than the cap over any number of breaches, and stays an integer', () => {
    for (const fee of [1n, 99n, 1_001n, 123_457n, 10n ** 15n]) {
      for (const [per, cap] of [
        [1, 1],
        [333, 1_000],
        [2_500, 10_000],
        [10_000, 0],
      ] as const) {
        let taken = 0n;
        for (let i = 0; i < 12; i++) {
          const { amountMinor } = proposeCredit({
            periodFeeMinor: fee,
            perBreachBasisPoints: per,
            capBasisPoints: cap,
            takenMinor: taken,
          });
          expect(amountMinor).toBeGreaterThanOrEqual(0n);
          taken += amountMinor;
        }
        expect(taken).toBeLessThanOrEqual(shareOf(fee, cap));
        // Enough breaches whose shares reach the cap use it up exactly.
        if (12n * shareOf(fee, per) >= shareOf(fee, cap)) expect(taken).toBe(shareOf(fee, cap));
      }
    }
  });
});
