import { describe, expect, it } from 'vitest';
import { formatAmount, parseAmount } from './amount.ts';

describe('amounts in minor units', () => {
  it.each([
    ['1234.50', 'EUR', 123450n],
    ['-0.01', 'EUR', -1n],
    ['7', 'EUR', 700n],
    ['1500', 'JPY', 1500n],
    ['1.234', 'BHD', 1234n],
  ])('parses %s %s', (text, currency, minor) => {
    expect(parseAmount(text, currency)).toBe(minor);
    expect(parseAmount(formatAmount(minor, currency), currency)).toBe(minor);
  });

  it('refuses more decimals than the currency allows, and non-numbers', () => {
    expect(() => parseAmount('10.005', 'EUR')).toThrow('EUR has 2 decimals: “10.005” has 3');
    expect(() => parseAmount('10.5', 'JPY')).toThrow('JPY has no minor unit');
    expect(() => parseAmount('1e3', 'EUR')).toThrow('is not an amount');
  });

  it('formats', () => {
    expect(formatAmount(-123450n, 'EUR')).toBe('-1234.50');
    expect(formatAmount(5n, 'EUR')).toBe('0.05');
    expect(formatAmount(1500n, 'JPY')).toBe('1500');
  });
});
