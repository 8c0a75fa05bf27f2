import { intlTags, type Locale } from '../i18n/locales.ts';
import { formatAmount } from './amount.ts';

const formats = new Map<string, Intl.NumberFormat>();

/**
 * Money for people, the one way the server writes it in sentences, mails and PDFs, and the way
 * the web app shows it: "€18,000.00", "CHF 1,230.05", "−€20.97"; in German "18.000,00 €".
 * Formatted from the exact decimal string, never through a float.
 */
export function displayMoney(minor: bigint, currency: string, locale: Locale = 'en'): string {
  const key = `${locale}:${currency}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(intlTags[locale], { style: 'currency', currency });
    formats.set(key, format);
  }
  // A plain space, not Intl's no-break one: these strings go into mails and problem details.
  return format
    .format(formatAmount(minor, currency) as unknown as number)
    .replace(/^-/, '−')
    .replace(/\u00a0/g, ' ');
}
