import { formatDecimal, lineNetMinor, parseDecimal, percentOfMinor } from './decimal.ts';
import type { VatCategory } from './vatCategories.ts';

export const roundingRules = ['per-line', 'per-rate'] as const;
export type RoundingRule = (typeof roundingRules)[number];

export interface LineInput {
  quantity: string;
  unitPrice: string;
  vatCategory: VatCategory;
  vatRate: string;
}

export interface LineTotals {
  netMinor: bigint;
  /** The line's own VAT, rounded on its own; only summed under the per-line rule. */
  taxMinor: bigint;
}

export interface VatBreakdown {
  category: VatCategory;
  /** The rate as printed: "19", "7.7", "0". */
  rate: string;
  taxableMinor: bigint;
  taxMinor: bigint;
}

export interface InvoiceTotals {
  lines: LineTotals[];
  breakdown: VatBreakdown[];
  netMinor: bigint;
  taxMinor: bigint;
  grossMinor: bigint;
}

/**
 * An invoice's amounts in integer minor units. Each line's net is quantity x unit price,
 * rounded once. VAT is grouped by category and rate (EN 16931's breakdown, BG-23): under
 * `per-rate` each group's VAT is its taxable sum x rate, rounded once; under `per-line` each
 * line's VAT is rounded and the group's VAT is their sum (some buyers' systems require it; the
 * two may differ by a cent per line, which EN 16931 tolerates). Gross = net + VAT, exactly.
 */
export function computeTotals(
  lines: readonly LineInput[],
  rule: RoundingRule,
  digits: number,
): InvoiceTotals {
  const lineTotals = lines.map((line) => {
    const netMinor = lineNetMinor(
      parseDecimal(line.quantity),
      parseDecimal(line.unitPrice),
      digits,
    );
    return { netMinor, taxMinor: percentOfMinor(netMinor, parseDecimal(line.vatRate)) };
  });
  const groups = new Map<string, VatBreakdown & { lineTaxMinor: bigint }>();
  lines.forEach((line, i) => {
    const rate = formatDecimal(parseDecimal(line.vatRate));
    const key = `${line.vatCategory}|${rate}`;
    const group = groups.get(key) ?? {
      category: line.vatCategory,
      rate,
      taxableMinor: 0n,
      taxMinor: 0n,
      lineTaxMinor: 0n,
    };
    group.taxableMinor += lineTotals[i]!.netMinor;
    group.lineTaxMinor += lineTotals[i]!.taxMinor;
    groups.set(key, group);
  });
  const breakdown = [...groups.values()].map(({ lineTaxMinor, ...g }) => ({
    ...g,
    taxMinor:
      rule === 'per-line' ? lineTaxMinor : percentOfMinor(g.taxableMinor, parseDecimal(g.rate)),
  }));
  const netMinor = lineTotals.reduce((s, l) => s + l.netMinor, 0n);
  const taxMinor = breakdown.reduce((s, g) => s + g.taxMinor, 0n);
  return { lines: lineTotals, breakdown, netMinor, taxMinor, grossMinor: netMinor + taxMinor };
}

/**
 * An amount in the invoice's currency to the co-op's, at `rate` (co-op units per invoice unit),
 * rounded once: how the ledger books a foreign invoice and how BT-111 states its VAT.
 */
export function convertMinor(
  minor: bigint,
  rate: string,
  fromDigits: number,
  toDigits: number,
): bigint {
  const r = parseDecimal(rate);
  const numerator = minor * r.units * 10n ** BigInt(toDigits);
  const denominator = 10n ** BigInt(r.scale + fromDigits);
  const negative = numerator < 0n;
  const abs = negative ? -numerator : numerator;
  const rounded = (abs * 2n + denominator) / (denominator * 2n);
  return negative ? -rounded : rounded;
}
