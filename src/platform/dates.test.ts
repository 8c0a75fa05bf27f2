import { describe, expect, it } from 'vitest';
import { addDays, firstOfMonth, lastOfMonth, shiftMonths } from './dates.ts';

describe('calendar days', () => {
  it.each([
    ['2026-01-31', 1, '2026-02-28'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2026-03-15', -3, '2025-12-15'],
    ['2026-11-23', -12, '2025-11-23'],
  ])('shifts %s by %i months to %s', (day, n, expected) =>
    expect(shiftMonths(day, n)).toBe(expected),
  );

  it('finds month bounds and adds days', () => {
    expect(firstOfMonth('2026-02-17')).toBe('2026-02-01');
    expect(lastOfMonth('2026-02-17')).toBe('2026-02-28');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });
});
