import { describe, expect, it } from 'vitest';
import { sponsorPointsSchema } from './sponsorPointsRule.ts';

const [a, b, c] = [
  '0b6f8a7e-1c2d-4e5f-8a9b-0c1d2e3f4a5b',
  '1b6f8a7e-1c2d-4e5f-8a9b-0c1d2e3f4a5b',
  '2b6f8a7e-1c2d-4e5f-8a9b-0c1d2e3f4a5b',
];

describe('the sponsor points rule, shared by the server and the web form', () => {
  it('refuses negative and fractional points, naming each item', () => {
    // The review's case: 80, -5 and 2.5 were shown as "77 of 100" while 82 was stored.
    const result = sponsorPointsSchema.safeParse({ [a]: 80, [b]: -5, [c]: 2.5 });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      [b, 'no negative points'],
      [c, 'whole points only'],
    ]);
  });

  it('refuses more than 100 in all, and takes exactly 100', () => {
    expect(sponsorPointsSchema.safeParse({ [a]: 60, [b]: 41 }).error!.issues[0]!.message).toBe(
      'spread at most 100 points',
    );
    expect(sponsorPointsSchema.parse({ [a]: 60, [b]: 40 })).toEqual({ [a]: 60, [b]: 40 });
  });
});
