import { assertOrganizationExists } from '../../organizations/queries.ts';
import { defineCommand } from '../../platform/commands.ts';
import { badRequest } from '../../platform/errors.ts';
import { formatAmount } from '../../platform/money/amount.ts';
import { quoteDrafted } from '../events.ts';
import { termTotalMinor } from '../lines.ts';
import { agreementsPolicy } from '../policy.ts';
import { quoteTermsSchema } from '../input.ts';
import { buildLines, nextNumber } from '../quoteInput.ts';
import { quotes } from '../schema.ts';

export function assertValidFromToday(validUntil: string, today: string): void {
  if (validUntil < today)
    throw badRequest(`The quote would already have expired (${validUntil}).`, [
      { pointer: '/validUntil', message: `must be today (${today}) or later` },
    ]).because('quote.valid-until-past', { validUntil, today });
}

/** A draft quote: lines from tiers or custom, its validity and the terms it proposes. */
export const draftQuote = defineCommand({
  name: 'agreements.draftQuote',
  input: quoteTermsSchema,
  policy: agreementsPolicy.manage,
  denied: 'Only officers and administrators write quotes.',
  events: [quoteDrafted],
  async run(tx, input, ctx) {
    await assertOrganizationExists(tx, ctx.coopId, input.organizationId);
    assertValidFromToday(input.validUntil, ctx.clock.today());
    const built = await buildLines(tx, ctx.coopId, input);
    const number = await nextNumber(tx, ctx.coopId, 'quotes', 'Q');
    const [row] = await tx
      .insert(quotes)
      .values({
        coopId: ctx.coopId,
        number,
        organizationId: input.organizationId,
        title: input.title,
        currency: built.currency,
        validUntil: input.validUntil,
        startsOn: input.startsOn,
        termMonths: input.termMonths,
        billingPeriodMonths: built.billingPeriodMonths,
        autoRenew: input.autoRenew,
        noticeDays: input.noticeDays,
        lines: built.lines,
        notes: input.notes,
        createdBy: ctx.actor.personId,
      })
      .returning({ id: quotes.id });
    await ctx.emit(quoteDrafted, row!.id, {
      number,
      organizationId: input.organizationId,
      currency: built.currency,
      termTotal: formatAmount(
        termTotalMinor(built.lines, input.termMonths, built.billingPeriodMonths),
        built.currency,
      ),
      validUntil: input.validUntil,
    });
    return { id: row!.id, number };
  },
});
