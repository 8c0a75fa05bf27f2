import { minorDigits } from '../../../platform/money/currency.ts';
import { StatementFinding } from '../types.ts';

const digitsByCurrency = new Map<string, number>();

/** Minor digits of a currency, cached: Intl's lookup is too slow for 100,000 lines. */
export function currencyDigits(currency: string): number {
  let digits = digitsByCurrency.get(currency);
  if (digits === undefined) {
    digits = minorDigits(currency);
    digitsByCurrency.set(currency, digits);
  }
  return digits;
}

export const isCurrencyCode = (code: string): boolean => {
  if (!/^[A-Z]{3}$/.test(code)) return false;
  try {
    currencyDigits(code);
    return true;
  } catch {
    return false;
  }
};

/**
 * A decimal written with a dot ("1234.5", "-0.01", "500.") to integer minor units. More
 * decimals than the currency has is an error, never rounded; so is anything but digits.
 */
export function decimalToMinor(text: string, currency: string): bigint {
  const match = /^([+-])?(\d{1,18})?(?:\.(\d*))?$/.exec(text.trim());
  if (!match || (match[2] === undefined && !match[3]))
    throw new StatementFinding('statement.not-an-amount', { text }, `“${text}” is not an amount`);
  const digits = currencyDigits(currency);
  const fraction = (match[3] ?? '').replace(/0+$/, '');
  if (fraction.length > digits)
    throw new StatementFinding(
      'statement.too-many-decimals',
      { currency, digits, text, decimals: fraction.length },
      digits === 0
        ? `${currency} has no minor unit: “${text}” cannot have decimals`
        : `${currency} has ${digits} decimals: “${text}” has ${fraction.length}`,
    );
  const minor =
    BigInt(match[2] ?? '0') * 10n ** BigInt(digits) + BigInt(fraction.padEnd(digits, '0') || '0');
  return match[1] === '-' ? -minor : minor;
}

/** A SWIFT amount: decimal comma, no sign, maybe no decimals ("500,") or leading zeros. */
export function swiftAmountToMinor(text: string, currency: string): bigint {
  if (!/^\d+(,\d*)?$/.test(text))
    throw new StatementFinding(
      'statement.not-a-swift-amount',
      { text },
      `“${text}” is not a SWIFT amount like 1234,56`,
    );
  return decimalToMinor(text.replace(',', '.'), currency);
}

/**
 * An amount as people and spreadsheets write it: "$1,036.47", "1.234,56", "-12,00 €", "(75.00)",
 * "1 234,56", "12.50-". The separators are the mapping's, not guessed.
 */
export function looseAmountToMinor(
  text: string,
  currency: string,
  separators: { decimal: '.' | ','; thousands: string },
): bigint {
  let s = text.trim();
  let negative = false;
  if (/^\(.*\)$/.test(s)) {
    negative = true;
    s = s.slice(1, -1);
  }
  s = s.replace(/[\p{Sc}\p{L}\s\u00a0\u202f]/gu, (c) =>
    separators.thousands !== '' && c === separators.thousands ? c : '',
  );
  if (s.endsWith('-')) {
    negative = !negative;
    s = s.slice(0, -1);
  } else if (s.startsWith('-')) {
    negative = !negative;
    s = s.slice(1);
  } else if (s.startsWith('+')) s = s.slice(1);
  if (separators.thousands !== '') s = s.split(separators.thousands).join('');
  if (separators.decimal === ',') {
    if (s.includes('.'))
      throw new StatementFinding(
        'statement.dot-not-comma',
        { text },
        `“${text}” has a dot, but the decimal separator is a comma`,
      );
    s = s.replace(',', '.');
  } else if (s.includes(',')) {
    throw new StatementFinding(
      'statement.comma-not-dot',
      { text },
      `“${text}” has a comma, but the decimal separator is a dot`,
    );
  }
  if (s === '')
    throw new StatementFinding('statement.not-an-amount', { text }, `“${text}” is not an amount`);
  const minor = decimalToMinor(s, currency);
  return negative ? -minor : minor;
}

/** Minor units as a plain decimal string ("-1230.05"), the form entries take. */
export function minorToDecimal(minor: bigint, currency: string): string {
  const digits = currencyDigits(currency);
  const sign = minor < 0n ? '-' : '';
  const abs = (minor < 0n ? -minor : minor).toString().padStart(digits + 1, '0');
  return digits === 0 ? `${sign}${abs}` : `${sign}${abs.slice(0, -digits)}.${abs.slice(-digits)}`;
}
