import { systemActor } from '../platform/actor.ts';
import { runCommand, type CommandContext } from '../platform/commands.ts';
import type { Db } from '../platform/db/database.ts';
import type { JobHandler } from '../platform/jobs.ts';
import type { Secrets } from '../platform/secrets.ts';
import { advanceCycle } from './commands/advanceCycle.ts';
import { closePoll, openPoll, remindNonVoters } from './commands/pollLifecycle.ts';
import { loadPoll } from './polls/pollRepository.ts';
import { loadCycle } from './repository.ts';
import type { CyclePhase } from './schema.ts';

// The jobs are where the co-op acts on its own deadlines: they run the same commands as an
// officer would, as the co-op itself, on the system clock.
const asTheCoop = (
  db: Db,
  coopId: string,
  publicUrl: string,
  secrets?: Secrets,
): CommandContext => ({ db, actor: systemActor(coopId), publicUrl, secrets });

/** A cycle's deadline: a cycle already moved on by hand is left as it is. */
export const cycleAdvanceHandler =
  (publicUrl: string): JobHandler =>
  async (db, job) => {
    const { cycleId, from } = job.payload as { cycleId: string; from: CyclePhase };
    const cycle = await loadCycle(db, job.coop_id, cycleId);
    if (cycle.phase !== from) return;
    await runCommand(advanceCycle, { cycleId, from }, asTheCoop(db, job.coop_id, publicUrl));
  };

export function pollJobHandlers(publicUrl: string, secrets: Secrets): Record<string, JobHandler> {
  // A poll opened or closed by hand before its time is left as it is.
  const unlessMoved =
    (
      phase: 'open' | 'close',
      move: (ctx: CommandContext, pollId: string) => Promise<unknown>,
    ): JobHandler =>
    async (db, job) => {
      const pollId = String(job.payload.pollId);
      const poll = await loadPoll(db, job.coop_id, pollId);
      const due =
        phase === 'open'
          ? poll.status === 'scheduled' || poll.status === 'nominating'
          : poll.status === 'open';
      if (due) await move(asTheCoop(db, job.coop_id, publicUrl, secrets), pollId);
    };
  return {
    'poll.open': unlessMoved('open', (ctx, pollId) => runCommand(openPoll, { pollId }, ctx)),
    'poll.close': unlessMoved('close', (ctx, pollId) => runCommand(closePoll, { pollId }, ctx)),
    'poll.remind': (db, job) =>
      runCommand(
        remindNonVoters,
        { pollId: String(job.payload.pollId) },
        asTheCoop(db, job.coop_id, publicUrl),
      ),
  };
}
