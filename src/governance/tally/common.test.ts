import { describe, expect, it } from 'vitest';
import { BallotsBuilder, Piles } from './common.ts';

/** A small deterministic generator, so that a failure can be replayed. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
    return state / 2 ** 32;
  };
}

describe('BallotsBuilder', () => {
  it('merges identical ballots exactly as a map of their sequences would, across its growth', () => {
    const next = random(7);
    const reference = new Map<string, { prefs: number[]; weight: number }>();
    const builder = new BallotsBuilder();
    // 60,000 ballots over 6 candidates: thousands of distinct sequences, many repeated, and
    // sequences that are prefixes of others (1 2 and 1 2 3 must stay apart).
    for (let i = 0; i < 60_000; i++) {
      const pool = [0, 1, 2, 3, 4, 5];
      const prefs: number[] = [];
      const length = 1 + Math.floor(next() * 6);
      while (prefs.length < length)
        prefs.push(pool.splice(Math.floor(next() * pool.length), 1)[0]!);
      const weight = 1 + Math.floor(next() * 3);
      builder.add(Uint16Array.from(prefs), prefs.length, weight);
      const key = prefs.join(' ');
      const known = reference.get(key);
      if (known) known.weight += weight;
      else reference.set(key, { prefs, weight });
    }
    const built = builder.build();
    expect(built.count).toBe(reference.size);
    const seen = new Map<string, number>();
    for (let b = 0; b < built.count; b++) {
      const prefs = [...built.prefs.subarray(built.offsets[b], built.offsets[b + 1])];
      seen.set(prefs.join(' '), built.weights[b]!);
    }
    expect(seen).toEqual(new Map([...reference].map(([key, { weight }]) => [key, weight])));
    // First appearance order is kept: the first distinct ballot is the first one added.
    expect(built.offsets[0]).toBe(0);
    expect(built.offsets[built.count]).toBe(built.prefs.length);
  });

  it('reads only the given length of a longer buffer', () => {
    const builder = new BallotsBuilder();
    const buffer = Uint16Array.from([2, 0, 1, 9, 9]);
    builder.add(buffer, 3, 1);
    builder.add(Uint16Array.from([2, 0, 1]), 3, 4);
    builder.add(buffer, 2, 1);
    const built = builder.build();
    expect(built.count).toBe(2);
    expect([...built.weights]).toEqual([5, 1]);
    expect([...built.prefs]).toEqual([2, 0, 1, 2, 0]);
  });
});

describe('Piles', () => {
  it('keeps every paper through its growth and forgets them when cleared', () => {
    const piles = new Piles(2);
    for (let i = 0; i < 1000; i++) piles.add(i % 2, i, i % 7, i * 0.5);
    expect(piles.size[0]).toBe(500);
    expect(piles.ballot[1]![499]).toBe(999);
    expect(piles.position[1]![499]).toBe(999 % 7);
    expect(piles.value[0]![1]).toBe(1);
    piles.clear(0);
    expect(piles.size[0]).toBe(0);
    piles.add(0, 42, 1, 2);
    expect([piles.size[0], piles.ballot[0]![0]]).toEqual([1, 42]);
  });
});
