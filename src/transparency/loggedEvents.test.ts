import { describe, expect, it } from 'vitest';
import { registeredEventTypes } from '../eventCatalogue.ts';
import { loggedEvents } from './loggedEvents.ts';

describe('what the transparency log records', () => {
  const types = registeredEventTypes().map((t) => t.name);

  it('has an explicit decision for every event type in the catalogue', () => {
    const undecided = types.filter((t) => !(t in loggedEvents));
    expect(
      undecided,
      'decide in src/transparency/loggedEvents.ts: public, hashed or not-logged',
    ).toEqual([]);
  });

  it('decides nothing about event types that do not exist', () => {
    expect(Object.keys(loggedEvents).filter((t) => !types.includes(t))).toEqual([]);
  });

  it('logs every decision and money movement the product names', () => {
    for (const type of ['poll.closed', 'cycle.plan-published', 'bylaws.adopted'])
      expect(loggedEvents[type], type).toBe('public');
    for (const type of [
      'ledger.entry-posted',
      'ledger.year-closed',
      'funding.recorded',
      'payroll.posted',
    ])
      expect(loggedEvents[type], type).toBe('hashed');
  });
});
