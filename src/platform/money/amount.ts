import { schemaWords } from '../http/validationMessages.ts';
import { minorDigits } from './currency.ts';

/**
 * A bad amount, said in English in the schema words' catalogue: the field error it becomes is
 * worded in the request's language by its text (problem.ts).
 */
export class AmountError extends Error {}

/**
 * A decimal string ("-1234.5") to integer minor units of the currency. More decimals than the
 * currency has (a cent fraction of a euro, any decimal of a yen) is an error, never rounded.
 */
export function parseAmount(text: string, currency: string): bigint {
  const match = /^(-)?(\d{1,15})(?:\.(\d+))?$/.exec(text.trim());
  if (!match) throw new AmountError(schemaWords('notAnAmount', { text }).message);
  const digits = minorDigits(currency);
  const fraction = match[3] ?? '';
  if (fraction.length > digits)
    throw new AmountError(
      digits === 0
        ? schemaWords('noMinorUnit', { currency, text }).message
        : schemaWords('tooManyDecimals', { currency, digits, text, n: fraction.length }).message,
    );
  const minor =
    BigInt(match[2]!) * 10n ** BigInt(digits) + BigInt(fraction.padEnd(digits, '0') || '0');
  return match[1] ? -minor : minor;
}

/** Integer minor units back to a decimal string with the currency's decimals. */
export function formatAmount(minor: bigint, currency: string): string {
  const digits = minorDigits(currency);
  const sign = minor < 0n ? '-' : '';
  const abs = (minor < 0n ? -minor : minor).toString().padStart(digits + 1, '0');
  return digits === 0 ? `${sign}${abs}` : `${sign}${abs.slice(0, -digits)}.${abs.slice(-digits)}`;
}
