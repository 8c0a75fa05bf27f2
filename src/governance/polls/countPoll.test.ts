import { describe, expect, it } from 'vitest';
import { countPoll, type CastBallot, type PollToCount } from './countPoll.ts';

const poll = (over: Partial<PollToCount> = {}): PollToCount => ({
  method: 'yes-no',
  threshold: 'simple',
  seats: 1,
  options: ['yes'],
  quorumPercent: 20,
  classWeights: null,
  electorate: 10,
  ...over,
});
const yn = (voterClass: string, ...choices: ('yes' | 'no' | 'abstain')[]): CastBallot[] =>
  choices.map((choice) => ({ voterClass, content: { choice } }));

describe('countPoll', () => {
  it('passes a simple majority only with more yes than no; abstentions count for the quorum only', () => {
    expect(countPoll(poll(), yn('community', 'yes', 'yes', 'no', 'abstain'))).toMatchObject({
      passed: true,
      yesShare: '0.6667',
      quorumMet: true,
    });
    expect(countPoll(poll(), yn('community', 'yes', 'no', 'abstain')).passed).toBe(false);
  });

  it('applies two-thirds as at least two thirds', () => {
    expect(countPoll(poll({ threshold: 'two-thirds' }), yn('c', 'yes', 'yes', 'no')).passed).toBe(
      true,
    );
    expect(
      countPoll(poll({ threshold: 'two-thirds' }), yn('c', 'yes', 'yes', 'no', 'no', 'yes', 'no'))
        .passed,
    ).toBe(false);
  });

  it('fails without quorum whatever the votes', () => {
    const result = countPoll(poll({ electorate: 100 }), yn('c', 'yes', 'yes'));
    expect(result).toMatchObject({ quorumMet: false, passed: false, turnoutPercent: '2.0' });
  });

  it('gives each class its weight, not its head count, in a class-balanced count', () => {
    const ballots = [
      ...yn('community', 'no', 'no', 'no', 'no', 'no', 'no', 'yes', 'yes'),
      ...yn('sponsor', 'yes'),
      ...yn('hacker', 'yes', 'yes'),
    ];
    // By head count: 4 yes, 6 no. Balanced 30/40/30: 0.3 x 2/8 + 0.4 x 1 + 0.3 x 1 = 0.775.
    const weights = { community: 30, sponsor: 40, hacker: 30 };
    expect(countPoll(poll({ electorate: 11 }), ballots).passed).toBe(false);
    const balanced = countPoll(poll({ electorate: 11, classWeights: weights }), ballots);
    expect(balanced).toMatchObject({ passed: true, yesShare: '0.7750' });
  });

  it('chooses approval and score winners, ties to the earlier option', () => {
    const options = ['Red', 'Green', 'Blue'];
    const approval = countPoll(poll({ method: 'approval', options, seats: 2 }), [
      { voterClass: 'c', content: { approve: [1, 2] } },
      { voterClass: 'c', content: { approve: [2, 3] } },
      { voterClass: 'c', content: { approve: [3] } },
    ]);
    expect(approval.chosen).toEqual(['Green', 'Blue']);
    expect(approval.totals.all).toEqual({ Red: 1, Green: 2, Blue: 2 });
    const score = countPoll(poll({ method: 'score', options }), [
      { voterClass: 'c', content: { scores: { '1': 5, '2': 1 } } },
      { voterClass: 'c', content: { scores: { '2': 4, '3': 2 } } },
    ]);
    // Red 5, Green 5, Blue 2: the tie goes to the earlier option.
    expect(score.chosen).toEqual(['Red']);
  });

  it('counts ranked proposals by Schulze and elections by their method', () => {
    const options = ['Ann', 'Bob', 'Cat'];
    const ballots: CastBallot[] = [
      ...Array.from({ length: 4 }, () => ({ voterClass: 'c', content: { ranking: [1, 3, 2] } })),
      ...Array.from({ length: 3 }, () => ({ voterClass: 'c', content: { ranking: [2, 3, 1] } })),
      ...Array.from({ length: 2 }, () => ({ voterClass: 'c', content: { ranking: [3, 2, 1] } })),
    ];
    // IRV: Cat out first, her votes go to Bob: Bob 5 - Ann 4. Schulze: Cat beats both pairwise.
    expect(countPoll(poll({ method: 'irv', options }), ballots).chosen).toEqual(['Bob']);
    expect(countPoll(poll({ method: 'ranked', options }), ballots).chosen).toEqual(['Cat']);
  });
});

