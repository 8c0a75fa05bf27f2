import { and, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { defineCommand } from '../../platform/commands.ts';
import { conflict } from '../../platform/errors.ts';
import { quoteClosed } from '../events.ts';
import { agreementsPolicy } from '../policy.ts';
import { loadQuote } from '../repository.ts';
import { quotes } from '../schema.ts';

/** The co-op takes back a quote not yet decided; its link stops working. */
export const withdrawQuote = defineCommand({
  name: 'agreements.withdrawQuote',
  input: z.strictObject({ quoteId: z.uuid() }),
  policy: agreementsPolicy.manage,
  denied: 'Only officers and administrators withdraw quotes.',
  events: [quoteClosed],
  async run(tx, { quoteId }, ctx) {
    const quote = await loadQuote(tx, ctx.coopId, quoteId);
    const [row] = await tx
      .update(quotes)
      .set({ status: 'withdrawn', decidedAt: ctx.clock.now() })
      .where(
        and(
          eq(quotes.coopId, ctx.coopId),
          eq(quotes.id, quoteId),
          inArray(quotes.status, ['draft', 'sent']),
        ),
      )
      .returning({ id: quotes.id });
    if (!row)
      throw conflict(`Quote ${quote.number} is ${quote.status}.`).because('quote.status', {
        number: quote.number,
        quoteStatus: quote.status,
      });
    await ctx.emit(quoteClosed, quoteId, { number: quote.number, status: 'withdrawn' });
  },
});
