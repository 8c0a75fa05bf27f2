import type { FieldError } from '../platform/errors.ts';
import { parseDecimal } from './decimal.ts';
import type { VatCategory } from './vatCategories.ts';

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
        message: 'a standard-rated line needs a rate above 0',
      });
    if (line.vatCategory !== 'S' && rate !== 0n)
      problems.push({
        pointer: `/lines/${i}/vatRate`,
        message: `category ${line.vatCategory} is charged no VAT: the rate must be 0`,
      });
    if (parseDecimal(line.unitPrice).units < 0n)
      problems.push({
        pointer: `/lines/${i}/unitPrice`,
        message: 'must not be negative (add a credit note instead)',
      });
    if (parseDecimal(line.quantity).units === 0n)
      problems.push({ pointer: `/lines/${i}/quantity`, message: 'must not be 0' });
  });
  const outside = lines.some((l) => l.vatCategory === 'O');
  if (outside && lines.some((l) => l.vatCategory !== 'O'))
    problems.push({
      pointer: '/lines',
      message: 'lines not subject to VAT (O) cannot share an invoice with taxed or exempt lines',
    });
  return problems;
}
