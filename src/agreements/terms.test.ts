import { describe, expect, it } from 'vitest';
import type { AgreementLine } from './lines.ts';
import { billingPeriods, cancellationEnd, termEnd } from './terms.ts';

const terms = {
  startsOn: '2027-02-01',
  currentTermStartsOn: '2027-02-01',
  currentTermEndsOn: '2028-01-31',
  termMonths: 12,
  autoRenew: true,
  noticeDays: 30,
};

describe('terms', () => {
  it('ends a term the day before the same date months later, clamped to the month', () => {
    expect(termEnd('2027-02-01', 12)).toBe('2028-01-31');
    expect(termEnd('2027-01-31', 1)).toBe('2027-02-27');
    expect(termEnd('2028-02-29', 12)).toBe('2029-02-27');
  });

  it('ends a cancelled agreement where its notice reaches', () => {
    expect(cancellationEnd(terms, '2028-01-01')).toEqual({
      endsOn: '2028-01-31',
      withinNotice: true,
    });
    expect(cancellationEnd(terms, '2028-01-02')).toEqual({
      endsOn: '2029-01-31',
      withinNotice: false,
    });
    expect(cancellationEnd({ ...terms, autoRenew: false }, '2028-01-20')).toEqual({
      endsOn: '2028-01-31',
      withinNotice: true,
    });
  });

  it('splits a term into billing periods; one-off lines go with the very first', () => {
    const line = (recurring: boolean): AgreementLine => ({
      kind: 'custom',
      tierVersionId: null,
      description: recurring ? 'retainer' : 'onboarding',
      quantity: 1,
      unitPriceMinor: '100',
      recurring,
    });
    const agreement = {
      startsOn: '2027-02-01',
      billingPeriodMonths: 3,
      lines: [line(true), line(false)],
    };
    const first = billingPeriods(agreement, { startsOn: '2027-02-01', endsOn: '2028-01-31' });
    expect(first.map((p) => [p.startsOn, p.endsOn, p.lines.length])).toEqual([
      ['2027-02-01', '2027-04-30', 2],
      ['2027-05-01', '2027-07-31', 1],
      ['2027-08-01', '2027-10-31', 1],
      ['2027-11-01', '2028-01-31', 1],
    ]);
    const renewed = billingPeriods(agreement, { startsOn: '2028-02-01', endsOn: '2029-01-31' });
    expect(renewed.every((p) => p.lines.length === 1)).toBe(true);
  });
});
