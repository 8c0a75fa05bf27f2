import { describe, expect, it } from 'vitest';
import { ballotsFromRankings } from './common.ts';
import { schulze } from './schulze.ts';

type Rows = [weight: number, ...ranking: string[]][];
const election = (candidates: string[], rows: Rows) => ({
  candidates,
  ballots: ballotsFromRankings(
    candidates,
    rows.map(([weight, ...ranking]) => ({ weight, ranking })),
  ),
});

/** The textbook "capital of Tennessee" example (per 100 voters). */
const tennessee = election(
  ['Memphis', 'Nashville', 'Chattanooga', 'Knoxville'],
  [
    [42, 'Memphis', 'Nashville', 'Chattanooga', 'Knoxville'],
    [26, 'Nashville', 'Chattanooga', 'Knoxville', 'Memphis'],
    [15, 'Chattanooga', 'Knoxville', 'Nashville', 'Memphis'],
    [17, 'Knoxville', 'Chattanooga', 'Nashville', 'Memphis'],
  ],
);

describe('Schulze', () => {
  it('elects the Condorcet winner of the Tennessee example and ranks the rest', () => {
    const result = schulze(tennessee, { seats: 1 });
    expect(result.elected).toEqual(['Nashville']);
    expect(result.schulze!.ranking).toEqual(['Nashville', 'Chattanooga', 'Knoxville', 'Memphis']);
    expect(result.schulze!.pairwise[1]).toEqual([58, 0, 68, 68]);
  });

  it('reproduces the worked example with 45 voters and 5 candidates', () => {
    // The example of Schulze's paper, as used by Wikipedia's article on the method.
    const result = schulze(
      election(
        ['A', 'B', 'C', 'D', 'E'],
        [
          [5, 'A', 'C', 'B', 'E', 'D'],
          [5, 'A', 'D', 'E', 'C', 'B'],
          [8, 'B', 'E', 'D', 'A', 'C'],
          [3, 'C', 'A', 'B', 'E', 'D'],
          [7, 'C', 'A', 'E', 'B', 'D'],
          [2, 'C', 'B', 'A', 'D', 'E'],
          [7, 'D', 'C', 'E', 'B', 'A'],
          [8, 'E', 'B', 'A', 'D', 'C'],
        ],
      ),
      { seats: 2 },
    );
    expect(result.schulze!.pairwise).toEqual([
      [0, 20, 26, 30, 22],
      [25, 0, 16, 33, 18],
      [19, 29, 0, 17, 24],
      [15, 12, 28, 0, 14],
      [23, 27, 21, 31, 0],
    ]);
    expect(result.schulze!.strongestPaths).toEqual([
      [0, 28, 28, 30, 24],
      [25, 0, 28, 33, 24],
      [25, 29, 0, 29, 24],
      [25, 28, 28, 0, 24],
      [25, 28, 28, 31, 0],
    ]);
    expect(result.elected).toEqual(['E', 'A']);
    expect(result.schulze!.ranking).toEqual(['E', 'A', 'C', 'B', 'D']);
    expect(result.rounds.map((r) => r.action)).toEqual([
      { type: 'schulze-winner', candidate: 'E' },
      { type: 'schulze-winner', candidate: 'A' },
    ]);
    expect(result.rounds[0]!.votes).toEqual(['3', '1', '2', '0', '4']);
  });

  it('puts ranked candidates above unranked ones, and unranked ones level', () => {
    const result = schulze(election(['A', 'B', 'C'], [[3, 'A']]), { seats: 1 });
    expect(result.schulze!.pairwise).toEqual([
      [0, 3, 3],
      [0, 0, 0],
      [0, 0, 0],
    ]);
    expect(result.elected).toEqual(['A']);
    // B and C are both Schulze winners of what is left: the lot orders them.
    expect(result.schulze!.ranking[0]).toBe('A');
  });

  it('breaks a perfect tie between winners by the seeded lot, and records it', () => {
    const input = election(
      ['A', 'B'],
      [
        [1, 'A', 'B'],
        [1, 'B', 'A'],
      ],
    );
    const result = schulze(input, { seats: 1 });
    const tie = result.rounds[0]!.ties[0]!;
    expect(tie).toMatchObject({ purpose: 'winner', candidates: ['A', 'B'], resolvedBy: 'lot' });
    expect(result.elected).toEqual([tie.chosen]);
    expect(schulze(input, { seats: 1 })).toEqual(result);
  });

  it('handles 100 candidates and many ballots quickly', () => {
    const n = 100;
    const candidates = Array.from({ length: n }, (_, i) => `C${i + 1}`);
    let seed = 7;
    const random = (k: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % k;
    };
    const rows = Array.from({ length: 20_000 }, () => {
      const ranking = new Set<number>();
      const length = 1 + random(12);
      while (ranking.size < length) ranking.add(Math.min(random(n), random(n)));
      return { ranking: [...ranking] };
    });
    const started = performance.now();
    const result = schulze(
      { candidates, ballots: ballotsFromRankings(candidates, rows) },
      { seats: 5 },
    );
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(result.elected).toHaveLength(5);
    expect(result.schulze!.ranking).toHaveLength(n);
    // Popular (low-numbered) candidates win.
    expect(result.elected[0]).toBe('C1');
  });
});
