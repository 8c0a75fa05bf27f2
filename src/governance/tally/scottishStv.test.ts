import { describe, expect, it } from 'vitest';
import { parseBlt } from './blt.ts';
import { balanceErrors, ballotsFromRankings, drawLot } from './common.ts';
import { tally } from './index.ts';
import { scottishStv } from './scottishStv.ts';
import type { TallyResult } from './types.ts';

type Rows = [weight: number, ...ranking: string[]][];
const election = (candidates: string[], rows: Rows) => ({
  candidates,
  ballots: ballotsFromRankings(
    candidates,
    rows.map(([weight, ...ranking]) => ({ weight, ranking })),
  ),
});
const column = (result: TallyResult, name: string) =>
  result.rounds.map((r) => r.votes[result.candidates.indexOf(name)]);

describe('Scottish STV', () => {
  it('transfers a surplus at a truncated transfer value, then excludes the lowest', () => {
    // 14 valid votes, 2 seats: quota floor(14 / 3) + 1 = 5. A has 7: surplus 2, transfer value
    // 2/7 = 0.285714… → 0.28571, so 5 papers give B 1.42855 and 2 give C 0.57142, and
    // 0.00003 is lost to truncation. Then D (2) and B (3.42855) are excluded; C is left alone
    // for the last seat (rule 52).
    const result = scottishStv(
      election(
        ['A', 'B', 'C', 'D'],
        [
          [5, 'A', 'B'],
          [2, 'A', 'C'],
          [3, 'C'],
          [2, 'D'],
          [2, 'B'],
        ],
      ),
      { seats: 2 },
    );
    expect(result.quota).toBe('5.00000');
    expect(result.elected).toEqual(['A', 'C']);
    expect(result.rounds.map((r) => r.action.type)).toEqual([
      'first-preferences',
      'surplus',
      'exclusion',
      'exclusion',
    ]);
    expect(result.rounds[1]!.action).toEqual({
      type: 'surplus',
      candidate: 'A',
      surplus: '2.00000',
      transferValues: [{ paperValue: '1.00000', transferValue: '0.28571', papers: 7 }],
    });
    expect(column(result, 'A')).toEqual(['7.00000', '5.00000', '5.00000', '5.00000']);
    expect(column(result, 'B')).toEqual(['2.00000', '3.42855', '3.42855', '0.00000']);
    expect(column(result, 'C')).toEqual(['3.00000', '3.57142', '3.57142', '3.57142']);
    expect(column(result, 'D')).toEqual(['2.00000', '2.00000', '0.00000', '0.00000']);
    expect(result.rounds.map((r) => r.roundingLoss)).toEqual([
      '0.00000',
      '0.00003',
      '0.00003',
      '0.00003',
    ]);
    expect(result.rounds.map((r) => r.nonTransferable)).toEqual([
      '0.00000',
      '0.00003',
      '2.00003',
      '5.42858',
    ]);
    expect(result.rounds[1]!.transfers).toEqual(['-2.00000', '+1.42855', '+0.57142', '0.00000']);
    expect(result.rounds.map((r) => r.elected)).toEqual([['A'], [], [], ['C']]);
    expect(result.rounds.map((r) => r.excluded)).toEqual([[], [], ['D'], ['B']]);
    expect(result.rounds[3]!.note).toMatch(/rule 52/);
    expect(balanceErrors(result)).toEqual([]);
  });

  it('transfers the highest surplus first, each paper at a value from its own value', () => {
    // 20 votes, 3 seats: quota 6. A (9) and B (7) are elected at stage 1. A's surplus (3) goes
    // first, at 3/9 → 0.33333; B is already elected, so A's papers pass on to C. Then B's
    // surplus (1) goes at 1/7 → 0.14285 on B's own papers (value 1), to D.
    const result = scottishStv(
      election(
        ['A', 'B', 'C', 'D'],
        [
          [9, 'A', 'B', 'C'],
          [7, 'B', 'D'],
          [2, 'C'],
          [2, 'D'],
        ],
      ),
      { seats: 3 },
    );
    expect(result.quota).toBe('6.00000');
    expect(result.rounds[0]!.elected).toEqual(['A', 'B']);
    expect(result.rounds[1]!.action).toMatchObject({ type: 'surplus', candidate: 'A' });
    expect(column(result, 'C')[1]).toBe('4.99997'); // 2 + 9 × 0.33333
    expect(result.rounds[2]!.action).toMatchObject({
      type: 'surplus',
      candidate: 'B',
      surplus: '1.00000',
      transferValues: [{ paperValue: '1.00000', transferValue: '0.14285', papers: 7 }],
    });
    expect(column(result, 'D')[2]).toBe('2.99995'); // 2 + 7 × 0.14285
    // C (4.99997) beats D (2.99995) to the last seat: D is excluded, C alone is left.
    expect(result.elected).toEqual(['A', 'B', 'C']);
    expect(balanceErrors(result)).toEqual([]);
  });

  it('breaks a tie for exclusion by the most recent earlier stage with unequal votes', () => {
    // 18 votes, 2 seats: quota 7. A (10) is elected; A's papers have no next preference, so
    // the whole surplus is non-transferable. D is excluded and C reaches 4, level with B. At
    // stage 2 B had 4 and C 3, so C is excluded (rule 51) and B takes the last seat.
    const result = scottishStv(
      election(
        ['A', 'B', 'C', 'D'],
        [
          [10, 'A'],
          [4, 'B'],
          [3, 'C'],
          [1, 'D', 'C'],
        ],
      ),
      { seats: 2 },
    );
    expect(result.elected).toEqual(['A', 'B']);
    const round4 = result.rounds[3]!;
    expect(round4.action).toEqual({ type: 'exclusion', candidate: 'C' });
    expect(round4.ties).toEqual([
      {
        purpose: 'exclude',
        candidates: ['B', 'C'],
        resolvedBy: 'earlier-round',
        earlierRounds: [2],
        chosen: 'C',
      },
    ]);
    expect(balanceErrors(result)).toEqual([]);
  });

  it('draws a documented, reproducible lot when the candidates were equal at every stage', () => {
    const input = election(
      ['A', 'B', 'C'],
      [
        [5, 'A'],
        [2, 'B'],
        [2, 'C'],
      ],
    );
    const result = scottishStv(input, { seats: 2 });
    const tie = result.rounds[2]!.ties[0]!;
    expect(tie.resolvedBy).toBe('lot');
    expect(tie.lot!.seed).toBe('hackers-coop');
    const drawn = drawLot('hackers-coop', 3, 'exclude', [1, 2], input.candidates);
    expect(tie.lot!.order).toEqual(drawn.map((c) => input.candidates[c]));
    expect(tie.chosen).toBe(tie.lot!.order[0]);
    expect(result.rounds[2]!.excluded).toEqual([tie.chosen]);
    expect(result.elected).toEqual(['A', ['B', 'C'].find((c) => c !== tie.chosen)]);
    // Same input, same seed: same draw; the seed is an option.
    expect(scottishStv(input, { seats: 2 })).toEqual(result);
    const seeds = ['a', 'b', 'c', 'd', 'e', 'f'].map(
      (seed) => scottishStv(input, { seats: 2, seed }).rounds[2]!.excluded[0],
    );
    expect(new Set(seeds)).toEqual(new Set(['B', 'C']));
  });

  it('elects everyone at once when there are no more candidates than seats', () => {
    const result = scottishStv(election(['A', 'B'], [[3, 'A']]), { seats: 2 });
    expect(result.rounds).toHaveLength(1);
    expect(result.elected).toEqual(['A', 'B']);
    expect(result.rounds[0]!.note).toMatch(/as many as the vacancies/);
  });

  it('skips withdrawn candidates and leaves out ballots that rank only them', () => {
    const e = parseBlt(
      ['3 1', '-2', '4 2 1 0', '3 3 0', '2 2 0', '0', '"A"', '"B"', '"C"', '"T"'].join('\n'),
    );
    const result = tally(e, { method: 'scottish-stv', seats: 1 });
    expect(result.validVotes).toBe('7.00000');
    expect(result.ignoredBallots).toBe(2);
    expect(result.rounds[0]!.votes).toEqual(['4.00000', '0.00000', '3.00000']);
    expect(result.rounds[0]!.status[1]).toBe('withdrawn');
    expect(result.elected).toEqual(['A']);
  });
});
