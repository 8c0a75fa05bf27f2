import { hostname } from 'node:os';
import { sql } from 'drizzle-orm';
import type { Db, Executor } from './db/database.ts';
import { queryRows } from './db/rows.ts';
import type { Logger } from './logger.ts';

/** An event as consumers receive it: a row of the log. */
export interface StoredEvent {
  coopId: string;
  seq: number;
  type: string;
  version: number;
  actorId: string | null;
  subjectType: string;
  subjectId: string;
  data: Record<string, unknown>;
  occurredAt: Date;
}

/**
 * Something that follows the event log: mail, webhooks, later the transparency log and the
 * sponsor digests. Delivery is at least once, so `handle` must be idempotent per event.
 */
export interface Consumer {
  name: string;
  /** The event types it handles; the cursor passes over the others. */
  wants(type: string): boolean;
  /**
   * `attempt` counts from 1: a consumer may give up on an event after enough of them. Returns
   * `false` when the event asked nothing of it (a webhook event no endpoint subscribes to): the
   * cursor then moves past it with the batch instead of one write per event.
   */
  handle(db: Db, event: StoredEvent, attempt: number): Promise<boolean | undefined>;
  /**
   * Batch mode: when present, the dispatcher hands over every wanted event of a batch at once,
   * in order, instead of calling `handle` for each (the transparency log appends them in one
   * transaction). It must be idempotent per event as `handle` is; the cursor moves past the
   * whole batch once it returns.
   */
  handleBatch?(db: Db, events: StoredEvent[], attempt: number): Promise<void>;
}

export interface Dispatcher {
  /** One pass: every consumer catches up in every co-op it can lease; returns events handled. */
  runOnce(): Promise<number>;
}

/**
 * The transaction id below which this database's events are final: the oldest transaction
 * still running here (with an id), else the next id to be given. Transaction ids are counted
 * across the whole PostgreSQL server, but only this database's transactions write its events,
 * so another application's long transaction on a shared server does not hold delivery back.
 * `age()` counts from the next id, so `next - age` is the running transaction's own 64-bit id;
 * one less keeps the horizon on the safe side. (Every app process connects as the same role,
 * which sees the others' `backend_xid`.)
 */
const horizon = sql`(select coalesce(
    (select (pg_snapshot_xmax(pg_current_snapshot())::text::bigint - max(age(backend_xid)) - 1)
        ::text::xid8
      from pg_stat_activity where datname = current_database() and backend_xid is not null),
    pg_snapshot_xmax(pg_current_snapshot())))`;

const leaseSeconds = 120;
const batchSize = 200;
/** 5 s, 10 s, 20 s... capped at an hour: a consumer that fails keeps trying, slower. */
export const retryDelaySeconds = (failures: number) => Math.min(5 * 2 ** (failures - 1), 3600);

interface LeasedCursor {
  coop_id: string;
  position_tx: string;
  position: number;
  failures: number;
}

/** Where a consumer stands in a co-op's log: after this event. */
export interface LogPosition {
  txId: string;
  seq: number;
}

