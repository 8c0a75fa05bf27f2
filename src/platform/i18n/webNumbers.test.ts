import { afterEach, describe, expect, it } from 'vitest';
import { formatExactDecimal, formatMinutes, formatNumber } from '../../../web/src/app/format.ts';
import { setLocale } from '../../../web/src/app/i18n.ts';
import { percent } from '../../../web/src/app/money.ts';
import { groupDigits, shareOfSupport } from '../../../web/src/governance/labels.ts';
import { hoursUsed } from '../../../web/src/requests/labels.ts';
import { formatDuration } from '../../../web/src/servicelevels/labels.ts';

afterEach(() => setLocale('en', { remember: false }));
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('the web app’s one number formatter', () => {
  it('writes decimals with exactly their digits, in the member’s notation, without a float', () => {
    expect(formatExactDecimal('1500.00')).toBe('1,500.00');
    expect(formatExactDecimal('123456789012345678.05')).toBe('123,456,789,012,345,678.05');
    expect(formatExactDecimal('not a number')).toBe('not a number');
    setLocale('de', { remember: false });
    expect(formatExactDecimal('1500.00')).toBe('1.500,00');
    expect(formatExactDecimal('0.7750')).toBe('0,7750');
    expect(groupDigits('-9007199254740993')).toBe('−9.007.199.254.740.993');
    expect(formatNumber(1440.5)).toBe('1.440,5');
    expect(plain(percent(42.3, 1))).toBe('42,3 %');
    expect(plain(percent(40, 1))).toBe('40,0 %');
    expect(plain(shareOfSupport('1', 3n))).toBe('33,3 %');
  });

  it('says every duration one way: expert hours and service-level clocks alike', () => {
    expect(formatMinutes(45)).toBe('45 min');
    expect(formatMinutes(180)).toBe('3 h');
    expect(formatMinutes(185)).toBe('3 h 5 min');
    expect(formatDuration(185 * 60_000 + 59_000)).toBe('3 h 5 min');
    expect(formatDuration(-185 * 60_000)).toBe('3 h 5 min');
    expect(hoursUsed({ usedMinutes: 200, entitledMinutes: 600 } as never)).toBe(
      '3 h 20 min of 10 h',
    );
    setLocale('de', { remember: false });
    expect(formatDuration(65 * 60_000)).toBe('1 Std. 5 Min.');
    expect(formatMinutes(90_000)).toBe('1.500 Std.');
  });
});
