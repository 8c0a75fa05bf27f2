import { and, eq, or, sql } from 'drizzle-orm';
import { selectFundingRows } from '../../governance/queries.ts';
import { funding } from '../../governance/schema.ts';
import type { Executor } from '../../platform/db/database.ts';
import { conflict } from '../../platform/errors.ts';
import { appendEvent } from '../../platform/events.ts';
import { lockCovering } from '../lockedPeriod.ts';
import { bankLines, expenseClaims } from '../schema.ts';
import type { Suggestion } from '../statements/matching.ts';

/** An entry just reversed, and the reversal that undid it. */
export interface ReversedEntry {
  entry: { id: string; number: number };
  reversal: { id: string; number: number };
  reason: string;
}

/**
 * What a reversed entry settled follows the books, in the reversal's transaction: the expense
 * claim it paid is approved again (payable again, its approvals kept), the funding row it
 * recorded is cancelled by a counter-row, and a bank line it settled goes back to the review
 * queue, offering to pay the claim or record the sponsor payment again. An entry that settled
 * nothing changes nothing: only records pointing at this very entry are touched.
 */
export async function followReversal(
  tx: Executor,
  coopId: string,
  actorId: string | null,
  reversed: ReversedEntry,
): Promise<void> {
  const claim = await reopenClaim(tx, coopId, actorId, reversed);
  const sponsor = await cancelFunding(tx, coopId, actorId, reversed);
  const { entry, reversal } = reversed;
  const undone = `entry #${entry.number}`;
  const offer: Suggestion | null = claim
    ? {
        type: 'expense-claim',
        claimId: claim.id,
        claimTitle: claim.title,
        reason: `${undone}, which paid the expense claim “${claim.title}”, was reversed (entry #${reversal.number}): confirming pays the claim again`,
      }
    : sponsor
      ? {
          type: 'sponsor-payment',
          organizationId: sponsor.id,
          organizationName: sponsor.name,
          reason: `${undone}, the sponsor payment of ${sponsor.name}, was reversed (entry #${reversal.number}): confirming records the payment again`,
        }
      : null;
  await reopenBankLines(tx, coopId, actorId, reversed, offer);
}

/** The claim this entry paid goes back to approved; its approvals stay. */
async function reopenClaim(
  tx: Executor,
  coopId: string,
  actorId: string | null,
  { entry, reversal, reason }: ReversedEntry,
) {
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
  await appendEvent(tx, {
    coopId,
    type: 'expense.claim-payment-reversed',
    actorId,
    subjectType: 'expense-claim',
    subjectId: claim.id,
    data: {
      entryId: entry.id,
      entryNumber: entry.number,
      reversalEntryId: reversal.id,
      reversalEntryNumber: reversal.number,
      reason,
      status: 'approved',
    },
  });
  return claim;
}

/**
 * The funding rows this entry recorded (a sponsor payment's) are cancelled by counter-rows
 * pointing at the reversal. A counter-row keeps the day the payment was received, so the pair
 * adds up to nothing in every window a weight or a report reads: the sponsor's vote weight,
 * the concentration report and the year's patronage no longer count the payment, and never
 * count less than nothing either.
 */
async function cancelFunding(
  tx: Executor,
  coopId: string,
  actorId: string | null,
  { entry, reversal, reason }: ReversedEntry,
) {
  const rows = await selectFundingRows(tx).where(
    and(eq(funding.coopId, coopId), eq(funding.source, 'ledger'), eq(funding.sourceRef, entry.id)),
  );
  // Funding dated in a locked period has already counted (a closed year's dividends): the
  // counter-row would rewrite that period's history, so the reversal waits for a reopening.
  for (const row of rows) {
    const lock = await lockCovering(tx, coopId, row.receivedOn);
    if (lock)
      throw conflict(
        `The sponsor payment of ${row.organizationName} received on ${row.receivedOn} lies in the locked period ${lock.fromDay} to ${lock.toDay}, where its funding has counted. Reopen the period to reverse it, or book a refund as a new entry.`,
      );
  }
  for (const row of rows) {
    const [counter] = await tx
      .insert(funding)
      .values({
        coopId,
        organizationId: row.organizationId,
        receivedOn: row.receivedOn,
        amountMinor: -row.amountMinor,
        currency: row.currency,
        coopAmountMinor: -row.coopAmountMinor,
        labourHours: -row.labourHours,
        source: 'ledger',
        sourceRef: reversal.id,
        recordedBy: actorId,
        note: `Reversal of entry #${entry.number} (entry #${reversal.number}): ${reason}`,
      })
      .returning({ id: funding.id });
    await appendEvent(tx, {
      coopId,
      type: 'funding.reversed',
      actorId,
      subjectType: 'organization',
      subjectId: row.organizationId,
      data: {
        fundingId: counter!.id,
        reversesFundingId: row.id,
        entryId: entry.id,
        reversalEntryId: reversal.id,
        receivedOn: row.receivedOn,
        amountMinor: (-row.amountMinor).toString(),
        currency: row.currency.trim(),
        coopAmountMinor: (-row.coopAmountMinor).toString(),
        reason,
      },
    });
  }
  const [first] = rows;
  return first ? { id: first.organizationId, name: first.organizationName } : undefined;
}

/**
 * A bank line this entry settled, or that was offered this entry, waits in the review queue
 * again: suggested with the offer given (pay the claim again, record the sponsor payment
 * again), or unmatched, to be booked or ignored. The money did move: the line stays.
 */
async function reopenBankLines(
  tx: Executor,
  coopId: string,
  actorId: string | null,
  { entry, reversal }: ReversedEntry,
  offer: Suggestion | null,
) {
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
    await appendEvent(tx, {
      coopId,
      type: 'ledger.bank-line-reopened',
      actorId,
      subjectType: 'bank-line',
      subjectId: line.id,
      data: {
        was: line.status,
        status,
        offer: offer?.type ?? null,
        entryId: entry.id,
        entryNumber: entry.number,
        reversalEntryId: reversal.id,
        reversalEntryNumber: reversal.number,
      },
    });
  }
}
