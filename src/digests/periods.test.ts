import { describe, expect, it } from 'vitest';
import { digestFrequencyOf, lastEndedPeriod, periodContaining } from './periods.ts';

describe('digest periods', () => {
  it.each([
    ['weekly', '2026-12-06', '2026-11-30', '2026-12-06'], // a Sunday ends its week
    ['weekly', '2026-12-07', '2026-12-07', '2026-12-13'], // a Monday starts one
    ['weekly', '2027-01-01', '2026-12-28', '2027-01-03'], // across the year
    ['monthly', '2028-02-15', '2028-02-01', '2028-02-29'], // a leap year's February
    ['quarterly', '2026-12-06', '2026-10-01', '2026-12-31'],
    ['quarterly', '2027-01-01', '2027-01-01', '2027-03-31'],
    ['quarterly', '2027-06-30', '2027-04-01', '2027-06-30'],
  ] as const)('%s period of %s is %s to %s', (frequency, day, from, to) => {
    expect(periodContaining(frequency, day)).toEqual({ from, to, frequency });
  });

  it.each([
    ['weekly', '2026-12-07', '2026-11-30', '2026-12-06'],
    ['monthly', '2027-01-01', '2026-12-01', '2026-12-31'],
    ['monthly', '2026-12-31', '2026-11-01', '2026-11-30'], // December has not ended yet
    ['quarterly', '2027-01-01', '2026-10-01', '2026-12-31'],
    ['quarterly', '2027-03-31', '2026-10-01', '2026-12-31'],
  ] as const)('on %s the last ended %s period is %s to %s', (frequency, today, from, to) => {
    expect(lastEndedPeriod(frequency, today)).toEqual({ from, to, frequency });
  });

  it('hears as often as the most frequent tier promises, never when none does', () => {
    const tier = (digest: 'none' | 'weekly' | 'monthly' | 'quarterly') => ({
      entitlements: { digest },
    });
    expect(digestFrequencyOf([tier('quarterly'), tier('monthly')])).toBe('monthly');
    expect(digestFrequencyOf([tier('none'), tier('weekly')])).toBe('weekly');
    expect(digestFrequencyOf([tier('none')])).toBeNull();
    expect(digestFrequencyOf([])).toBeNull();
  });
});
