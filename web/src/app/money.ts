/**
 * Money in the browser, exactly: amounts stay strings of integer minor units (or BigInt) and
 * are formatted from decimal strings, never through a float.
 */

const formats = new Map<string, Intl.NumberFormat>();

function currencyFormat(currency: string): Intl.NumberFormat | undefined {
  let format = formats.get(currency);
  if (!format) {
    try {
      format = new Intl.NumberFormat('en-GB', { style: 'currency', currency });
    } catch {
      return undefined;
    }
    formats.set(currency, format);
  }
  return format;
}

/** How many decimals the currency has (2 for EUR, 0 for JPY). */
export function fractionDigits(currency: string): number {
  return currencyFormat(currency)?.resolvedOptions().maximumFractionDigits ?? 2;
}

/** Minor units (a string such as "-123450", a number or a BigInt) as BigInt; bad input is 0. */
export function toBigInt(minor: string | number | bigint | null | undefined): bigint {
  if (typeof minor === 'bigint') return minor;
  if (minor === null || minor === undefined || minor === '') return 0n;
  try {
    return BigInt(typeof minor === 'number' ? Math.trunc(minor) : minor.trim());
  } catch {
    return 0n;
  }
}

/** Minor units as a plain decimal string: 123450 EUR -> "1234.50". */
export function minorToDecimal(minor: string | number | bigint, currency: string): string {
  const value = toBigInt(minor);
  const digits = fractionDigits(currency);
  const sign = value < 0n ? '-' : '';
  const units = (value < 0n ? -value : value).toString().padStart(digits + 1, '0');
  return digits > 0
    ? `${sign}${units.slice(0, -digits)}.${units.slice(-digits)}`
    : `${sign}${units}`;
}

/** A decimal string ("2746.80", "-3") in the currency's format: "€2,746.80". */
export function formatDecimal(decimal: string, currency: string): string {
  const format = currencyFormat(currency);
  const text = decimal.trim();
  if (!format || !/^-?\d+(\.\d+)?$/.test(text)) return `${decimal} ${currency}`;
  // Intl.NumberFormat formats a decimal string exactly (no conversion to a double).
  return format.format(text as unknown as number).replace(/^-/, '−');
}

/** Minor units in the currency's format: "123450" EUR -> "€1,234.50"; negatives with "−". */
export function formatMoney(minor: string | number | bigint, currency: string): string {
  return formatDecimal(minorToDecimal(minor, currency), currency);
}

/** Minor units without the currency symbol, for dense tables: "1,234.50". */
export function formatPlain(minor: string | number | bigint, currency: string): string {
  const digits = fractionDigits(currency);
  const decimal = minorToDecimal(minor, currency);
  const negative = decimal.startsWith('-');
  const [whole = '0', fraction] = (negative ? decimal.slice(1) : decimal).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${negative ? '−' : ''}${grouped}${digits > 0 ? `.${fraction}` : ''}`;
}

/**
 * What a person typed ("1,234.5", "-80", "1 500") to minor units as BigInt; undefined when it
 * is not an amount or has more decimals than the currency allows (never rounded).
 */
export function parseDecimal(
  text: string,
  currency: string,
  { allowNegative = false }: { allowNegative?: boolean } = {},
): bigint | undefined {
  const digits = fractionDigits(currency);
  const clean = text
    .trim()
    .replace(/[\s,_']/g, '')
    .replace(/^−/, '-');
  const match = /^(-)?(\d{1,15})(?:\.(\d*))?$/.exec(clean);
  if (!match) return undefined;
  if (match[1] && !allowNegative) return undefined;
  const fraction = match[3] ?? '';
  if (fraction.length > digits) return undefined;
  const minor =
    BigInt(match[2]!) * 10n ** BigInt(digits) + BigInt(fraction.padEnd(digits, '0') || '0');
  return match[1] ? -minor : minor;
}

/** The message for an amount parseDecimal refused. */
export function amountHint(currency: string): string {
  const digits = fractionDigits(currency);
  return digits === 0
    ? `a whole amount in ${currency}, such as 1500`
    : `an amount in ${currency} with at most ${digits} decimals, such as 1500.${'0'.repeat(digits)}`;
}

/** A share as text: 42.45 -> "42.45%". */
export function percent(value: number): string {
  return `${value.toLocaleString('en-GB', { maximumFractionDigits: 2 })}%`;
}

/** n / total as a fraction between 0 and 1, for drawing only (never for figures shown). */
export function ratio(part: string | bigint, whole: string | bigint): number {
  const w = toBigInt(whole);
  if (w === 0n) return 0;
  // Scale in BigInt first so that large amounts keep their precision.
  return Number((toBigInt(part) * 1_000_000n) / w) / 1_000_000;
}
