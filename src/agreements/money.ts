import { z } from 'zod';
import { badRequest } from '../platform/errors.ts';
import { AmountError, parseAmount } from '../platform/money/amount.ts';

/** A decimal string such as `1500.00`: never a float. */
export const decimalAmount = z
  .string()
  .trim()
  .regex(/^\d{1,15}(\.\d+)?$/, 'an amount like 1500.00');

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
    throw badRequest(`${pointer}: ${error.message}`, [{ pointer, message: error.message }]);
  }
  if (minor < 0n || (!allowZero && minor === 0n))
    throw badRequest(`${pointer}: must be more than 0`, [
      { pointer, message: 'must be more than 0' },
    ]);
  return minor;
}
