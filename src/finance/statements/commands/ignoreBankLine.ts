import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { defineCommand } from '../../../platform/commands.ts';
import { financePolicy } from '../../policy.ts';
import { bankLines } from '../../schema.ts';
import { ignoreBankLineInputSchema } from '../bankLineInput.ts';
import { bankLineIgnored } from '../events.ts';
import { assertStatus, lockBankLine } from './bankLine.ts';

/** Takes a line out of the review queue without booking it (already booked another way...). */
export const ignoreBankLine = defineCommand({
  name: 'finance.ignoreBankLine',
  input: z.strictObject({
    lineId: z.uuid(),
    ignoring: ignoreBankLineInputSchema.prefault({}),
  }),
  policy: financePolicy.keepBooks,
  denied: 'The chief economist keeps the books.',
  events: [bankLineIgnored],
  async run(tx, { lineId, ignoring: { reason } }, ctx): Promise<void> {
    const coopId = ctx.coopId;
    const { line } = await lockBankLine(tx, coopId, lineId);
    assertStatus(line, ['unmatched', 'suggested'], 'ignore');
    await tx
      .update(bankLines)
      .set({ status: 'ignored' })
      .where(and(eq(bankLines.coopId, coopId), eq(bankLines.id, line.id)));
    await ctx.emit(bankLineIgnored, line.id, {
      reason,
      was: line.status,
      bookedOn: line.bookedOn,
      amountMinor: line.amountMinor.toString(),
      currency: line.currency,
    });
  },
});
