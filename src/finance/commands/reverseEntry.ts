import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { coopCurrency as currencyOf } from '../../coop/queries.ts';
import { defineCommand } from '../../platform/commands.ts';
import { isUniqueViolation } from '../../platform/db/errors.ts';
import { conflict, notFound } from '../../platform/errors.ts';
import { entryPosted } from '../events.ts';
import { ledgerError } from '../ledgerErrors.ts';
import { financePolicy } from '../policy.ts';
import { reversalInputSchema } from '../reversalInput.ts';
import { accounts, journalEntries, postings } from '../schema.ts';
import { followReversal, followReversalEvents } from './followReversal.ts';
import { insertEntry } from './postEntry.ts';
import { entryFact } from '../entryFacts.ts';
import { formatAmount } from '../../platform/money/amount.ts';

/**
 * The correction of a posted entry: its mirror image, linked to it; an entry reverses once.
 * What the entry settled follows in the same transaction (`followReversal`): a claim it paid
 * is payable again, a sponsor payment's funding row is cancelled, a bank line it settled
 * returns to the review queue.
 */
export const reverseEntry = defineCommand({
  name: 'finance.reverseEntry',
  input: z.strictObject({ entryId: z.uuid(), reversal: reversalInputSchema }),
  policy: financePolicy.keepBooks,
  events: [entryPosted, ...followReversalEvents],
  async run(tx, { entryId, reversal: { reason, effectiveOn } }, ctx) {
    const coopId = ctx.coopId;
    const [entry] = await tx
      .select()
      .from(journalEntries)
      .where(and(eq(journalEntries.coopId, coopId), eq(journalEntries.id, entryId)));
    if (!entry) throw notFound('This journal entry');
    if (entry.reversesEntryId)
      throw conflict('This entry is itself a reversal; post a new entry instead.').because(
        'entry.is-reversal',
      );
    // Members were sent notices of this split; undoing half of it would leave them wrong.
    if (entry.kind === 'year-end-close' || entry.kind === 'dividend')
      throw conflict(
        'A year-end close and its dividends stand together; they are not reversed entry by entry.',
      ).because('entry.year-end');
    const lines = await tx
      .select({
        path: accounts.path,
        amountMinor: postings.amountMinor,
        currency: postings.currency,
        coopAmountMinor: postings.coopAmountMinor,
        memo: postings.memo,
        memoFact: postings.memoFact,
      })
      .from(postings)
      .innerJoin(accounts, eq(accounts.id, postings.accountId))
      .where(and(eq(postings.coopId, coopId), eq(postings.entryId, entryId)));
    const coopCurrency = await currencyOf(tx, coopId);
    const reversal = await insertEntry(
      tx,
      ctx,
      {
        effectiveOn: effectiveOn ?? ctx.clock.today(),
        kind: 'reversal',
        description: `Reversal of entry ${entry.number}: ${reason}`,
        fact: entryFact('reversal', { number: entry.number, reason }),
        sourceType: entry.sourceType ?? undefined,
        sourceId: entry.sourceId ?? undefined,
        postings: lines.map((l) => ({
          account: l.path,
          amount: formatAmount(-l.amountMinor, l.currency),
          currency: l.currency,
          ...(l.currency === coopCurrency
            ? {}
            : { coopAmount: formatAmount(-l.coopAmountMinor, coopCurrency) }),
          memo: l.memo,
          memoFact: l.memoFact,
        })),
      },
      { reversesEntryId: entryId },
    );
    await followReversal(tx, ctx, {
      entry: { id: entry.id, number: entry.number },
      organizationId: entry.sourceType === 'organization' ? entry.sourceId : null,
      reversal,
      reason,
    });
    return reversal;
  },
  mapError: (error) =>
    isUniqueViolation(error)
      ? conflict('This entry has already been reversed.').because('entry.reversed')
      : ledgerError(error),
});
