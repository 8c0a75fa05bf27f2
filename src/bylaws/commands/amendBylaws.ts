import { defineCommand } from '../../platform/commands.ts';
import { conflict } from '../../platform/errors.ts';
import { entrenchedChanges } from '../decisionRules.ts';
import { amendBylawsInputSchema } from '../amendmentInput.ts';
import { checkEffectiveDay, checkFiscalYearStart } from '../effectiveDate.ts';
import { bylawsAdopted } from '../events.ts';
import { bylawsPolicy } from '../policy.ts';
import { addBylawsVersion, bylawsInForce, latestBylaws } from '../repository.ts';

/**
 * A new version recorded by an administrator (what an assembly adopted, a new fiscal year's
 * rates); the previous ones stay as they were. The entrenched parts (the pie, the dividend split,
 * the rules for decisions) change only by a vote that reaches the entrenched majority.
 */
export const amendBylaws = defineCommand({
  name: 'bylaws.amendBylaws',
  input: amendBylawsInputSchema,
  policy: bylawsPolicy.amend,
  denied: 'Only administrators record bylaw amendments.',
  events: [bylawsAdopted],
  async run(tx, input, ctx) {
    const coopId = ctx.coopId;
    const today = ctx.clock.today();
    const inForce = await bylawsInForce(tx, coopId, today);
    const entrenched = [
      ...new Set([
        ...entrenchedChanges(inForce.document, input.document),
        ...entrenchedChanges((await latestBylaws(tx, coopId)).document, input.document),
      ]),
    ];
    if (entrenched.length > 0)
      throw conflict(
        `This changes ${entrenched.join(', ')}: only a vote of the members changes them. Put the amendment to a vote.`,
      ).because('bylaws.entrenched');
    await checkFiscalYearStart(
      tx,
      coopId,
      input.document.fiscalYear.startMonth,
      inForce.document.fiscalYear.startMonth,
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
