import { badRequest, type AppError } from '../platform/errors.ts';

// A sum in another currency than the co-op's is booked with what it came to in the co-op's
// currency. The route's schema cannot hold the rule (it does not know the record's currency):
// the commands booking a bank line, paying an expense claim and recording an invoice's payment
// run it, and their forms run the same function before sending. No database code here.

const whatIsMissing = {
  'bank-line': 'the amount',
  claim: 'the payment',
  invoice: 'what arrived',
} as const;

/**
 * The refusal of a sum in `currency` given without its amount in `coopCurrency`, or nothing
 * when the sum is in the co-op's currency or the amount is given (its form is the schema's).
 */
export function coopAmountMissing(
  of: keyof typeof whatIsMissing,
  given: { currency: string; coopCurrency: string; coopAmount?: string | undefined },
): AppError | undefined {
  const { currency, coopCurrency, coopAmount } = given;
  if (currency === coopCurrency || coopAmount) return undefined;
  const message = `required: ${whatIsMissing[of]} in ${coopCurrency}`;
  return badRequest(`/coopAmount: ${message}`, [{ pointer: '/coopAmount', message }]).because(
    'coop-amount.required',
    { currency: coopCurrency, foreign: currency },
  );
}
