import { z } from 'zod';
import { schemaWords } from '../../platform/http/validationMessages.ts';

// A budget line, as the route entering one takes it and a budget proposal carries them. No
// database code here: the reports page's budget form checks its input with this very object;
// whether the account is an income or expense account stays the command's to check.

export const budgetLineSchema = z
  .strictObject({
    account: z.string().min(1).max(200),
    fromDay: z.iso.date(),
    toDay: z.iso.date(),
    amount: z
      .string()
      .regex(/^\d{1,15}(\.\d+)?$/, schemaWords('positiveAmountLike', { example: '12000.00' })),
  })
  .refine((b) => b.toDay >= b.fromDay, {
    ...schemaWords('periodEndsBeforeStart'),
    path: ['toDay'],
  })
  .meta({ id: 'BudgetLine' });

export type BudgetLine = z.infer<typeof budgetLineSchema>;
