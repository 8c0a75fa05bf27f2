import { coopCurrency as coopCurrencyOf } from '../../coop/queries.ts';
import { lockCovering } from '../../finance/lockedPeriod.ts';
import { assertOrganizationExists } from '../../organizations/queries.ts';
import { defineCommand } from '../../platform/commands.ts';
import { badRequest, conflict } from '../../platform/errors.ts';
import { fundingInputSchema } from '../fundingInput.ts';
import { fundingRecorded } from '../fundingEvents.ts';
import { governancePolicy } from '../policy.ts';
import { funding } from '../schema.ts';

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
