import { describe, expect, it } from 'vitest';
import { computePlan, type PlanInput } from './computePlan.ts';
import { checkSurveyBallot, surveySupport } from './surveyBallot.ts';
import { schemaWordsOf } from '../../platform/http/validationMessages.ts';

const base = (): PlanInput => ({
  pie: { sponsors: 40, community: 30, hackers: 30 },
  availability: { h1: 400, h2: 400, h3: 200 },
  sponsorItems: [
    { id: 's1', estimateHours: 1000 },
    { id: 's2', estimateHours: 1000 },
  ],
  communityItems: [
    { id: 'c1', estimateHours: 1000 },
    { id: 'c2', estimateHours: 50 },
  ],
  sponsorWeights: { big: 99n, small: 1n },
  sponsorPoints: { big: { s1: 100 }, small: { s2: 100 } },
  communitySupport: { c1: 3n, c2: 1n },
  hackerItems: [
    { id: 'x', estimateHours: 100 },
    { id: 'y', estimateHours: 200 },
    { id: 'z', estimateHours: 200 },
  ],
  declarations: { h1: { x: 100 }, h2: {}, h3: { y: 60 } },
});

describe('computePlan', () => {
  it('splits capacity into slices by the pie, and each slice inside itself', () => {
    const plan = computePlan(base());
    expect(plan.capacity).toBe(1000);
    expect(plan.slices).toEqual({ sponsors: 400, community: 300, hackers: 300 });
    expect(plan.sponsor.allocations).toEqual([
      { id: 's1', hours: 396, capped: false },
      { id: 's2', hours: 4, capped: false },
    ]);
    // c2's proportional share (75) exceeds its estimate (50): the rest flows to c1.
    expect(plan.community.allocations).toEqual([
      { id: 'c1', hours: 250, capped: false },
      { id: 'c2', hours: 50, capped: true },
    ]);
    expect(plan.hackerShares).toEqual({ h1: 120, h2: 120, h3: 60 });
    expect(plan.hackerItems).toEqual({ x: 100, y: 60 });
    expect(plan.hackerUndeclared).toEqual({ h1: 20, h2: 120, h3: 0 });
  });

  it('scales a hacker’s declarations down to their share', () => {
    const plan = computePlan({ ...base(), declarations: { h3: { y: 60, z: 30 } } });
    expect(plan.hackerItems).toEqual({ y: 40, z: 20 });
    expect(plan.hackerUndeclared.h3).toBe(0);
  });

  it('never plans a hacker item past its estimate, and gives the excess back', () => {
    // "Fuzzing harness", estimated at 60 h: one hacker declared 100, another 30.
    const plan = computePlan({
      ...base(),
      hackerItems: [{ id: 'fuzz', estimateHours: 60 }],
      declarations: { h1: { fuzz: 100 }, h2: { fuzz: 20 } },
    });
    expect(plan.hackerItems).toEqual({ fuzz: 60 });
    // 60 shared 100:20 by largest remainder is 50 and 10: 50 and 10 hours go back.
    expect(plan.hackerCapped).toEqual({
      fuzz: { declared: 120, estimateHours: 60, returned: { h1: 50, h2: 10 } },
    });
    expect(plan.hackerUndeclared).toEqual({ h1: 20 + 50, h2: 100 + 10, h3: 60 });
  });

  it('lets a sponsor with 99% of the funding move only the sponsor slice', () => {
    const plan = computePlan(base());
    const richer = computePlan({ ...base(), sponsorWeights: { big: 99_000_000n, small: 1n } });
    const total = (p: typeof plan) =>
      p.sponsor.allocations.reduce((s, a) => s + a.hours, 0) + p.sponsor.unallocated;
    expect(total(richer)).toBe(400);
    expect(richer.community).toEqual(plan.community);
    expect(richer.hackerShares).toEqual(plan.hackerShares);
    expect(richer.slices).toEqual(plan.slices);
    expect(richer.sponsor.allocations[0]!.hours).toBe(400);
  });
});

describe('community survey', () => {
  const items = new Set([
    '7d3f8a52-0000-4000-8000-000000000001',
    '7d3f8a52-0000-4000-8000-000000000002',
  ]);
  const [a, b] = [...items] as [string, string];

  it('refuses an empty ballot, whatever the method', () => {
    for (const [method, ballot] of [
      ['approval', { approve: [] }],
      ['score', { scores: {} }],
      ['ranked', { ranking: [] }],
      ['quadratic', { votes: { [a]: 0 } }],
    ] as const) {
      const problems = checkSurveyBallot(method, ballot, items, 100).problems;
      expect(problems).toEqual([
        expect.objectContaining({
          pointer: expect.stringMatching(/^\/ballot\//),
          message: expect.stringMatching(/at least one/),
        }),
      ]);
      // The reader's language comes from a code of its own (the web words it beside the items,
      // before sending as after), and the English from the schema's own words.
      const [problem] = problems;
      expect(problem!.code).toMatch(/^survey\.(approve|score|rank|vote)-one$/);
      expect(schemaWordsOf(problem!.message)).toBeDefined();
    }
  });

  it('counts each method', () => {
    expect(surveySupport('approval', [{ approve: [a] }, { approve: [a, b] }], [a, b])).toEqual(
      new Map([
        [a, 2n],
        [b, 1n],
      ]),
    );
    expect(
      surveySupport('score', [{ scores: { [a]: 5, [b]: 2 } }, { scores: { [b]: 4 } }], [a, b]),
    ).toEqual(
      new Map([
        [a, 5n],
        [b, 6n],
      ]),
    );
    expect(surveySupport('ranked', [{ ranking: [b, a] }, { ranking: [a] }], [a, b])).toEqual(
      new Map([
        [a, 2n],
        [b, 2n],
      ]),
    );
    expect(surveySupport('quadratic', [{ votes: { [a]: 3, [b]: 1 } }], [a, b])).toEqual(
      new Map([
        [a, 3n],
        [b, 1n],
      ]),
    );
  });

  it('refuses unknown items, duplicates, bad scores and an overspent budget', () => {
    expect(checkSurveyBallot('ranked', { ranking: [a, a] }, items, 100).problems).toEqual([
      {
        pointer: '/ballot/1',
        message: `${a} appears twice`,
        code: 'survey.item-twice',
        params: { item: a },
      },
    ]);
    expect(
      checkSurveyBallot(
        'approval',
        { approve: ['7d3f8a52-0000-4000-8000-000000000009'] },
        items,
        100,
      ).problems[0]!.message,
    ).toMatch(/not a community item/);
    expect(
      checkSurveyBallot('score', { scores: { [a]: 6 } }, items, 100).problems[0]!.pointer,
    ).toBe(`/ballot/scores/${a}`);
    expect(
      checkSurveyBallot('quadratic', { votes: { [a]: 8, [b]: 7 } }, items, 100).problems,
    ).toEqual([
      {
        pointer: '/ballot/votes',
        message: 'these votes cost 113 credits (n votes cost n²); the budget is 100',
        code: 'survey.over-budget',
        params: { cost: 113, credits: 100 },
      },
    ]);
    expect(
      checkSurveyBallot('quadratic', { votes: { [a]: 8, [b]: 6 } }, items, 100).problems,
    ).toEqual([]);
  });
});
