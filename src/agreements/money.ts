import { z } from 'zod';
import { amountRefusal } from '../finance/amountRefusal.ts';
import { badRequest } from '../platform/errors.ts';
import { AmountError, parseAmount } from '../platform/money/amount.ts';
import { schemaWords } from '../platform/http/validationMessages.ts';

/** A decimal string such as `1500.00`: never a float. */
export const decimalAmount = z
  .string()
  .trim()
  .regex(/^\d{1,15}(\.\d+)?$/, schemaWords('amountLike', { example: '1500.00' }));

/** An amount in minor units; more decimals than the currency has is refused, never rounded. */
export function minorOf(
  amount: string,
  currency: string,
  pointer: string,
  allowZero = false,
): bigint {
  let minor: bigint;
  try {
    minor = parseAmount(amount, currency);
  } catch (error) {
    if (!(error instanceof AmountError)) throw error;
    throw amountRefusal(amount, currency, pointer, error.message);
  }
  if (minor < 0n || (!allowZero && minor === 0n)) {
    const { message } = schemaWords('mustBeMoreThanZero');
    throw badRequest(`${pointer}: ${message}`, [
      { pointer, message, code: 'amount.not-positive' },
    ]).because('amount.not-positive');
  }
  return minor;
}
