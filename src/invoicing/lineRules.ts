import type { FieldError } from '../platform/errors.ts';
import { parseDecimal } from './decimal.ts';
import type { VatCategory } from './vatCategories.ts';
import { schemaWords } from '../platform/http/validationMessages.ts';

interface Line {
  quantity: string;
  unitPrice: string;
  vatCategory: VatCategory;
  vatRate: string;
}

/**
 * What EN 16931 demands of the lines' VAT before anything is stored: a standard-rated line has
 * a positive rate, every other category a rate of 0 (BR-Z/E/AE/IC/G-05, BR-O-05), "not
 * subject to VAT" is never mixed with taxed lines (BR-O-11..14), and prices are not negative.
 */
export function lineProblems(lines: readonly Line[]): FieldError[] {
  const problems: FieldError[] = [];
  lines.forEach((line, i) => {
    const rate = parseDecimal(line.vatRate).units;
    if (line.vatCategory === 'S' && rate <= 0n)
      problems.push({
        pointer: `/lines/${i}/vatRate`,
        message: schemaWords('standardRateAboveZero').message,
        code: 'invoice-line.standard-rate',
        params: { line: i + 1 },
      });
    if (line.vatCategory !== 'S' && rate !== 0n)
      problems.push({
        pointer: `/lines/${i}/vatRate`,
        message: schemaWords('noVatRateZero', { category: line.vatCategory }).message,
        code: 'invoice-line.zero-rate',
        params: { line: i + 1, vatCategory: line.vatCategory },
      });
    if (parseDecimal(line.unitPrice).units < 0n)
      problems.push({
        pointer: `/lines/${i}/unitPrice`,
        message: schemaWords('notNegativeCreditNote').message,
        code: 'invoice-line.negative-price',
        params: { line: i + 1 },
      });
    if (parseDecimal(line.quantity).units === 0n)
      problems.push({
        pointer: `/lines/${i}/quantity`,
        message: schemaWords('mustNotBeZero').message,
        code: 'invoice-line.zero-quantity',
        params: { line: i + 1 },
      });
  });
  const outside = lines.some((l) => l.vatCategory === 'O');
  if (outside && lines.some((l) => l.vatCategory !== 'O'))
    problems.push({
      pointer: '/lines',
      message: schemaWords('outsideVatAlone').message,
      code: 'invoice-line.outside-mixed',
    });
  return problems;
}
