/**
 * Exact decimals for quantities, unit prices and VAT rates, which may carry more places than a
 * currency's minor unit (a price of 0.125 per call, a rate of 7.7%). A decimal is an integer
 * and a scale: 12.50 is { units: 1250n, scale: 2 }. No float ever touches money.
 */
export interface Decimal {
  units: bigint;
  scale: number;
}

export const decimalPattern = /^-?\d{1,12}(\.\d{1,6})?$/;

export function parseDecimal(text: string): Decimal {
  const match = /^(-)?(\d+)(?:\.(\d+))?$/.exec(text.trim());
  if (!match) throw new RangeError(`“${text}” is not a decimal like 12.50`);
  const fraction = match[3] ?? '';
  const units = BigInt(`${match[2]}${fraction}`);
  return { units: match[1] ? -units : units, scale: fraction.length };
}

/** Rounds a fraction numerator/denominator half away from zero, as commercial rounding does. */
export function roundHalfAway(numerator: bigint, denominator: bigint): bigint {
  if (denominator < 0n) return roundHalfAway(-numerator, -denominator);
  const negative = numerator < 0n;
  const abs = negative ? -numerator : numerator;
  const rounded = (abs * 2n + denominator) / (denominator * 2n);
  return negative ? -rounded : rounded;
}

/** quantity x price, in minor units of a currency with `digits` decimals, rounded once. */
export function lineNetMinor(quantity: Decimal, unitPrice: Decimal, digits: number): bigint {
  const scale = quantity.scale + unitPrice.scale;
  const product = quantity.units * unitPrice.units;
  return scale >= digits
    ? roundHalfAway(product, 10n ** BigInt(scale - digits))
    : product * 10n ** BigInt(digits - scale);
}

/** base x rate% in minor units, rounded once. */
export function percentOfMinor(baseMinor: bigint, rate: Decimal): bigint {
  return roundHalfAway(baseMinor * rate.units, 100n * 10n ** BigInt(rate.scale));
}

/** A decimal back to its plain text with no trailing zeros beyond `minScale` places. */
export function formatDecimal(d: Decimal, minScale = 0): string {
  let { units, scale } = d;
  while (scale > minScale && units % 10n === 0n) {
    units /= 10n;
    scale--;
  }
  const negative = units < 0n;
  const abs = (negative ? -units : units).toString().padStart(scale + 1, '0');
  const text = scale === 0 ? abs : `${abs.slice(0, -scale)}.${abs.slice(-scale)}`;
  return negative ? `-${text}` : text;
}
