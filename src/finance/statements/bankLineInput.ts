import { z } from 'zod';
import { schemaWords } from '../../platform/http/validationMessages.ts';

// What the routes booking or ignoring a bank line take. No database code here: the bank page's
// forms check their input with these very objects; whether the line may still be booked and the
// account exists stay the commands' to check.

export const bookBankLineInputSchema = z
  .strictObject({
    /** The other side of the entry: an expense, income or other account (code or path). */
    account: z.string().trim().min(1).max(200),
    /** The entry's description; the line's own by default. */
    description: z.string().trim().min(1).max(500).optional(),
    /** For a line in another currency than the co-op's: its amount in the co-op's currency. */
    coopAmount: z
      .string()
      .regex(/^\d{1,15}(\.\d+)?$/, schemaWords('positiveAmountLike', { example: '920.00' }))
      .optional(),
  })
  .meta({ id: 'BankLineBooking' });

export const ignoreBankLineInputSchema = z
  .strictObject({ reason: z.string().trim().max(500).default('') })
  .meta({ id: 'BankLineIgnore' });
