import { z } from 'zod';
import { schemaWords } from '../platform/http/validationMessages.ts';
import { surveyMethods } from './methods.ts';

// What the route opening a cycle takes. No database code here: the cycles page's form checks its
// input with this very object.

export const createCycleInputSchema = z
  .strictObject({
    title: z.string().trim().min(2).max(200),
    votingOpensAt: z.coerce.date(),
    votingClosesAt: z.coerce.date(),
    startsOn: z.iso.date(),
    /** Defaults to the bylaws' cycle length. */
    endsOn: z.iso.date().optional(),
    surveyMethod: z.enum(surveyMethods),
    quadraticCredits: z.number().int().min(1).max(10_000).default(100),
  })
  .refine((c) => c.votingClosesAt > c.votingOpensAt, {
    ...schemaWords('votingClosesAfterOpening'),
    path: ['votingClosesAt'],
  })
  .refine((c) => !c.endsOn || c.endsOn > c.startsOn, {
    ...schemaWords('cycleEndsAfterStart'),
    path: ['endsOn'],
  })
  .meta({ id: 'NewCycle' });
