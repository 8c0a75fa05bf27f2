import { z } from 'zod';
import { defineCommand } from '../../platform/commands.ts';
import { fundingRecorded } from '../fundingEvents.ts';
import { governancePolicy } from '../policy.ts';
import { funding } from '../schema.ts';

const minor = z.union([z.bigint(), z.string().regex(/^\d+$/)]).transform((v) => BigInt(v));

/**
 * The funding a sponsor payment booked in the ledger brings: finance runs this inside the
 * payment's transaction, so the vote weight and the books never disagree.
 */
export const recordLedgerFunding = defineCommand({
  name: 'governance.recordLedgerFunding',
  input: z.strictObject({
    organizationId: z.uuid(),
    receivedOn: z.iso.date(),
    amountMinor: minor,
    currency: z.string().length(3),
    coopAmountMinor: minor,
    entryId: z.uuid(),
    note: z.string().max(500).default(''),
  }),
  policy: governancePolicy.recordFunding,
  denied: 'The chief economist records funding.',
  events: [fundingRecorded],
  async run(tx, input, ctx) {
    const [row] = await tx
      .insert(funding)
      .values({
        coopId: ctx.coopId,
        organizationId: input.organizationId,
        receivedOn: input.receivedOn,
        amountMinor: input.amountMinor,
        currency: input.currency,
        coopAmountMinor: input.coopAmountMinor,
        source: 'ledger',
        sourceRef: input.entryId,
        recordedBy: ctx.actor.personId,
        note: input.note,
      })
      .returning({ id: funding.id });
    await ctx.emit(fundingRecorded, input.organizationId, {
      fundingId: row!.id,
      receivedOn: input.receivedOn,
      amountMinor: input.amountMinor.toString(),
      currency: input.currency,
      coopAmountMinor: input.coopAmountMinor.toString(),
      labourHours: 0,
      entryId: input.entryId,
    });
    return { id: row!.id };
  },
});
