import { sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/database.ts';

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
  // One statement: the rows never leave the database. gen_random_uuid() draws from the
  // server's strong random source, so the new order cannot be guessed either.
  await tx.execute(sql`
    with cast_ballots as (
      delete from poll_ballots where coop_id = ${coopId} and poll_id = ${pollId}
      returning coop_id, poll_id, receipt_hash, person_id, voter_class, content
    )
    insert into poll_ballots (coop_id, poll_id, receipt_hash, person_id, voter_class, content)
    select coop_id, poll_id, receipt_hash, person_id, voter_class, content
    from cast_ballots order by gen_random_uuid()`);
}
