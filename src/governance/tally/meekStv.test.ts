import { describe, expect, it } from 'vitest';
import { balanceErrors, ballotsFromRankings } from './common.ts';
import { irv } from './irv.ts';
import { meekStv, mulOneCeil } from './meekStv.ts';

type Rows = [weight: number, ...ranking: string[]][];
const election = (candidates: string[], rows: Rows) => ({
  candidates,
  ballots: ballotsFromRankings(
    candidates,
    rows.map(([weight, ...ranking]) => ({ weight, ranking })),
  ),
});

describe('Meek STV', () => {
  it('multiplies by a keep factor, rounding up, exactly', () => {
    let seed = 11;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed;
    };
    const cases = [
      [0, 0],
      [1, 1],
      [1_000_000_000, 1_000_000_000],
      [999_999_999, 999_999_999],
      [1_000_000_000, 1],
      ...Array.from({ length: 2000 }, () => [random() % 1_000_000_001, random() % 1_000_000_001]),
    ];
    for (const [a, k] of cases) {
      const product = BigInt(a!) * BigInt(k!);
      const expected = (product + 999_999_999n) / 1_000_000_000n;
      expect(mulOneCeil(a!, k!), `${a} × ${k}`).toBe(Number(expected));
    }
  });

  it('iterates keep factors, then excludes the lowest (hand-computed)', () => {
    // 14 votes, 2 seats. Round 1: quota floor(14/3, 9 places) + 10^-9 = 4.666666667; A (9) is
    // elected. Round 2: A's keep factor becomes ceil(4.666666667 / 9) = 0.518518519: each A
    // ballot keeps 0.518518519 for A and passes 0.481481481 to B. A's surplus is then
    // 0.000000004, below omega: the surpluses have settled and nobody else has the quota.
    // Round 3: D is excluded and its 2 votes are non-transferable, so the quota falls to
    // 12/3 + 10^-9 = 4.000000001, which B (4.333333329) now exceeds.
    const result = meekStv(
      election(
        ['A', 'B', 'C', 'D'],
        [
          [9, 'A', 'B'],
          [3, 'C'],
          [2, 'D'],
        ],
      ),
      { seats: 2 },
    );
    expect(result.rounds.map((r) => r.quota)).toEqual([
      '4.666666667',
      '4.666666667',
      '4.000000001',
    ]);
    expect(result.rounds[0]!.elected).toEqual(['A']);
    const round2 = result.rounds[1]!;
    expect(round2.action).toEqual({
      type: 'meek-surplus',
      candidates: ['A'],
      surplus: '4.333333333',
    });
    expect(round2.keepFactors).toEqual([
      '0.518518519',
      '1.000000000',
      '1.000000000',
      '1.000000000',
    ]);
    expect(round2.votes).toEqual(['4.666666671', '4.333333329', '3.000000000', '2.000000000']);
    expect(round2.converged).toBe('omega');
    expect(round2.iterations).toBe(1);
    const round3 = result.rounds[2]!;
    expect(round3.action).toEqual({ type: 'exclusion', candidate: 'D' });
    expect(round3.excluded).toEqual(['D']);
    expect(round3.nonTransferable).toBe('2.000000000');
    expect(round3.elected).toEqual(['B']);
    expect(result.elected).toEqual(['A', 'B']);
    expect(balanceErrors(result)).toEqual([]);
  });

  it('lets elected candidates pass on their surplus through each other', () => {
    // 60 votes, 3 seats (quota 15 + 10^-9): A and B are elected on first preferences; their
    // surpluses flow through each other to C, who reaches the quota while they settle.
    const result = meekStv(
      election(
        ['A', 'B', 'C', 'D', 'E'],
        [
          [28, 'A', 'B', 'C'],
          [26, 'B', 'A', 'C'],
          [3, 'C'],
          [2, 'D'],
          [1, 'E'],
        ],
      ),
      { seats: 3 },
    );
    expect(result.rounds[0]!.quota).toBe('15.000000001');
    expect(result.rounds[0]!.elected).toEqual(['A', 'B']);
    expect(result.rounds[1]!.elected).toEqual(['C']);
    expect(result.elected).toEqual(['A', 'B', 'C']);
    expect(balanceErrors(result)).toEqual([]);
  });

  it('agrees with instant-runoff for one seat', () => {
    const input = election(
      ['Memphis', 'Nashville', 'Chattanooga', 'Knoxville'],
      [
        [42, 'Memphis', 'Nashville', 'Chattanooga', 'Knoxville'],
        [26, 'Nashville', 'Chattanooga', 'Knoxville', 'Memphis'],
        [15, 'Chattanooga', 'Knoxville', 'Nashville', 'Memphis'],
        [17, 'Knoxville', 'Chattanooga', 'Nashville', 'Memphis'],
      ],
    );
    const meek = meekStv(input, { seats: 1 });
    expect(meek.elected).toEqual(irv(input).elected);
    expect(meek.rounds.flatMap((r) => r.excluded)).toEqual(['Chattanooga', 'Nashville']);
  });
});
