import { expect, it } from 'vitest';
import { displayMoney } from './display.ts';

it('writes money as people read it, exactly, whatever its size', () => {
  expect(displayMoney(1800000n, 'EUR')).toBe('€18,000.00');
  expect(displayMoney(123005n, 'CHF')).toBe('CHF 1,230.05');
  expect(displayMoney(-2097n, 'EUR')).toBe('−€20.97');
  expect(displayMoney(1500n, 'JPY')).toBe('JP¥1,500');
  // Beyond a double's 15 significant digits, still to the cent.
  expect(displayMoney(123456789012345678n, 'USD')).toBe('US$1,234,567,890,123,456.78');
});
