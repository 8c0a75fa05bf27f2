import { describe, expect, it } from 'vitest';
import type { CastBallot, PollToCount } from './countPoll.ts';
import { outcomeSettled } from './earlyClose.ts';

const yesNo = (overrides: Partial<PollToCount> = {}): PollToCount => ({
  method: 'yes-no',
  threshold: 'simple',
  seats: 1,
  options: ['Yes'],
  quorumPercent: 20,
  classWeights: null,
  electorate: 10,
  ...overrides,
});
const ballots = (voterClass: string, choice: string, n: number): CastBallot[] =>
  Array.from({ length: n }, () => ({ voterClass, content: { choice } as CastBallot['content'] }));

describe('whether the votes to come could change a poll’s outcome', () => {
  it('yes/no: settled once the remaining voters cannot turn it, either way', () => {
    expect(outcomeSettled(yesNo(), ballots('member', 'yes', 5), { member: 5 })).toBe(false);
    expect(outcomeSettled(yesNo(), ballots('member', 'yes', 6), { member: 4 })).toBe(true);
    expect(outcomeSettled(yesNo(), ballots('member', 'no', 5), { member: 5 })).toBe(true);
    // Two thirds: 6 yes of 10 could still reach 6/9 or fall to 6/10.
    const twoThirds = yesNo({ threshold: 'two-thirds' });
    expect(outcomeSettled(twoThirds, ballots('member', 'yes', 6), { member: 3 })).toBe(true);
    expect(outcomeSettled(twoThirds, ballots('member', 'yes', 6), { member: 4 })).toBe(false);
  });

  it('waits for the quorum: a lone yes could still pass or fail', () => {
    const quorum = yesNo({ quorumPercent: 50 });
    expect(outcomeSettled(quorum, ballots('member', 'yes', 1), { member: 9 })).toBe(false);
  });

  it('a majority in each class: one class still to vote keeps it open', () => {
    const each = yesNo({ threshold: 'two-thirds', requiredClasses: ['hacker', 'sponsor'] });
    const cast = ballots('hacker', 'yes', 4);
    expect(outcomeSettled(each, cast, { hacker: 0, sponsor: 1 })).toBe(false);
    expect(outcomeSettled(each, [...cast, ...ballots('sponsor', 'no', 1)], { sponsor: 0 })).toBe(
      true,
    );
  });

  it('class-balanced: the pie’s weight of a class yet to vote can turn it', () => {
    const balanced = yesNo({ classWeights: { hacker: 20, sponsor: 60, community: 20 } });
    const cast = [...ballots('hacker', 'yes', 3), ...ballots('community', 'yes', 3)];
    expect(outcomeSettled(balanced, cast, { sponsor: 1 })).toBe(false);
  });

  it('other methods close early only once everyone has voted', () => {
    const ranked: PollToCount = { ...yesNo(), method: 'ranked', options: ['A', 'B'] };
    const cast = Array.from({ length: 9 }, () => ({
      voterClass: 'member',
      content: { ranking: [1, 2] } as CastBallot['content'],
    }));
    expect(outcomeSettled(ranked, cast, { member: 1 })).toBe(false);
    expect(outcomeSettled(ranked, cast, { member: 0 })).toBe(true);
  });
});
