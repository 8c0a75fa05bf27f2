import { z } from 'zod';
import type { CommandContext } from '../../platform/commands.ts';
import { authorize } from '../../platform/policy.ts';
import { parseInput } from '../../platform/validation.ts';
import { bylawsDocumentSchema } from '../document.ts';
import { bylawsPolicy } from '../policy.ts';
import { effectiveDay, effectiveOnSchema } from '../effectiveDate.ts';
import { insertBylawsVersion, todayUtc } from '../repository.ts';

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
  const version = await ctx.db.transaction(async (tx) =>
    insertBylawsVersion(
      tx,
      ctx.actor.coopId,
      parsed.document,
      parsed.summary,
      ctx.actor.personId,
      await effectiveDay(tx, ctx.actor.coopId, parsed.effectiveOn, todayUtc(), '/effectiveOn'),
    ),
  );
  return { version };
}
