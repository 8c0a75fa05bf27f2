import { z } from 'zod';
import { coopCurrency as coopCurrencyOf } from '../../coop/queries.ts';
import { lockCovering } from '../../finance/lockedPeriod.ts';
import { assertOrganizationExists } from '../../organizations/queries.ts';
import { defineCommand } from '../../platform/commands.ts';
import { badRequest, conflict } from '../../platform/errors.ts';
import { currencySchema } from '../../platform/money/currency.ts';
import { fundingRecorded } from '../fundingEvents.ts';
import { governancePolicy } from '../policy.ts';
import { funding } from '../schema.ts';
import { schemaWords } from '../../platform/http/validationMessages.ts';

// Minor units arrive as a string of digits (JSON numbers lose precision past 2^53) or as the
// BigInt an earlier parse produced.
const minor = z
  .union([z.string().regex(/^\d{1,15}$/, schemaWords('minorUnitsWhole')), z.bigint().nonnegative()])
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

/** Money or labour received from a sponsor, recorded by hand: what weights its vote. */
export const recordFunding = defineCommand({
  name: 'governance.recordFunding',
  input: fundingInputSchema,
  policy: governancePolicy.recordFunding,
  denied: 'The chief economist records funding.',
  events: [fundingRecorded],
  async run(tx, input, ctx) {
    const coopId = ctx.coopId;
    await assertOrganizationExists(tx, coopId, input.organizationId);
    const coopCurrency = await coopCurrencyOf(tx, coopId);
    const currency = input.currency ?? coopCurrency;
    if (input.amountMinor === 0n && input.labourHours === 0)
      throw badRequest('Record an amount or labour hours.', [
        { pointer: '/amountMinor', message: 'an amount or labour hours is needed' },
      ]).because('funding.nothing');
    const coopAmountMinor = currency === coopCurrency ? input.amountMinor : input.coopAmountMinor;
    if (coopAmountMinor === undefined)
      throw badRequest(`Give the amount in ${coopCurrency} on the day it was received.`, [
        {
          pointer: '/coopAmountMinor',
          message: `required when the currency is not ${coopCurrency}`,
        },
      ]).because('funding.coop-amount-needed', { coopCurrency });
    // Funding dated in a locked period has been counted there (a closed year's patronage).
    const lock = await lockCovering(tx, coopId, input.receivedOn);
    if (lock)
      throw conflict(
        `${input.receivedOn} lies in the locked period ${lock.fromDay} to ${lock.toDay}, whose funding has counted.`,
        [{ pointer: '/receivedOn', message: `after ${lock.toDay}, or reopen the period first` }],
      ).because('period.locked', {
        day: input.receivedOn,
        fromDay: lock.fromDay,
        toDay: lock.toDay,
      });
    const [row] = await tx
      .insert(funding)
      .values({
        coopId,
        organizationId: input.organizationId,
        receivedOn: input.receivedOn,
        amountMinor: input.amountMinor,
        currency,
        coopAmountMinor,
        labourHours: input.labourHours,
        note: input.note,
        recordedBy: ctx.actor.personId,
      })
      .returning({ id: funding.id });
    await ctx.emit(fundingRecorded, input.organizationId, {
      fundingId: row!.id,
      receivedOn: input.receivedOn,
      amountMinor: input.amountMinor.toString(),
      currency,
      coopAmountMinor: coopAmountMinor.toString(),
      labourHours: input.labourHours,
    });
    return { id: row!.id };
  },
});
