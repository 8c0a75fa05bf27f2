import { describe, expect, it } from 'vitest';
import { balanceErrors, ballotsFromRankings } from './common.ts';
import { tally } from './index.ts';
import { irv } from './irv.ts';

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

describe('instant-runoff voting', () => {
  it('elects Knoxville in the Tennessee example, round by round', () => {
    const result = irv(tennessee);
    expect(result.elected).toEqual(['Knoxville']);
    expect(result.rounds.map((r) => r.votes)).toEqual([
      ['42', '26', '15', '17'],
      ['42', '26', '0', '32'],
      ['42', '0', '0', '58'],
    ]);
    expect(result.rounds.map((r) => r.excluded)).toEqual([[], ['Chattanooga'], ['Nashville']]);
    expect(result.rounds.map((r) => r.quota)).toEqual(['51', '51', '51']);
    expect(result.rounds[2]!.transfers).toEqual(['0', '-26', '0', '+26']);
    expect(balanceErrors(result)).toEqual([]);
  });

  it('counts exhausted ballots and needs a majority of the continuing votes only', () => {
    // 9 voters. C (2) is excluded: one ballot moves to B, one is exhausted. A and B then have
    // 4 each of the 8 continuing votes, no majority; the tie goes back to round 1, where B had
    // fewer: B is excluded, and A has all 4 continuing votes.
    const result = irv(
      election(
        ['A', 'B', 'C'],
        [
          [4, 'A'],
          [3, 'B'],
          [1, 'C', 'B'],
          [1, 'C'],
        ],
      ),
    );
    expect(result.rounds[1]!.votes).toEqual(['4', '4', '0']);
    expect(result.rounds[1]!.exhausted).toBe('1');
    expect(result.rounds[1]!.quota).toBe('5');
    expect(result.rounds[2]!.ties[0]).toMatchObject({
      purpose: 'exclude',
      candidates: ['A', 'B'],
      resolvedBy: 'earlier-round',
      earlierRounds: [1],
      chosen: 'B',
    });
    expect(result.elected).toEqual(['A']);
    expect(result.rounds[2]!.exhausted).toBe('5');
    expect(result.rounds[2]!.quota).toBe('3');
    expect(balanceErrors(result)).toEqual([]);
  });

  it('elects a candidate with a first-round majority at once', () => {
    const result = irv(
      election(
        ['A', 'B'],
        [
          [3, 'A'],
          [2, 'B'],
        ],
      ),
    );
    expect(result.rounds).toHaveLength(1);
    expect(result.elected).toEqual(['A']);
  });

  it('fills only one seat', () => {
    expect(() => tally(tennessee, { method: 'irv', seats: 2 })).toThrow(/single seat/);
  });
});
