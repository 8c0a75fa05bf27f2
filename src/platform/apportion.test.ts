import { describe, expect, it } from 'vitest';
import { apportion } from './apportion.ts';

const big = (xs: number[]) => xs.map(BigInt);

describe('apportion (largest remainder)', () => {
  it.each([
    [100, [1, 1, 1], [34, 33, 33]],
    [10, [5, 3, 2], [5, 3, 2]],
    [7, [1, 1], [4, 3]],
    [7, [1, 2], [2, 5]],
    [1, [0, 0, 3], [0, 0, 1]],
    [0, [1, 2], [0, 0]],
    [101, [333, 333, 334], [34, 33, 34]],
  ])('splits %i over %j as %j', (total, weights, expected) => {
    expect(apportion(BigInt(total), big(weights))).toEqual(big(expected));
  });

  it('always sums to the whole, and never moves a part more than one unit from its exact share', () => {
    let seed = 42;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    for (let run = 0; run < 10_000; run++) {
      const total = BigInt(random(1_000_000_000));
      const weights = Array.from({ length: 1 + random(12) }, (): bigint =>
        BigInt(random(5) === 0 ? 0 : random(1_000_000)),
      );
      if (!weights.some((w) => w > 0n)) weights[0] = 1n;
      const parts = apportion(total, weights);
      expect(parts.reduce((a, b) => a + b, 0n)).toBe(total);
      const sum = weights.reduce((a, b) => a + b, 0n);
      parts.forEach((p, i) => {
        const floor = (total * weights[i]!) / sum;
        expect(p === floor || p === floor + 1n).toBe(true);
      });
    }
  });

  it('refuses what cannot be split', () => {
    expect(() => apportion(5n, [0n, 0n])).toThrow(/zero weights/);
    expect(() => apportion(-1n, [1n])).toThrow(/negative/);
  });
});
