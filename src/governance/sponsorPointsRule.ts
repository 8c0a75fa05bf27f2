import { z } from 'zod';
import { schemaWords } from '../platform/http/validationMessages.ts';

/** Each organization spreads at most this many points over a cycle's sponsor items. */
export const sponsorPointsBudget = 100;

/**
 * The one rule for a sponsor's points, used by the route and its command and by the web form
 * before it sends: whole points from 0 to 100 per item, at most 100 in all. No database code
 * here, as the web app bundles this module.
 */
export const sponsorPointsSchema = z
  .record(
    z.uuid(),
    z
      .number(schemaWords('wholePointsNumber'))
      .int(schemaWords('wholePoints'))
      .min(0, schemaWords('noNegativePoints'))
      // zod's own "at most 100" (validation.ts) says it, in each language.
      .max(sponsorPointsBudget),
  )
  .refine(
    (p) => Object.values(p).reduce((s, n) => s + n, 0) <= sponsorPointsBudget,
    schemaWords('pointsBudget', { budget: sponsorPointsBudget }),
  );

/** What the route taking a sponsor's points takes, and the points form checks before sending. */
export const sponsorPointsInputSchema = z
  .strictObject({ points: sponsorPointsSchema })
  .meta({ id: 'SponsorPoints' });
