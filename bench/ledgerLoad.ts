/**
 * Bulk loading of the synthetic books: multi-row INSERT ... SELECT FROM json_to_recordset, many
 * entries per transaction, with every ledger trigger of migrations/0005_ledger_rules.sql live
 * (posting dates and period locks, kept monthly and daily balances, the balance check at
 * commit). Only the per-entry event of insertEntry is left out: it is the event log's cost, not
 * the ledger's.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Db } from '../src/platform/db/database.ts';
import { queryRows } from '../src/platform/db/rows.ts';
import { benchEntries, type BenchEntry } from './ledgerData.ts';

export interface LoadBatch {
  entries: number;
  /** Postings in the books before this transaction. */
  postingsBefore: number;
  ms: number;
}

export interface LoadResult {
  /** Entries asked for, and entries loaded (fewer when the time limit stopped the load). */
  target: number;
  entries: number;
  postings: number;
  ms: number;
  stoppedByTimeLimit: boolean;
  batches: LoadBatch[];
}

async function loadBatch(
  db: Db,
  coopId: string,
  accountIds: Map<string, string>,
  batch: BenchEntry[],
) {
  const entries: { id: string; d: string; k: string; t: string }[] = [];
  const postings: { e: string; a: string; d: string; m: number }[] = [];
  for (const e of batch) {
    const id = randomUUID();
    entries.push({ id, d: e.effectiveOn, k: e.kind, t: e.description });
    postings.push(
      { e: id, a: accountIds.get(e.debit)!, d: e.effectiveOn, m: e.amountMinor },
      { e: id, a: accountIds.get(e.credit)!, d: e.effectiveOn, m: -e.amountMinor },
    );
  }
  await db.transaction(async (tx) => {
    await tx.execute(
      sql`insert into journal_entries (coop_id, id, effective_on, kind, description)
          select ${coopId}, x.id, x.d, x.k, x.t
          from json_to_recordset(${JSON.stringify(entries)}::json) as x(id uuid, d date, k text, t text)`,
    );
    await tx.execute(
      sql`insert into postings (coop_id, entry_id, account_id, effective_on, amount_minor, currency, coop_amount_minor)
          select ${coopId}, x.e, x.a, x.d, x.m, 'EUR', x.m
          from json_to_recordset(${JSON.stringify(postings)}::json) as x(e uuid, a uuid, d date, m bigint)`,
    );
  });
}

export interface LoadOptions {
  /** Entries to load (two postings each). */
  entries: number;
  /** Entries per transaction, at most. */
  perTransaction: number;
  /** The first transaction is small, so that statistics exist before the large ones. */
  firstTransaction: number;
  /** No transaction starts after this, and none is sized to run past it. */
  timeLimitMs: number;
  /** Run after each transaction (outside it), e.g. ANALYZE. */
  afterTransaction?: () => Promise<void>;
  progress?: (entries: number, ms: number) => void;
}

/**
 * Loads the entries in transactions of up to `perTransaction` entries. When the last
 * transaction's cost per entry says the next full one would overrun the time limit, the next is
 * made smaller; once the limit has passed, loading stops there (the entries loaded are always a
 * prefix of `benchEntries(entries)`).
 */
export async function loadBenchBooks(
  db: Db,
  coopId: string,
  options: LoadOptions,
): Promise<LoadResult> {
  const rows = await queryRows<{ id: string; path: string }>(
    db,
    sql`select id, path from accounts where coop_id = ${coopId}`,
  );
  const accountIds = new Map(rows.map((r) => [r.path, r.id]));
  const batches: LoadBatch[] = [];
  const start = performance.now();
  let batch: BenchEntry[] = [];
  let done = 0;
  let stopped = false;
  let size = Math.min(options.firstTransaction, options.perTransaction);
  for (const entry of benchEntries(options.entries)) {
    batch.push(entry);
    if (batch.length < size) continue;
    const t0 = performance.now();
    await loadBatch(db, coopId, accountIds, batch);
    const ms = performance.now() - t0;
    batches.push({ entries: batch.length, postingsBefore: done * 2, ms });
    done += batch.length;
    batch = [];
    await options.afterTransaction?.();
    const elapsed = performance.now() - start;
    options.progress?.(done, elapsed);
    const remaining = options.timeLimitMs - elapsed;
    if (remaining <= 0) {
      stopped = done < options.entries;
      break;
    }
    // The next transaction's books are larger: allow for it growing by its own size.
    const perEntry = ms / batches.at(-1)!.entries;
    size = Math.max(
      Math.min(options.firstTransaction, options.perTransaction),
      Math.min(options.perTransaction, Math.floor(remaining / (perEntry * 1.5))),
    );
  }
  if (batch.length > 0 && !stopped) {
    const t0 = performance.now();
    await loadBatch(db, coopId, accountIds, batch);
    batches.push({ entries: batch.length, postingsBefore: done * 2, ms: performance.now() - t0 });
    done += batch.length;
    await options.afterTransaction?.();
  }
  return {
    target: options.entries,
    entries: done,
    postings: done * 2,
    ms: performance.now() - start,
    stoppedByTimeLimit: stopped,
    batches,
  };
}
