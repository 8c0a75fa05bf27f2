import { randomInt } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../platform/db/database.ts';
import { pollBallots } from '../schema.ts';

/**
 * Rewrites every ballot of a secret poll, in a random order and under new ids, inside the
 * transaction that casts or changes one. PostgreSQL stamps each row with the transaction that
 * wrote it (`xmin`) and stores rows in the order they were written (`ctid`); without this, a
 * query could join a ballot to the participation row or the event written beside it, or line
 * ballots up against the times members voted. Afterwards every ballot carries this
 * transaction's stamp and no ballot's place says when it was cast. The price is a rewrite of
 * the poll's ballots per vote, so n votes cost O(n²) row writes over the poll's life.
 */
export async function shuffleBallots(tx: Tx, coopId: string, pollId: string): Promise<void> {
  const where = and(eq(pollBallots.coopId, coopId), eq(pollBallots.pollId, pollId));
  const ballots = await tx.delete(pollBallots).where(where).returning();
  // Fisher-Yates with a cryptographic source: the order must not be guessable either.
  for (let i = ballots.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [ballots[i], ballots[j]] = [ballots[j]!, ballots[i]!];
  }
  for (let i = 0; i < ballots.length; i += 1000)
    await tx
      .insert(pollBallots)
      .values(ballots.slice(i, i + 1000).map(({ id: _id, ...ballot }) => ballot));
}
