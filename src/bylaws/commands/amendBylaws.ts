import { z } from 'zod';
import { defineCommand } from '../../platform/commands.ts';
import { bylawsDocumentSchema } from '../document.ts';
import { checkEffectiveDay, checkFiscalYearStart, effectiveOnSchema } from '../effectiveDate.ts';
import { bylawsAdopted } from '../events.ts';
import { bylawsPolicy } from '../policy.ts';
import { addBylawsVersion, bylawsInForce } from '../repository.ts';

export const amendBylawsInputSchema = z
  .strictObject({
    summary: z.string().trim().min(3).max(500),
    document: bylawsDocumentSchema,
    /** Defaults to today; a later day schedules the version (a new fiscal year's rates). */
    effectiveOn: effectiveOnSchema.optional(),
  })
  .meta({ id: 'BylawsAmendment' });

/** A new version recorded by an administrator; the previous ones stay as they were. */
export const amendBylaws = defineCommand({
  name: 'bylaws.amendBylaws',
  input: amendBylawsInputSchema,
  policy: bylawsPolicy.amend,
  denied: 'Only administrators record bylaw amendments.',
  events: [bylawsAdopted],
  async run(tx, input, ctx) {
    const coopId = ctx.coopId;
    const today = ctx.clock.today();
    await checkFiscalYearStart(
      tx,
      coopId,
      input.document.fiscalYear.startMonth,
      (await bylawsInForce(tx, coopId, today)).document.fiscalYear.startMonth,
      '/document/fiscalYear/startMonth',
    );
    const effectiveOn = await checkEffectiveDay(
      tx,
      coopId,
      input.effectiveOn ?? today,
      '/effectiveOn',
      ctx.clock,
    );
    const version = await addBylawsVersion(tx, ctx, {
      document: input.document,
      summary: input.summary,
      effectiveOn,
    });
    return { version };
  },
});
