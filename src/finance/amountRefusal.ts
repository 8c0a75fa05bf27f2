import { badRequest, type AppError, type ProblemFact } from '../platform/errors.ts';
import { minorDigits } from '../platform/money/currency.ts';

/**
 * A typed amount `parseAmount` refused, named so the web says why in the reader's language:
 * not an amount at all, or more decimals than the currency has (never rounded).
 */
export function amountFact(text: string, currency: string): ProblemFact {
  // parseAmount's own shape: a well-formed number it refused has too many decimals.
  return /^-?\d{1,15}(?:\.\d+)?$/.test(text.trim())
    ? { code: 'amount.decimals', params: { text, currency, decimals: minorDigits(currency) } }
    : { code: 'amount.invalid', params: { text } };
}

/** amountFact as a refusal of the one field. */
export function amountRefusal(
  text: string,
  currency: string,
  pointer: string,
  message: string,
): AppError {
  const { code, params } = amountFact(text, currency);
  return badRequest(`${pointer}: ${message}`, [{ pointer, message, code, params }]).because(
    code,
    params,
  );
}

/** An amount that must be above zero and is not. */
export const notPositive = (pointer: string, message = 'must be more than 0'): AppError =>
  badRequest(`${pointer}: ${message}`, [{ pointer, message, code: 'amount.not-positive' }]).because(
    'amount.not-positive',
  );
