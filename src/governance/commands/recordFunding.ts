import { z } from 'zod';
import { findCoop } from '../../coop/queries.ts';
import { assertOrganizationExists } from '../../organizations/queries.ts';
import type { CommandContext } from '../../platform/commands.ts';
import { badRequest, conflict } from '../../platform/errors.ts';
import { lockCovering } from '../../finance/lockedPeriod.ts';
import { appendEvent } from '../../platform/events.ts';
import { currencySchema } from '../../platform/money/currency.ts';
import { authorize } from '../../platform/policy.ts';
import { parseInput } from '../../platform/validation.ts';
import { governancePolicy } from '../policy.ts';
import { funding } from '../schema.ts';

// Minor units arrive as a string of digits (JSON numbers lose precision past 2^53) or as the
// BigInt an earlier parse produced.
const minor = z
  .union([
    z.string().regex(/^\d{1,15}$/, 'an amount in minor units (cents), as a whole number'),
    z.bigint().nonnegative(),
  ])
  .transform((v) => BigInt(v));

export const fundingInputSchema = z
  .strictObject({
    organizationId: z.uuid(),
    receivedOn: z.iso.date(),
    amountMinor: minor.default(0n),
    currency: currencySchema.optional(),
    /** Required when the currency is not the co-op's: the amount at the rate of the day. */
    coopAmountMinor: minor.optional(),
    labourHours: z.number().int().min(0).max(100_000).default(0),
    note: z.string().max(500).default(''),
  })
  .meta({ id: 'FundingReceived' });

/** Money or labour received from a sponsor: what weights its vote. */
export async function recordFunding(
  ctx: CommandContext,
  input: z.input<typeof fundingInputSchema>,
) {
  authorize(
    ctx.actor,
    governancePolicy.recordFunding,
    undefined,
    'The chief economist records funding.',
  );
  const parsed = parseInput(fundingInputSchema, input);
  const coopId = ctx.actor.coopId;
  return ctx.db.transaction(async (tx) => {
    await assertOrganizationExists(tx, coopId, parsed.organizationId);
    const coopCurrency = (await findCoop(tx))!.currency;
    const currency = parsed.currency ?? coopCurrency;
    if (parsed.amountMinor === 0n && parsed.labourHours === 0)
      throw badRequest('Record an amount or labour hours.', [
        { pointer: '/amountMinor', message: 'an amount or labour hours is needed' },
      ]);
    const coopAmountMinor = currency === coopCurrency ? parsed.amountMinor : parsed.coopAmountMinor;
    if (coopAmountMinor === undefined)
      throw badRequest(`Give the amount in ${coopCurrency} on the day it was received.`, [
        {
          pointer: '/coopAmountMinor',
          message: `required when the currency is not ${coopCurrency}`,
        },
      ]);
    // Funding dated in a locked period has been counted there (a closed year's patronage).
    const lock = await lockCovering(tx, coopId, parsed.receivedOn);
    if (lock)
      throw conflict(
        `${parsed.receivedOn} lies in the locked period ${lock.fromDay} to ${lock.toDay}, whose funding has counted.`,
        [{ pointer: '/receivedOn', message: `after ${lock.toDay}, or reopen the period first` }],
      );
    const [row] = await tx
      .insert(funding)
      .values({
        coopId,
        organizationId: parsed.organizationId,
        receivedOn: parsed.receivedOn,
        amountMinor: parsed.amountMinor,
        currency,
        coopAmountMinor,
        labourHours: parsed.labourHours,
        note: parsed.note,
        recordedBy: ctx.actor.personId,
      })
      .returning({ id: funding.id });
    await appendEvent(tx, {
      coopId,
      type: 'funding.recorded',
      actorId: ctx.actor.personId,
      subjectType: 'organization',
      subjectId: parsed.organizationId,
      data: {
        fundingId: row!.id,
        receivedOn: parsed.receivedOn,
        amountMinor: parsed.amountMinor.toString(),
        currency,
        coopAmountMinor: coopAmountMinor.toString(),
        labourHours: parsed.labourHours,
      },
    });
    return { id: row!.id };
  });
}
