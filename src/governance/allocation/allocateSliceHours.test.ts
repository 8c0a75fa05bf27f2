import { describe, expect, it } from 'vitest';
import { allocateSliceHours, type SliceItem } from './allocateSliceHours.ts';

const item = (id: string, support: number, capHours: number): SliceItem => ({
  id,
  support: BigInt(support),
  capHours,
});
const hoursOf = (r: ReturnType<typeof allocateSliceHours>) =>
  Object.fromEntries(r.allocations.map((a) => [a.id, a.hours]));

describe('allocateSliceHours', () => {
  it('shares in proportion to support when no estimate binds', () => {
    expect(hoursOf(allocateSliceHours(100, [item('a', 3, 1000), item('b', 1, 1000)]))).toEqual({
      a: 75,
      b: 25,
    });
  });

  it('caps at the estimate and pours the excess into the others (water-filling)', () => {
    const result = allocateSliceHours(100, [
      item('a', 8, 20),
      item('b', 1, 1000),
      item('c', 1, 1000),
    ]);
    expect(hoursOf(result)).toEqual({ a: 20, b: 40, c: 40 });
    expect(result.rounds[0]!.capped).toEqual([{ id: 'a', capHours: 20, exactShare: '80.00' }]);
  });

  it('cascades when redistribution makes another item reach its estimate', () => {
    const result = allocateSliceHours(100, [
      item('a', 6, 10),
      item('b', 3, 35),
      item('c', 1, 1000),
    ]);
    // a: 60 > 10 capped; then 90 over 3:1 gives b 67.5 > 35 capped; c takes the remaining 55.
    expect(hoursOf(result)).toEqual({ a: 10, b: 35, c: 55 });
    expect(result.rounds).toHaveLength(3);
  });

  it('rounds by largest remainder so the plan adds up exactly', () => {
    const result = allocateSliceHours(10, [
      item('a', 1, 100),
      item('b', 1, 100),
      item('c', 1, 100),
    ]);
    expect(hoursOf(result)).toEqual({ a: 4, b: 3, c: 3 });
  });

  it('leaves hours unallocated when every supported item is full, and gives nothing to unsupported items', () => {
    const result = allocateSliceHours(100, [item('a', 5, 30), item('b', 5, 20), item('c', 0, 500)]);
    expect(hoursOf(result)).toEqual({ a: 30, b: 20, c: 0 });
    expect(result.unallocated).toBe(50);
  });

  it('never exceeds an estimate and always sums to the slice (10,000 random cases)', () => {
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    for (let run = 0; run < 10_000; run++) {
      const items = Array.from({ length: 1 + random(15) }, (_, i) =>
        item(`i${i}`, random(4) === 0 ? 0 : random(10_000), random(200)),
      );
      const hours = random(2_000);
      const result = allocateSliceHours(hours, items);
      const total = result.allocations.reduce((s, a) => s + a.hours, 0);
      expect(total + result.unallocated).toBe(hours);
      result.allocations.forEach((a, i) => {
        expect(a.hours).toBeLessThanOrEqual(items[i]!.capHours);
        if (items[i]!.support === 0n) expect(a.hours).toBe(0);
      });
      const room = items.filter((i) => i.support > 0n).reduce((s, i) => s + i.capHours, 0);
      expect(result.unallocated).toBe(Math.max(0, hours - room));
      expect(allocateSliceHours(hours, items)).toEqual(result);
    }
  });
});
