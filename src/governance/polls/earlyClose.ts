import type { BallotContent } from './ballotContent.ts';
import { countPoll, type CastBallot, type PollToCount } from './countPoll.ts';

/**
 * Whether the ballots still to come could change the outcome, so that a poll may close before
 * its time. Yes/no: the outcome holds if it is the same with every remaining voter voting yes,
 * and with every one voting no (a yes only helps, a no only hurts, and the quorum only grows,
 * so these two extremes and the ballots as they are bound every mix). Other methods: only once
 * every member of the electorate has voted. `remaining` counts the voters still to vote by the
 * class their ballots are counted under.
 */
export function outcomeSettled(
  poll: PollToCount,
  ballots: readonly CastBallot[],
  remaining: Readonly<Record<string, number>>,
): boolean {
  const toCome = Object.values(remaining).reduce((sum, n) => sum + n, 0);
  if (toCome === 0) return true;
  if (poll.method !== 'yes-no') return false;
  const all = (choice: 'yes' | 'no'): CastBallot[] => [
    ...ballots,
    ...Object.entries(remaining).flatMap(([voterClass, n]) =>
      Array.from({ length: n }, () => ({ voterClass, content: { choice } as BallotContent })),
    ),
  ];
  const now = countPoll(poll, ballots).passed;
  return countPoll(poll, all('yes')).passed === now && countPoll(poll, all('no')).passed === now;
}