export function createDispatcher(db: Db, consumers: Consumer[], log: Logger): Dispatcher {
  const leaseHolder = `${hostname()}:${process.pid}:${Math.random().toString(36).slice(2, 8)}`;

  // A lease, not a row lock held open: PGlite serialises everything behind an open
  // transaction, and a consumer does network I/O. Another process skips a leased cursor.
  const lease = (consumer: string) =>
    queryRows<LeasedCursor>(
      db,
      sql`update event_cursors c set leased_until = now() + make_interval(secs => ${leaseSeconds}),
            leased_by = ${leaseHolder}
          where (c.coop_id, c.consumer) in (
            select coop_id, consumer from event_cursors
            where consumer = ${consumer}
              and (leased_until is null or leased_until < now())
              and (retry_at is null or retry_at <= now())
              and exists (select 1 from events e
                          where e.coop_id = event_cursors.coop_id
                            and (e.tx_id, e.seq) > (event_cursors.position_tx, event_cursors.position)
                            and e.tx_id < ${horizon})
            for update skip locked)
          returning c.coop_id, c.position_tx::text as position_tx, c.position::float8 as position,
            c.failures`,
    );

  const advance = (coopId: string, consumer: string, position: LogPosition) =>
    db.execute(
      sql`update event_cursors set position_tx = ${position.txId}::xid8, position = ${position.seq},
            updated_at = now()
          where coop_id = ${coopId} and consumer = ${consumer} and leased_by = ${leaseHolder}`,
    );

  async function catchUp(consumer: Consumer, cursor: LeasedCursor): Promise<number> {
    let handled = 0;
    let position: LogPosition = { txId: cursor.position_tx, seq: cursor.position };
    try {
      for (;;) {
        const batch = await readEvents(db, cursor.coop_id, position, batchSize);
        if (batch.length === 0) break;
        if (consumer.handleBatch) {
          const wanted = batch.filter((event) => consumer.wants(event.type));
          if (wanted.length > 0) await consumer.handleBatch(db, wanted, cursor.failures + 1);
          handled += wanted.length;
          position = batch[batch.length - 1]!;
        }
        for (const event of consumer.handleBatch ? [] : batch) {
          if (
            consumer.wants(event.type) &&
            (await consumer.handle(db, event, cursor.failures + 1)) !== false
          ) {
            handled++;
            await advance(cursor.coop_id, consumer.name, event);
          }
          position = event;
        }
        await advance(cursor.coop_id, consumer.name, position);
        if (batch.length < batchSize) break;
      }
      await db.execute(
        sql`update event_cursors set failures = 0, retry_at = null, last_error = null,
              leased_until = null, leased_by = null, updated_at = now()
            where coop_id = ${cursor.coop_id} and consumer = ${consumer.name}
              and leased_by = ${leaseHolder}`,
      );
    } catch (error) {
      const failures = cursor.failures + 1;
      const message = error instanceof Error ? error.message : String(error);
      log.warn({ consumer: consumer.name, coop: cursor.coop_id, err: message }, 'consumer failed');
      await db.execute(
        sql`update event_cursors set failures = ${failures}, last_error = ${message},
              retry_at = now() + make_interval(secs => ${retryDelaySeconds(failures)}),
              leased_until = null, leased_by = null, updated_at = now()
            where coop_id = ${cursor.coop_id} and consumer = ${consumer.name}
              and leased_by = ${leaseHolder}`,
      );
    }
    return handled;
  }

  return {
    async runOnce() {
      let handled = 0;
      for (const consumer of consumers) {
        // A co-op created since the last pass gets its cursor at the start of its log.
        await db.execute(
          sql`insert into event_cursors (coop_id, consumer)
              select id, ${consumer.name} from coops on conflict do nothing`,
        );
        for (const cursor of await lease(consumer.name)) handled += await catchUp(consumer, cursor);
      }
      return handled;
    },
  };
}

/**
 * A co-op's events after a position, in the order they became final: only events whose
 * transaction is older than every running one, so none can later appear before them.
 */
export async function readEvents(
  executor: Executor,
  coopId: string,
  after: LogPosition,
  limit: number,
): Promise<(StoredEvent & LogPosition)[]> {
  const rows = await queryRows<{
    coop_id: string;
    seq: number;
    type: string;
    version: number;
    actor_id: string | null;
    subject_type: string;
    subject_id: string;
    data: Record<string, unknown>;
    occurred_at: Date | string;
    tx_id: string;
  }>(
    executor,
    sql`select coop_id, seq::float8 as seq, type, version, actor_id, subject_type, subject_id,
          data, occurred_at, tx_id::text as tx_id
        from events
        where coop_id = ${coopId} and (tx_id, seq) > (${after.txId}::xid8, ${after.seq})
          and tx_id < ${horizon}
        order by tx_id, seq limit ${limit}`,
  );
  return rows.map((r) => ({
    coopId: r.coop_id,
    seq: Number(r.seq),
    type: r.type,
    version: r.version,
    actorId: r.actor_id,
    subjectType: r.subject_type,
    subjectId: r.subject_id,
    data: r.data,
    occurredAt: new Date(r.occurred_at),
    txId: r.tx_id,
  }));
}

export interface ConsumerLag {
  consumer: string;
  position: number;
  latest: number;
  behind: number;
  failures: number;
  lastError: string | null;
  retryAt: Date | null;
  updatedAt: Date;
}

/** How far behind each consumer is in one co-op: what administrators watch. */
export async function consumerLag(executor: Executor, coopId: string): Promise<ConsumerLag[]> {
  const rows = await queryRows<{
    consumer: string;
    position: number;
    latest: number;
    behind: number;
    failures: number;
    last_error: string | null;
    retry_at: Date | string | null;
    updated_at: Date | string;
  }>(
    executor,
    sql`select c.consumer, c.position::float8 as position,
          coalesce((select max(seq) from events where coop_id = c.coop_id), 0)::float8 as latest,
          (select count(*) from events e where e.coop_id = c.coop_id
            and (e.tx_id, e.seq) > (c.position_tx, c.position))::int as behind,
          c.failures, c.last_error, c.retry_at, c.updated_at
        from event_cursors c where c.coop_id = ${coopId} order by c.consumer`,
  );
  return rows.map((r) => ({
    consumer: r.consumer,
    position: Number(r.position),
    latest: Number(r.latest),
    behind: r.behind,
    failures: r.failures,
    lastError: r.last_error,
    retryAt: r.retry_at ? new Date(r.retry_at) : null,
    updatedAt: new Date(r.updated_at),
  }));
}
