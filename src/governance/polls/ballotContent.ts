import { z } from 'zod';
import type { PollMethod } from '../schema.ts';
import { schemaWords } from '../../platform/http/validationMessages.ts';

const optionNumber = z.number().int().min(1);

/** The shape of a ballot, by the poll's method; options are numbered from 1 as in BLT files. */
export function ballotContentSchema(method: PollMethod, options: number) {
  const known = optionNumber.max(options, schemaWords('optionCount', { options }));
  const distinct = (xs: number[]) => new Set(xs).size === xs.length;
  switch (method) {
    case 'yes-no':
      // No answer chosen is said as such, by a code the web words (not as "one of yes, no…").
      return z
        .strictObject({ choice: z.enum(['yes', 'no', 'abstain']).optional() })
        .refine((c) => c.choice !== undefined, {
          ...schemaWords('chooseAnAnswer', undefined, 'ballot.choose'),
          path: ['choice'],
        });
    case 'approval':
      return z.strictObject({
        approve: z
          .array(known)
          .refine(distinct, schemaWords('optionListedTwice', undefined, 'ballot.option-twice')),
      });
    case 'score':
      return z.strictObject({
        scores: z
          .record(z.string().regex(/^\d+$/), z.number().int().min(0).max(5))
          .refine(
            (s) => Object.keys(s).every((k) => Number(k) >= 1 && Number(k) <= options),
            schemaWords('optionCount', { options }, 'ballot.options'),
          ),
      });
    default:
      // Ranked methods: unique ranks, known options, best first.
      return z.strictObject({
        ranking: z
          .array(known)
          .refine((r) => r.length > 0, schemaWords('rankAnOption', undefined, 'ballot.rank-one'))
          .refine(distinct, schemaWords('optionRankedTwice', undefined, 'ballot.ranked-twice')),
      });
  }
}

export type BallotContent =
  | { choice: 'yes' | 'no' | 'abstain' }
  | { approve: number[] }
  | { scores: Record<string, number> }
  | { ranking: number[] };
