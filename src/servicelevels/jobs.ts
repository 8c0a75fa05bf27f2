import { sql } from 'drizzle-orm';
import { systemActor } from '../platform/actor.ts';
import { systemClock } from '../platform/clock.ts';
import { runCommand } from '../platform/commands.ts';
import type { Db } from '../platform/db/database.ts';
import { queryRows } from '../platform/db/rows.ts';
import { enqueueJob, type JobHandler } from '../platform/jobs.ts';
import { clockDueJobKind } from './clockWrites.ts';
import { checkClock } from './commands/checkClock.ts';

export function serviceLevelJobHandlers(publicUrl: string): Record<string, JobHandler> {
  return {
    [clockDueJobKind]: async (db, job) => {
      const payload = job.payload as { clockId: string; purpose: 'warn' | 'breach'; dueAt: string };
      await runCommand(checkClock, payload, {
        db,
        actor: systemActor(job.coop_id),
        publicUrl,
        clock: systemClock,
      });
    },
  };
}

/**
 * Hourly, a net under the per-clock checks: a running clock past its 80% or its deadline whose
 * check is missing (a job lost with a restored backup) gets one. The dedupe key is the check's
 * own, so nothing runs twice.
 */
export async function scheduleClockChecks(db: Db, now: Date = systemClock.now()): Promise<void> {
  const due = await queryRows<{
    coop_id: string;
    id: string;
    warn_at: Date | null;
    deadline_at: Date;
    warned: boolean;
  }>(
    db,
    sql`select coop_id, id, warn_at, deadline_at, warned from service_clocks
        where state = 'running' and (deadline_at <= ${now} or (not warned and warn_at <= ${now}))`,
  );
  for (const clock of due) {
    const checks: Array<['warn' | 'breach', Date | null]> = [
      ['warn', clock.warned ? null : clock.warn_at],
      ['breach', clock.deadline_at],
    ];
    for (const [purpose, at] of checks) {
      if (!at || new Date(at).getTime() > now.getTime()) continue;
      const dueAt = new Date(at).toISOString();
      await enqueueJob(db, {
        coopId: clock.coop_id,
        kind: clockDueJobKind,
        payload: { clockId: clock.id, purpose, dueAt },
        dedupeKey: `${clock.id}:${purpose}:${dueAt}`,
      });
    }
  }
}
