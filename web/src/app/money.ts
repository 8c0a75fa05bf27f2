import { intlTag } from './i18n.ts';
import { t } from './messages.ts';
/**
 * Money in the browser, exactly: amounts stay strings of integer minor units (or BigInt) and
 * are formatted from decimal strings, never through a float.
 */

const formats = new Map<string, Intl.NumberFormat>();

/** The currency's format in the member's language: "€1,234.50" in English, "1.234,50 €" in German. */
function currencyFormat(currency: string): Intl.NumberFormat | undefined {
  const key = `${intlTag()}:${currency}`;
  let format = formats.get(key);
  if (!format) {
    try {
      format = new Intl.NumberFormat(intlTag(), { style: 'currency', currency });
    } catch {
      return undefined;
    }
    formats.set(key, format);
  }
  return format;
}

/** The member's language's group and decimal separators: "," and "." in English. */
function separators(): { group: string; decimal: string } {
  const parts = new Intl.NumberFormat(intlTag()).formatToParts(12345.6);
  return {
    group: parts.find((p) => p.type === 'group')?.value ?? ',',
    decimal: parts.find((p) => p.type === 'decimal')?.value ?? '.',
  };
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
  const { group, decimal: point } = separators();
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, group);
  return `${negative ? '−' : ''}${grouped}${digits > 0 ? `${point}${fraction}` : ''}`;
}

/**
 * A number as a person typed it in the member's notation ("1.234,5" in German, "1,234.5" in
 * English): its sign, whole digits and decimals; undefined when it does not read as one. Group
 * marks count only where they group thousands, so that "1500.50" typed in German is refused
 * rather than read as 150050.
 */
function readNumber(
  text: string,
): { negative: boolean; whole: string; fraction: string } | undefined {
  const { group, decimal } = separators();
  const spaced = text.trim().replace(/[\s_'\u00a0\u202f]/g, '');
  const [whole = '', ...rest] = spaced.split(decimal);
  if (rest.length > 1) return undefined;
  if (whole.includes(group)) {
    const groups = whole.replace(/^[-−]/, '').split(group);
    if (!/^\d{1,3}$/.test(groups[0]!) || groups.slice(1).some((g) => !/^\d{3}$/.test(g)))
      return undefined;
  }
  const clean = `${whole.split(group).join('')}${rest.length ? `.${rest[0]}` : ''}`.replace(
    /^−/,
    '-',
  );
  const match = /^(-)?(\d{1,15})(?:\.(\d*))?$/.exec(clean);
  if (!match) return undefined;
  return { negative: Boolean(match[1]), whole: match[2]!, fraction: match[3] ?? '' };
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
  const read = readNumber(text);
  if (!read) return undefined;
  if (read.negative && !allowNegative) return undefined;
  if (read.fraction.length > digits) return undefined;
  const minor =
    BigInt(read.whole) * 10n ** BigInt(digits) + BigInt(read.fraction.padEnd(digits, '0') || '0');
  return read.negative ? -minor : minor;
}

/** The message for an amount parseDecimal refused. */
export function amountHint(currency: string): string {
  const digits = fractionDigits(currency);
  return digits === 0
    ? t('money.hintWhole', { currency })
    : t('money.hintDecimals', {
        currency,
        digits,
        example: `1500${separators().decimal}${'0'.repeat(digits)}`,
      });
}

/** A share as text: 42.45 -> "42.45%"; with `digits`, exactly that many decimals ("42.3%"). */
export function percent(value: number, digits?: number): string {
  return new Intl.NumberFormat(intlTag(), {
    style: 'percent',
    minimumFractionDigits: digits ?? 0,
    maximumFractionDigits: digits ?? 2,
  }).format(value / 100);
}

/** n / total as a fraction between 0 and 1, for drawing only (never for figures shown). */
export function ratio(part: string | bigint, whole: string | bigint): number {
  const w = toBigInt(whole);
  if (w === 0n) return 0;
  // Scale in BigInt first so that large amounts keep their precision.
  return Number((toBigInt(part) * 1_000_000n) / w) / 1_000_000;
}

/** Minor units, short, for a chart's axis only ("€12K"); tables and tooltips use formatMoney. */
export function formatMoneyCompact(minor: string | number | bigint, currency: string): string {
  try {
    return new Intl.NumberFormat(intlTag(), {
      style: 'currency',
      currency,
      notation: 'compact',
      maximumFractionDigits: 1,
    })
      .format(minorToDecimal(minor, currency) as unknown as number)
      .replace(/^-/, '−');
  } catch {
    return formatMoney(minor, currency);
  }
}

/**
 * An amount as typed in the member's notation ("1.500,50" in German) as the routes' decimal
 * ("1500.50"). Text that does not read as one stays as typed: the form's own check words it
 * (`enteredAmountProblem`), ahead of the route's schema.
 */
export function enteredDecimal(text: string, currency: string): string {
  const minor = parseDecimal(text, currency);
  return minor === undefined ? text.trim() : minorToDecimal(minor, currency);
}

/** The form's own word on an amount typed that does not read in the member's notation. */
export function enteredAmountProblem(text: string, currency: string): string | undefined {
  return text.trim() !== '' && parseDecimal(text, currency) === undefined
    ? amountHint(currency)
    : undefined;
}

/**
 * The form's own word on an amount typed that does not read in the member's notation or is not
 * above zero (what a payment's amount must be); nothing when the box is empty.
 */
export function enteredPositiveProblem(text: string, currency: string): string | undefined {
  if (text.trim() === '') return undefined;
  const minor = parseDecimal(text, currency);
  return minor === undefined || minor <= 0n ? amountHint(currency) : undefined;
}

/**
 * A quantity or a rate as typed in the member's notation ("2,5" in German, "2.5" in English) as
 * the routes' decimal ("2.5"), digit for digit (never through a float). Text that does not read
 * as a number stays as typed: the form's own check words it (`enteredNumberProblem`).
 */
export function enteredNumber(text: string): string {
  const read = readNumber(text);
  if (!read) return text.trim();
  return `${read.negative ? '-' : ''}${read.whole}${read.fraction ? `.${read.fraction}` : ''}`;
}

/**
 * The form's own word on a quantity or a rate typed that does not read in the member's
 * notation, with an example (a route's decimal, "2.5") written as the member writes it.
 */
export function enteredNumberProblem(text: string, example: string): string | undefined {
  return text.trim() !== '' && readNumber(text) === undefined
    ? t('money.hintNumber', { example: decimalForEntry(example) })
    : undefined;
}

/** A route's decimal ("1500.50") as the member types it ("1500,50" in German), to edit again. */
export function decimalForEntry(decimal: string): string {
  return decimal.replace('.', separators().decimal);
}
