import { afterEach, describe, expect, it } from 'vitest';
import { invoiceLineSchema } from '../../invoicing/input.ts';
import { setLocale } from '../../../web/src/app/i18n.ts';
import {
  enteredDecimal,
  enteredNumber,
  enteredNumberProblem,
  parseDecimal,
} from '../../../web/src/app/money.ts';

afterEach(() => setLocale('en', { remember: false }));

describe('numbers typed in the member’s notation, sent in the server’s', () => {
  it('reads a German quantity and VAT rate as the invoice line’s decimals', () => {
    setLocale('de', { remember: false });
    expect(enteredNumber('2,5')).toBe('2.5');
    expect(enteredNumber(' 7,7 ')).toBe('7.7');
    expect(enteredNumber('19')).toBe('19');
    expect(enteredNumber('1.000,125')).toBe('1000.125');
    expect(enteredNumber('-2,5')).toBe('-2.5');
    // More decimals than a currency has: a quantity keeps them, digit for digit.
    expect(enteredNumber('0,000125')).toBe('0.000125');
    // The server's notation typed in German is no number here: refused with the member's example,
    // not read as 25.
    expect(enteredNumber('2.5')).toBe('2.5');
    expect(enteredNumberProblem('2.5', '2.5')).toBe('eine Zahl, etwa 2,5');
    expect(enteredNumberProblem('2,5', '2.5')).toBeUndefined();
    expect(enteredNumberProblem('', '2.5')).toBeUndefined();
    // What is sent is what the route's schema takes.
    const line = {
      description: 'Wartung',
      quantity: enteredNumber('2,5'),
      unitPrice: enteredDecimal('1.500,00', 'EUR'),
      vatCategory: 'S',
      vatRate: enteredNumber('7,7'),
    };
    expect(invoiceLineSchema.parse(line)).toMatchObject({
      quantity: '2.5',
      unitPrice: '1500.00',
      vatRate: '7.7',
    });
  });

  it('reads English the English way, and leaves what is no number as typed', () => {
    expect(enteredNumber('2.5')).toBe('2.5');
    expect(enteredNumber('1,000.5')).toBe('1000.5');
    expect(enteredNumber('2,5')).toBe('2,5');
    expect(enteredNumberProblem('2,5', '7.7')).toBe('a number such as 7.7');
    expect(enteredNumber('two')).toBe('two');
    expect(enteredNumberProblem('two', '2.5')).toBe('a number such as 2.5');
    // Amounts keep the currency's decimals, as before.
    expect(parseDecimal('12.345', 'EUR')).toBeUndefined();
    expect(parseDecimal('12.34', 'EUR')).toBe(1234n);
  });
});
