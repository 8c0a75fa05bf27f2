import { and, eq, or, sql } from 'drizzle-orm';
import { cancelLedgerFunding } from '../../governance/commands/cancelLedgerFunding.ts';
import { getOrganization } from '../../organizations/queries.ts';
import { runCommand, type RunContext } from '../../platform/commands.ts';
import type { Tx } from '../../platform/db/database.ts';
import { claimPaymentReversed } from '../expenses/events.ts';
import { bankLines, expenseClaims } from '../schema.ts';
import { bankLineReopened } from '../statements/events.ts';
import { matchFact, reasonOf } from '../statements/matchFacts.ts';
import type { Suggestion } from '../statements/matching.ts';

/** An entry just reversed, and the reversal that undid it. */
export interface ReversedEntry {
  entry: { id: string; number: number };
  /** The organization whose payment the entry recorded (`sourceType` organization), if any. */
  organizationId: string | null;
  reversal: { id: string; number: number };
  reason: string;
}

/** The events `followReversal` appends: the reversing command declares them. */
export const followReversalEvents = [claimPaymentReversed, bankLineReopened] as const;

/**
 * What a reversed entry settled follows the books, in the reversal's transaction: the expense
 * claim it paid is approved again (payable again, its approvals kept), the funding it recorded
 * is cancelled by governance (`cancelLedgerFunding`, a counter-row per row), and a bank line it
 * settled goes back to the review queue, offering to pay the claim or record the sponsor
 * payment again. An entry that settled nothing changes nothing: only records pointing at this
 * very entry are touched.
 */
export async function followReversal(
  tx: Tx,
  ctx: RunContext,
  reversed: ReversedEntry,
): Promise<void> {
  const claim = await reopenClaim(tx, ctx, reversed);
  const sponsor = await cancelFunding(tx, ctx, reversed);
  const { entry, reversal } = reversed;
  const offer: Suggestion | null = claim
    ? {
        type: 'expense-claim',
        claimId: claim.id,
        claimTitle: claim.title,
        ...reasonOf(
          matchFact('claim-payment-reversed', {
            entryNumber: entry.number,
            reversalNumber: reversal.number,
            claimTitle: claim.title,
          }),
        ),
      }
    : sponsor
      ? {
          type: 'sponsor-payment',
          organizationId: sponsor.id,
          organizationName: sponsor.name,
          ...reasonOf(
            matchFact('sponsor-payment-reversed', {
              entryNumber: entry.number,
              reversalNumber: reversal.number,
              organizationName: sponsor.name,
            }),
          ),
        }
      : null;
  await reopenBankLines(tx, ctx, reversed, offer);
}

/** The claim this entry paid goes back to approved; its approvals stay. */
async function reopenClaim(tx: Tx, ctx: RunContext, { entry, reversal, reason }: ReversedEntry) {
  const { coopId } = ctx;
  const [claim] = await tx
    .update(expenseClaims)
    .set({ status: 'approved', paidEntryId: null })
    .where(
      and(
        eq(expenseClaims.coopId, coopId),
        eq(expenseClaims.paidEntryId, entry.id),
        eq(expenseClaims.status, 'paid'),
      ),
    )
    .returning({ id: expenseClaims.id, title: expenseClaims.title });
  if (!claim) return undefined;
  await ctx.emit(claimPaymentReversed, claim.id, {
    entryId: entry.id,
    entryNumber: entry.number,
    reversalEntryId: reversal.id,
    reversalEntryNumber: reversal.number,
    reason,
    status: 'approved',
  });
  return claim;
}

/**
 * The funding rows this entry recorded (a sponsor payment's) are cancelled by counter-rows
 * pointing at the reversal, by governance, whose rows they are. A counter-row keeps the day the
 * payment was received, so the pair adds up to nothing in every window a weight or a report
 * reads: the sponsor's vote weight, the concentration report and the year's patronage no
 * longer count the payment, and never count less than nothing either. Funding dated in a
 * locked period has counted already: governance refuses, and the reversal rolls back.
 */
async function cancelFunding(
  tx: Tx,
  ctx: RunContext,
  { entry, reversal, reason, organizationId }: ReversedEntry,
) {
  const { cancelled } = await runCommand(
    cancelLedgerFunding,
    { entry, reversal, reason },
    { ...ctx, tx },
  );
  if (cancelled === 0 || !organizationId) return undefined;
  const organization = await getOrganization(tx, ctx.coopId, organizationId);
  return { id: organizationId, name: organization.displayName };
}

/**
 * A bank line this entry settled, or that was offered this entry, waits in the review queue
 * again: suggested with the offer given (pay the claim again, record the sponsor payment
 * again), or unmatched, to be booked or ignored. The money did move: the line stays.
 */
async function reopenBankLines(
  tx: Tx,
  ctx: RunContext,
  { entry, reversal }: ReversedEntry,
  offer: Suggestion | null,
) {
  const { coopId } = ctx;
  const lines = await tx
    .select({ id: bankLines.id, status: bankLines.status })
    .from(bankLines)
    .where(
      and(
        eq(bankLines.coopId, coopId),
        or(
          eq(bankLines.matchedEntryId, entry.id),
          and(
            eq(bankLines.status, 'suggested'),
            sql`${bankLines.suggestion}->>'entryId' = ${entry.id}`,
          ),
        ),
      ),
    )
    .for('update');
  const status = offer ? 'suggested' : 'unmatched';
  for (const line of lines) {
    await tx
      .update(bankLines)
      .set({ status, suggestion: offer, matchedEntryId: null, matchedAt: null })
      .where(and(eq(bankLines.coopId, coopId), eq(bankLines.id, line.id)));
    await ctx.emit(bankLineReopened, line.id, {
      was: line.status,
      status,
      offer: offer?.type ?? null,
      entryId: entry.id,
      entryNumber: entry.number,
      reversalEntryId: reversal.id,
      reversalEntryNumber: reversal.number,
    });
  }
}
