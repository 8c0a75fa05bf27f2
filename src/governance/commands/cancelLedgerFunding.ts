import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { lockCovering } from '../../finance/lockedPeriod.ts';
import { defineCommand } from '../../platform/commands.ts';
import { conflict } from '../../platform/errors.ts';
import { fundingReversed } from '../fundingEvents.ts';
import { governancePolicy } from '../policy.ts';
import { selectFundingRows } from '../queries.ts';
import { funding } from '../schema.ts';

const entryRef = z.strictObject({ id: z.uuid(), number: z.number().int() });

/**
 * A reversed sponsor payment no longer counts: a counter-row per funding row its entry
 * recorded, so the history stays and the sum is zero. Funding in a locked period has counted
 * already (a closed year's dividends): then the reversal waits for the period to reopen.
 */
export const cancelLedgerFunding = defineCommand({
  name: 'governance.cancelLedgerFunding',
  input: z.strictObject({ entry: entryRef, reversal: entryRef, reason: z.string() }),
  policy: governancePolicy.recordFunding,
  denied: 'The chief economist records funding.',
  events: [fundingReversed],
  async run(tx, { entry, reversal, reason }, ctx) {
    const coopId = ctx.coopId;
    const rows = await selectFundingRows(tx).where(
      and(
        eq(funding.coopId, coopId),
        eq(funding.source, 'ledger'),
        eq(funding.sourceRef, entry.id),
      ),
    );
    for (const row of rows) {
      const lock = await lockCovering(tx, coopId, row.receivedOn);
      if (lock)
        throw conflict(
          `The sponsor payment of ${row.organizationName} received on ${row.receivedOn} lies in the locked period ${lock.fromDay} to ${lock.toDay}, where its funding has counted. Reopen the period to reverse it, or book a refund as a new entry.`,
        ).because('funding.payment-in-locked-period', {
          organization: row.organizationName,
          receivedOn: row.receivedOn,
          fromDay: lock.fromDay,
          toDay: lock.toDay,
        });
    }
    for (const row of rows) {
      const [counter] = await tx
        .insert(funding)
        .values({
          coopId,
          organizationId: row.organizationId,
          receivedOn: row.receivedOn,
          amountMinor: -row.amountMinor,
          currency: row.currency,
          coopAmountMinor: -row.coopAmountMinor,
          labourHours: -row.labourHours,
          source: 'ledger',
          sourceRef: reversal.id,
          recordedBy: ctx.actor.personId,
          note: `Reversal of entry #${entry.number} (entry #${reversal.number}): ${reason}`,
        })
        .returning({ id: funding.id });
      await ctx.emit(fundingReversed, row.organizationId, {
        fundingId: counter!.id,
        reversesFundingId: row.id,
        entryId: entry.id,
        reversalEntryId: reversal.id,
        receivedOn: row.receivedOn,
        amountMinor: (-row.amountMinor).toString(),
        currency: row.currency.trim(),
        coopAmountMinor: (-row.coopAmountMinor).toString(),
        reason,
      });
    }
    return { cancelled: rows.length };
  },
});
