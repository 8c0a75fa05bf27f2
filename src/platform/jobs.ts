import { hostname } from 'node:os';
import { sql } from 'drizzle-orm';
import type { Db, Executor } from './db/database.ts';
import type { Dispatcher } from './dispatcher.ts';
import { jobs } from './db/schema.ts';
import { queryRows } from './db/rows.ts';
import type { Logger } from './logger.ts';

export interface JobRow {
  coop_id: string;
  id: number;
  kind: string;
  payload: Record<string, unknown>;
  attempts: number;
  max_attempts: number;
}

export type JobHandler = (db: Db, job: JobRow) => Promise<void>;

export interface NewJob {
  coopId: string;
  kind: string;
  payload?: Record<string, unknown>;
  runAt?: Date;
  dedupeKey?: string;
}

/** Enqueue inside the caller's transaction: the job exists only if the change commits. */
export async function enqueueJob(tx: Executor, job: NewJob): Promise<void> {
  await tx
    .insert(jobs)
    .values({
      coopId: job.coopId,
      kind: job.kind,
      payload: job.payload ?? {},
      runAt: job.runAt ?? new Date(),
      dedupeKey: job.dedupeKey ?? null,
    })
    .onConflictDoNothing();
}

const leaseSeconds = 300;

/**
 * Claims due jobs. SKIP LOCKED lets several processes poll one table without waiting on each
 * other; the lease makes a job whose process died run again once it expires.
 */
export async function claimJobs(
  db: Db,
  workerId: string,
  limit: number,
  dueBy?: Date,
): Promise<JobRow[]> {
  // greatest() ignores a null: without dueBy, the database's clock says what is due.
  const due = dueBy ? sql`greatest(now(), ${dueBy.toISOString()}::timestamptz)` : sql`now()`;
  return queryRows<JobRow>(
    db,
    sql`update jobs set locked_until = now() + make_interval(secs => ${leaseSeconds}),
          locked_by = ${workerId}, attempts = attempts + 1
        where id in (
          select id from jobs
          where done_at is null and failed_at is null and run_at <= ${due}
            and (locked_until is null or locked_until < now())
          order by run_at, id
          limit ${limit}
          for update skip locked)
        returning coop_id, id, kind, payload, attempts, max_attempts`,
  );
}

async function finishJob(db: Db, job: JobRow, error: unknown): Promise<void> {
  if (error === undefined) {
    await db.execute(
      sql`update jobs set done_at = now(), locked_until = null where id = ${job.id}`,
    );
    return;
  }
  const message = error instanceof Error ? error.message : String(error);
  if (job.attempts >= job.max_attempts) {
    await db.execute(
      sql`update jobs set failed_at = now(), last_error = ${message}, locked_until = null where id = ${job.id}`,
    );
  } else {
    // Exponential back-off: 10 s, 20 s, 40 s...
    const delay = 10 * 2 ** (job.attempts - 1);
    await db.execute(
      sql`update jobs set run_at = now() + make_interval(secs => ${delay}), last_error = ${message},
            locked_until = null where id = ${job.id}`,
    );
  }
}

export interface Worker {
  /**
   * Runs one polling round now; returns how many jobs it ran. A test whose clock stands ahead
   * of the database's passes it as `dueBy`, so that jobs due by the co-op's clock run too.
   */
  drain(dueBy?: Date): Promise<number>;
  stop(): Promise<void>;
}

export function startWorker(
  db: Db,
  handlers: Record<string, JobHandler>,
  log: Logger,
  options: { pollMs?: number; autostart?: boolean; dispatcher?: Dispatcher } = {},
): Worker {
  const workerId = `${hostname()}:${process.pid}:${Math.random().toString(36).slice(2, 8)}`;
  let stopped = false;
  let running: Promise<number> | undefined;
  let timer: NodeJS.Timeout | undefined;

  const round = async (dueBy?: Date): Promise<number> => {
    let ran = 0;
    for (;;) {
      // Events first: a consumer (webhooks) may enqueue jobs that this round then runs.
      const dispatched = (await options.dispatcher?.runOnce()) ?? 0;
      ran += dispatched;
      const claimed = await claimJobs(db, workerId, 10, dueBy);
      if (claimed.length === 0 && dispatched === 0) return ran;
      for (const job of claimed) {
        const handler = handlers[job.kind];
        let failure: unknown;
        try {
          if (!handler) throw new Error(`no handler for job kind ${job.kind}`);
          await handler(db, job);
        } catch (error) {
          failure = error ?? new Error('job failed');
          log.warn({ job: job.id, kind: job.kind, err: String(error) }, 'job failed');
        }
        await finishJob(db, job, failure);
        ran++;
      }
    }
  };

  const drain = async (dueBy?: Date) => {
    while (running) await running.catch(() => 0);
    running = round(dueBy);
    try {
      return await running;
    } finally {
      running = undefined;
    }
  };

  const tick = () => {
    if (stopped) return;
    drain()
      .catch((error: unknown) => log.error({ err: String(error) }, 'job polling failed'))
      .finally(() => {
        if (!stopped) timer = setTimeout(tick, options.pollMs ?? 500);
      });
  };
  if (options.autostart !== false) timer = setTimeout(tick, options.pollMs ?? 500);

  return {
    drain,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      while (running) await running.catch(() => 0);
    },
  };
}
