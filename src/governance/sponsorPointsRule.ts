import { z } from 'zod';

/** Each organization spreads at most this many points over a cycle's sponsor items. */
export const sponsorPointsBudget = 100;

/**
 * The one rule for a sponsor's points, used by the server's command and by the web form
 * before it sends: whole points from 0 to 100 per item, at most 100 in all.
 */
export const sponsorPointsSchema = z
  .record(
    z.uuid(),
    z
      .number({ error: 'enter a whole number of points' })
      .int('whole points only')
      .min(0, 'no negative points')
      .max(sponsorPointsBudget, `at most ${sponsorPointsBudget}`),
  )
  .refine((p) => Object.values(p).reduce((s, n) => s + n, 0) <= sponsorPointsBudget, {
    message: `spread at most ${sponsorPointsBudget} points`,
  });
