import { z } from 'zod';
import type { CommandContext } from '../../../platform/commands.ts';
import { appendEvent } from '../../../platform/events.ts';
import { authorize } from '../../../platform/policy.ts';
import { parseInput } from '../../../platform/validation.ts';
import { ledgerError } from '../../ledgerErrors.ts';
import { financePolicy } from '../../policy.ts';
import { assertStatus, lockBankLine, markMatched, postAgainst } from './bankLine.ts';

export const bookBankLineInputSchema = z
  .strictObject({
    /** The other side of the entry: an expense, income or other account (code or path). */
    account: z.string().trim().min(1).max(200),
    /** The entry's description; the line's own by default. */
    description: z.string().trim().min(1).max(500).optional(),
    /** For a line in another currency than the co-op's: its amount in the co-op's currency. */
    coopAmount: z
      .string()
      .regex(/^\d{1,15}(\.\d+)?$/, 'a positive amount like 920.00')
      .optional(),
  })
  .meta({ id: 'BankLineBooking' });

/**
 * Books a line nothing matched: posts the balanced entry (the bank account against the
 * account named, on the day the bank booked it) and marks the line matched to it.
 */
export async function bookBankLine(
  ctx: CommandContext,
  lineId: string,
  rawInput: z.input<typeof bookBankLineInputSchema>,
): Promise<{ id: string; number: number }> {
  authorize(ctx.actor, financePolicy.keepBooks, undefined, 'The chief economist keeps the books.');
  const input = parseInput(bookBankLineInputSchema, rawInput);
  const coopId = ctx.actor.coopId;
  try {
    return await ctx.db.transaction(async (tx) => {
      const { line, bank } = await lockBankLine(tx, coopId, lineId);
      assertStatus(line, ['unmatched', 'suggested', 'ignored'], 'booked');
      const { entry, other } = await postAgainst(tx, ctx, line, bank, {
        account: input.account,
        description: input.description,
        coopAmount: input.coopAmount,
      });
      await markMatched(tx, coopId, line.id, entry.id, line.suggestion);
      await appendEvent(tx, {
        coopId,
        type: 'ledger.bank-line-booked',
        actorId: ctx.actor.personId,
        subjectType: 'bank-line',
        subjectId: line.id,
        data: {
          entryId: entry.id,
          entryNumber: entry.number,
          account: other.path,
          bookedOn: line.bookedOn,
          amountMinor: line.amountMinor.toString(),
          currency: line.currency,
        },
      });
      return entry;
    });
  } catch (error) {
    throw ledgerError(error);
  }
}