describe('the reason a result gives', () => {
  it('says why, in one sentence, with the figures that decided it', () => {
    expect(countPoll(poll({ electorate: 100, quorumPercent: 40 }), yn('c', 'yes')).reason).toBe(
      'Not decided: the quorum of 40% was not reached; 1.0% voted (1 of 100).',
    );
    expect(countPoll(poll(), yn('c', 'yes', 'yes', 'no', 'abstain')).reason).toBe(
      'Passed: 66.7% yes among yes and no, more than half needed; 40.0% voted (4 of 10), quorum 20%.',
    );
    expect(countPoll(poll({ threshold: 'two-thirds' }), yn('c', 'yes', 'no', 'no')).reason).toBe(
      'Not passed: 33.3% yes among yes and no, at least two thirds needed; 30.0% voted (3 of 10), quorum 20%.',
    );
    expect(countPoll(poll(), yn('c', 'abstain', 'abstain')).reason).toBe(
      'Not passed: nobody answered yes or no; 20.0% voted (2 of 10), quorum 20%.',
    );
    const entrenched = countPoll(
      poll({ threshold: 'two-thirds', requiredClasses: ['hacker', 'sponsor'] }),
      [...yn('hacker', 'yes', 'yes', 'yes', 'yes'), ...yn('sponsor', 'no')],
    );
    expect(entrenched.reason).toBe(
      'Not passed: 80.0% yes among yes and no overall, but at least two thirds needed in each class, not reached among sponsor.',
    );
  });
});

describe('the reason as facts', () => {
  const turnout = (ballots: number, electorate = 10, quorumPercent = 20) => ({
    ballots,
    electorate,
    turnoutPercent: ((ballots * 100) / electorate).toFixed(1),
    quorumPercent,
  });

  it('gives every reason a code and the figures its sentence is made of', () => {
    expect(countPoll(poll({ electorate: 100, quorumPercent: 40 }), yn('c', 'yes')).why).toEqual({
      code: 'quorum-not-reached',
      params: turnout(1, 100, 40),
    });
    expect(countPoll(poll(), yn('c', 'yes', 'yes', 'no', 'abstain')).why).toEqual({
      code: 'passed',
      params: { ...turnout(4), yesPercent: '66.7', balanced: false, threshold: 'simple' },
    });
    expect(countPoll(poll({ threshold: 'two-thirds' }), yn('c', 'yes', 'no', 'no')).why).toEqual({
      code: 'not-passed',
      params: { ...turnout(3), yesPercent: '33.3', balanced: false, threshold: 'two-thirds' },
    });
    expect(countPoll(poll(), yn('c', 'abstain', 'abstain')).why).toEqual({
      code: 'no-yes-or-no',
      params: turnout(2),
    });
    const entrenched = countPoll(
      poll({ threshold: 'two-thirds', requiredClasses: ['hacker', 'sponsor'] }),
      [...yn('hacker', 'yes', 'yes', 'yes', 'yes'), ...yn('sponsor', 'no')],
    );
    expect(entrenched.why).toEqual({
      code: 'not-reached-in-classes',
      params: {
        ...turnout(5),
        yesPercent: '80.0',
        balanced: false,
        threshold: 'two-thirds',
        classes: ['sponsor'],
      },
    });
    const options = ['Red', 'Green', 'Blue'];
    const approval = countPoll(poll({ method: 'approval', options }), [
      { voterClass: 'c', content: { approve: [2] } },
      { voterClass: 'c', content: { approve: [2, 3] } },
    ]);
    expect(approval.why).toEqual({
      code: 'chosen',
      params: { ...turnout(2), method: 'approval', chosen: ['Green'] },
    });
    const ranked = countPoll(poll({ method: 'irv', options }), [
      { voterClass: 'c', content: { ranking: [3, 1] } },
      { voterClass: 'c', content: { ranking: [3] } },
    ]);
    expect(ranked.why).toEqual({
      code: 'elected',
      params: { ...turnout(2), method: 'irv', elected: ['Blue'] },
    });
    const balanced = countPoll(poll({ classWeights: { a: 50, b: 50 } }), [
      ...yn('a', 'yes'),
      ...yn('b', 'no', 'no'),
    ]);
    expect(balanced.why).toMatchObject({
      code: 'not-passed',
      params: { yesPercent: '50.0', balanced: true },
    });
  });

  it('writes each line of how it was counted as facts too, line for line', () => {
    const balanced = countPoll(poll({ classWeights: { a: 60, b: 40 } }), [
      ...yn('a', 'yes', 'no'),
      ...yn('b', 'no'),
    ]);
    expect(balanced.explanationFacts?.map((f) => f.code)).toEqual([
      'turnout',
      'class-answers',
      'class-answers',
      'share',
    ]);
    expect(balanced.explanationFacts?.length).toBe(balanced.explanation.length);
    expect(balanced.explanationFacts?.[1]).toEqual({
      code: 'class-answers',
      params: { class: 'a', yes: 1, no: 1, weight: 60, weightSum: 100 },
    });
    expect(balanced.explanationFacts?.[3]).toEqual({
      code: 'share',
      params: { share: '0.3000', threshold: 'simple', passed: false },
    });
    const score = countPoll(poll({ method: 'score', options: ['Red', 'Green'] }), [
      { voterClass: 'c', content: { scores: { '1': 2, '2': 4 } } },
    ]);
    expect(score.explanationFacts?.slice(1)).toEqual([
      { code: 'points', params: { option: 'Green', points: '4.00', balanced: false } },
      { code: 'points', params: { option: 'Red', points: '2.00', balanced: false } },
    ]);
  });
});
