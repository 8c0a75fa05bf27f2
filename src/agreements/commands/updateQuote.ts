import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { assertOrganizationExists } from '../../organizations/queries.ts';
import { defineCommand } from '../../platform/commands.ts';
import { conflict } from '../../platform/errors.ts';
import { formatAmount } from '../../platform/money/amount.ts';
import { quoteUpdated } from '../events.ts';
import { termTotalMinor } from '../lines.ts';
import { agreementsPolicy } from '../policy.ts';
import { quoteTermsSchema } from '../input.ts';
import { buildLines } from '../quoteInput.ts';
import { loadQuote } from '../repository.ts';
import { quotes } from '../schema.ts';
import { assertValidFromToday } from './draftQuote.ts';

/**
 * Rewrites a quote not yet decided. A sent quote goes back to draft: its link stops working, and
 * sending it again renders a new version.
 */
export const updateQuote = defineCommand({
  name: 'agreements.updateQuote',
  input: z.strictObject({ quoteId: z.uuid(), terms: quoteTermsSchema }),
  policy: agreementsPolicy.manage,
  denied: 'Only officers and administrators write quotes.',
  events: [quoteUpdated],
  async run(tx, { quoteId, terms }, ctx) {
    const quote = await loadQuote(tx, ctx.coopId, quoteId, { forUpdate: true });
    if (quote.status !== 'draft' && quote.status !== 'sent')
      throw conflict(`Quote ${quote.number} is ${quote.status}: draft a new one.`).because(
        'quote.not-draft',
        { number: quote.number, quoteStatus: quote.status },
      );
    await assertOrganizationExists(tx, ctx.coopId, terms.organizationId);
    assertValidFromToday(terms.validUntil, ctx.clock.today());
    const built = await buildLines(tx, ctx.coopId, terms);
    await tx
      .update(quotes)
      .set({
        organizationId: terms.organizationId,
        title: terms.title,
        currency: built.currency,
        validUntil: terms.validUntil,
        startsOn: terms.startsOn,
        termMonths: terms.termMonths,
        billingPeriodMonths: built.billingPeriodMonths,
        autoRenew: terms.autoRenew,
        noticeDays: terms.noticeDays,
        lines: built.lines,
        notes: terms.notes,
        status: 'draft',
        acceptTokenHash: null,
        documentVersionId: null,
      })
      .where(and(eq(quotes.coopId, ctx.coopId), eq(quotes.id, quoteId)));
    await ctx.emit(quoteUpdated, quoteId, {
      number: quote.number,
      termTotal: formatAmount(
        termTotalMinor(built.lines, terms.termMonths, built.billingPeriodMonths),
        built.currency,
      ),
    });
  },
});
