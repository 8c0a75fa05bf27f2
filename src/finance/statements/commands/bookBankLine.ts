import { z } from 'zod';
import { defineCommand } from '../../../platform/commands.ts';
import { entryPosted } from '../../events.ts';
import { ledgerError } from '../../ledgerErrors.ts';
import { financePolicy } from '../../policy.ts';
import { bankLineBooked } from '../events.ts';
import { assertStatus, lockBankLine, markMatched, postAgainst } from './bankLine.ts';
import { bookBankLineInputSchema } from '../bankLineInput.ts';

/**
 * Books a line nothing matched: posts the balanced entry (the bank account against the
 * account named, on the day the bank booked it) and marks the line matched to it.
 */
export const bookBankLine = defineCommand({
  name: 'finance.bookBankLine',
  input: z.strictObject({ lineId: z.uuid(), booking: bookBankLineInputSchema }),
  policy: financePolicy.keepBooks,
  denied: 'The chief economist keeps the books.',
  events: [entryPosted, bankLineBooked],
  async run(tx, { lineId, booking: input }, ctx): Promise<{ id: string; number: number }> {
    const { line, bank } = await lockBankLine(tx, ctx.coopId, lineId);
    assertStatus(line, ['unmatched', 'suggested', 'ignored'], 'book');
    const { entry, other } = await postAgainst(tx, ctx, line, bank, {
      account: input.account,
      description: input.description,
      coopAmount: input.coopAmount,
    });
    await markMatched(tx, ctx, line.id, entry.id, line.suggestion);
    await ctx.emit(bankLineBooked, line.id, {
      entryId: entry.id,
      entryNumber: entry.number,
      account: other.path,
      bookedOn: line.bookedOn,
      amountMinor: line.amountMinor.toString(),
      currency: line.currency,
    });
    return entry;
  },
  mapError: ledgerError,
});
