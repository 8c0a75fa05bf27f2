import { z } from 'zod';
import type { CommandContext } from '../../platform/commands.ts';
import { authorize } from '../../platform/policy.ts';
import { parseInput } from '../../platform/validation.ts';
import { bylawsDocumentSchema } from '../document.ts';
import { bylawsPolicy } from '../policy.ts';
import { checkEffectiveDay, checkFiscalYearStart, effectiveOnSchema } from '../effectiveDate.ts';
import { currentBylaws, insertBylawsVersion } from '../repository.ts';
import { todayUtc } from '../../platform/dates.ts';

export const amendBylawsInputSchema = z
  .strictObject({
    summary: z.string().trim().min(3).max(500),
    document: bylawsDocumentSchema,
    /** Defaults to today; a later day schedules the version (a new fiscal year's rates). */
    effectiveOn: effectiveOnSchema.optional(),
  })
  .meta({ id: 'BylawsAmendment' });

/** A new version; the previous ones stay as they were. */
export async function amendBylaws(
  ctx: CommandContext,
  input: z.input<typeof amendBylawsInputSchema>,
) {
  authorize(
    ctx.actor,
    bylawsPolicy.amend,
    undefined,
    'Only administrators record bylaw amendments.',
  );
  const parsed = parseInput(amendBylawsInputSchema, input);
  const coopId = ctx.actor.coopId;
  const version = await ctx.db.transaction(async (tx) => {
    await checkFiscalYearStart(
      tx,
      coopId,
      parsed.document.fiscalYear.startMonth,
      (await currentBylaws(tx, coopId)).document.fiscalYear.startMonth,
      '/document/fiscalYear/startMonth',
    );
    const day = await checkEffectiveDay(
      tx,
      coopId,
      parsed.effectiveOn ?? todayUtc(),
      '/effectiveOn',
    );
    return insertBylawsVersion(
      tx,
      coopId,
      parsed.document,
      parsed.summary,
      ctx.actor.personId,
      day,
    );
  });
  return { version };
}
