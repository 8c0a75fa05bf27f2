import type { AccountType } from './schema.ts';

/**
 * The co-op chart of accounts new co-ops start from; editable afterwards. Codes follow the
 * usual blocks (1 assets, 2 liabilities, 3 equity, 4 income, 5-6 expenses).
 */
export const coopChartTemplate: { code: string; path: string; type: AccountType }[] = [
  { code: '1000', path: 'assets', type: 'asset' },
  { code: '1100', path: 'assets:bank', type: 'asset' },
  { code: '1110', path: 'assets:bank:operating', type: 'asset' },
  { code: '1200', path: 'assets:receivables', type: 'asset' },
  { code: '2000', path: 'liabilities', type: 'liability' },
  { code: '2100', path: 'liabilities:payables', type: 'liability' },
  { code: '2200', path: 'liabilities:vat', type: 'liability' },
  { code: '2300', path: 'liabilities:patronage-payable', type: 'liability' },
  { code: '3000', path: 'equity', type: 'equity' },
  { code: '3100', path: 'equity:reserves', type: 'equity' },
  { code: '3200', path: 'equity:member-capital', type: 'equity' },
  { code: '3300', path: 'equity:retained-surplus', type: 'equity' },
  { code: '3900', path: 'equity:opening-balances', type: 'equity' },
  { code: '4000', path: 'income', type: 'income' },
  { code: '4100', path: 'income:sponsorship', type: 'income' },
  { code: '4200', path: 'income:grants', type: 'income' },
  { code: '4300', path: 'income:services', type: 'income' },
  { code: '4400', path: 'income:donations', type: 'income' },
  { code: '4900', path: 'income:exchange-gains', type: 'income' },
  { code: '5000', path: 'expenses', type: 'expense' },
  { code: '5100', path: 'expenses:salaries', type: 'expense' },
  { code: '5200', path: 'expenses:infrastructure', type: 'expense' },
  { code: '5300', path: 'expenses:events', type: 'expense' },
  { code: '5400', path: 'expenses:travel', type: 'expense' },
  { code: '5500', path: 'expenses:fees', type: 'expense' },
  { code: '5900', path: 'expenses:exchange-losses', type: 'expense' },
];
