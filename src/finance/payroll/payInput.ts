import { z } from 'zod';
import { schemaWords } from '../../platform/http/validationMessages.ts';
import { currencySchema } from '../../platform/money/currency.ts';
import { monthSchema } from './months.ts';

// What the pay routes take: a salary change and a month's run. No database code here: the pay
// page's forms check their input with these very objects.

const decimal = z
  .string()
  .trim()
  .regex(/^\d{1,15}(\.\d+)?$/, schemaWords('amountLike', { example: '5200.00' }));

export const salaryInputSchema = z
  .strictObject({
    personId: z.uuid(),
    /** Gross pay per month, a decimal string. */
    grossMonthly: decimal,
    /** The employer's own costs per month on top of the gross (social contributions...). */
    employerCostMonthly: decimal,
    /** The co-op's currency; another is refused, as the payroll posts without exchange rates. */
    currency: currencySchema.optional(),
    effectiveFrom: z.iso.date(),
  })
  .meta({ id: 'SalaryChange' });

export const payrollRunInputSchema = z
  .strictObject({ month: monthSchema })
  .meta({ id: 'PayrollRun' });
