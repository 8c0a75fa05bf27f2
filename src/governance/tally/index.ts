/**
 * The vote-counting core: pure functions from ballots to a result with every round recorded.
 *
 *     const election = parseBlt(text);
 *     const result = tally(election, { method: 'scottish-stv', seats: election.seats });
 *
 * Methods: `scottish-stv` (SSI 2007/42), `meek-stv` (Algorithm 123), `irv` (one seat) and
 * `schulze` (winning votes; several seats by repeated removal of the winner).
 */
import { irv } from './irv.ts';
import { meekStv } from './meekStv.ts';
import { schulze } from './schulze.ts';
import { scottishStv } from './scottishStv.ts';
import {
  tallyMethods,
  type TallyInput,
  type TallyMethod,
  type TallyOptions,
  type TallyResult,
} from './types.ts';

export { BltParseError, parseBlt, writeBlt } from './blt.ts';
export { ballotsFromRankings, defaultSeed, parseUnits } from './common.ts';
export { formatTallyReport } from './report.ts';
export { irv, meekStv, schulze, scottishStv, tallyMethods };
export type * from './types.ts';

export function isTallyMethod(value: string): value is TallyMethod {
  return (tallyMethods as readonly string[]).includes(value);
}

export function tally(input: TallyInput, options: TallyOptions): TallyResult {
  const { method, seats, seed } = options;
  if (!Number.isInteger(seats) || seats < 1)
    throw new RangeError('seats must be a whole number ≥ 1');
  const eligible = input.candidates.length - (input.withdrawn?.length ?? 0);
  if (seats > eligible)
    throw new RangeError(`${seats} seats but only ${eligible} eligible candidate(s)`);
  switch (method) {
    case 'scottish-stv':
      return scottishStv(input, { seats, seed });
    case 'meek-stv':
      return meekStv(input, { seats, seed });
    case 'irv':
      return irv(input, { seats, seed });
    case 'schulze':
      return schulze(input, { seats, seed });
    default:
      throw new RangeError(
        `unknown method ${String(method)}; use one of ${tallyMethods.join(', ')}`,
      );
  }
}
