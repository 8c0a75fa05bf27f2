import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { defineCommand } from '../../platform/commands.ts';
import { breachClock, clockEvents, warnClock } from '../clockWrites.ts';
import { serviceLevelsPolicy } from '../policy.ts';
import { serviceClocks } from '../schema.ts';

/**
 * A check queued for a clock's 80% or its deadline. It records the warning or the breach only if
 * the moment it was queued for is still the clock's (a pause moves the deadline and queues new
 * checks) and has come.
 */
export const checkClock = defineCommand({
  name: 'servicelevels.checkClock',
  input: z.strictObject({
    clockId: z.uuid(),
    purpose: z.enum(['warn', 'breach']),
    dueAt: z.iso.datetime(),
  }),
  policy: serviceLevelsPolicy.automatic,
  events: clockEvents,
  async run(tx, input, ctx) {
    const [clock] = await tx
      .select()
      .from(serviceClocks)
      .where(and(eq(serviceClocks.coopId, ctx.coopId), eq(serviceClocks.id, input.clockId)))
      .for('update');
    const due = new Date(input.dueAt);
    if (!clock || clock.state !== 'running' || ctx.clock.now().getTime() < due.getTime())
      return 'nothing to do';
    if (input.purpose === 'breach') {
      if (clock.deadlineAt?.getTime() !== due.getTime()) return 'moved';
      // Both checks due at once (a worker that was down): the queue may run the breach first;
      // the warning still happened at its moment, and the record says so in that order.
      const current =
        !clock.warned && clock.warnAt && clock.warnAt.getTime() <= due.getTime()
          ? await warnClock(ctx, clock)
          : clock;
      await breachClock(ctx, current);
      return 'breached';
    }
    if (clock.warnAt?.getTime() !== due.getTime()) return 'moved';
    await warnClock(ctx, clock);
    return 'warned';
  },
});
