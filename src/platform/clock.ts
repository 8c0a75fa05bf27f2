import { dayOf } from './dates.ts';

/**
 * The one source of "now". Domain code asks the context's clock, never `new Date()`, so that a
 * test can stand on any day (a deadline, a fiscal year's end) whatever today is.
 */
export interface Clock {
  now(): Date;
  /** The UTC calendar day of `now()`. */
  today(): string;
}

export const systemClock: Clock = {
  now: () => new Date(),
  today: () => dayOf(new Date()),
};

/** A clock for tests: it stands still until told to move. */
export interface ManualClock extends Clock {
  set(at: Date | string): void;
  advance(ms: number): void;
}

export function manualClock(start: Date | string): ManualClock {
  let at = new Date(start);
  return {
    now: () => new Date(at),
    today: () => dayOf(at),
    set: (next) => {
      at = new Date(next);
    },
    advance: (ms) => {
      at = new Date(at.getTime() + ms);
    },
  };
}
