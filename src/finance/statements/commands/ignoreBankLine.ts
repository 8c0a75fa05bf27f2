import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { CommandContext } from '../../../platform/commands.ts';
import { appendEvent } from '../../../platform/events.ts';
import { authorize } from '../../../platform/policy.ts';
import { parseInput } from '../../../platform/validation.ts';
import { financePolicy } from '../../policy.ts';
import { bankLines } from '../../schema.ts';
import { assertStatus, lockBankLine } from './bankLine.ts';

export const ignoreBankLineInputSchema = z
  .strictObject({ reason: z.string().trim().max(500).default('') })
  .meta({ id: 'BankLineIgnore' });

/** Takes a line out of the review queue without booking it (already booked another way...). */
export async function ignoreBankLine(
  ctx: CommandContext,
  lineId: string,
  rawInput: z.input<typeof ignoreBankLineInputSchema> = {},
): Promise<void> {
  authorize(ctx.actor, financePolicy.keepBooks, undefined, 'The chief economist keeps the books.');
  const { reason } = parseInput(ignoreBankLineInputSchema, rawInput);
  const coopId = ctx.actor.coopId;
  await ctx.db.transaction(async (tx) => {
    const { line } = await lockBankLine(tx, coopId, lineId);
    assertStatus(line, ['unmatched', 'suggested'], 'ignored');
    await tx
      .update(bankLines)
      .set({ status: 'ignored' })
      .where(and(eq(bankLines.coopId, coopId), eq(bankLines.id, line.id)));
    await appendEvent(tx, {
      coopId,
      type: 'ledger.bank-line-ignored',
      actorId: ctx.actor.personId,
      subjectType: 'bank-line',
      subjectId: line.id,
      data: {
        reason,
        was: line.status,
        bookedOn: line.bookedOn,
        amountMinor: line.amountMinor.toString(),
        currency: line.currency,
      },
    });
  });
}
