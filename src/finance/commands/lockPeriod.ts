import { and, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { defineCommand } from '../../platform/commands.ts';
import { conflict, notFound } from '../../platform/errors.ts';
import { periodLocked, periodReopened } from '../events.ts';
import { financePolicy } from '../policy.ts';
import { periodLocks } from '../schema.ts';
import { schemaWords } from '../../platform/http/validationMessages.ts';

export const lockInputSchema = z
  .strictObject({ fromDay: z.iso.date(), toDay: z.iso.date() })
  .refine((l) => l.toDay >= l.fromDay, {
    ...schemaWords('periodEndsBeforeStart'),
    path: ['toDay'],
  })
  .meta({ id: 'PeriodLock' });

/** Closes a month or a year: nothing more posts into it. */
export const lockPeriod = defineCommand({
  name: 'finance.lockPeriod',
  input: lockInputSchema,
  policy: financePolicy.keepBooks,
  events: [periodLocked],
  async run(tx, period, ctx) {
    const [row] = await tx
      .insert(periodLocks)
      .values({ coopId: ctx.coopId, ...period, lockedBy: ctx.actor.personId })
      .returning({ id: periodLocks.id });
    await ctx.emit(periodLocked, row!.id, period);
    return { id: row!.id };
  },
});

export const reopenInputSchema = z
  .strictObject({
    reason: z
      .string()
      .trim()
      .min(10, schemaWords('reasonAtLeast', { n: 10 }))
      .max(1000),
  })
  .meta({ id: 'PeriodReopening' });

/** Reopening is an officer's act, with a reason, logged. */
export const reopenPeriod = defineCommand({
  name: 'finance.reopenPeriod',
  input: z.strictObject({ lockId: z.uuid(), reopening: reopenInputSchema }),
  policy: financePolicy.reopenPeriod,
  denied: 'Only the chief economist reopens a closed period.',
  events: [periodReopened],
  async run(tx, { lockId, reopening: { reason } }, ctx) {
    const coopId = ctx.coopId;
    const [lock] = await tx
      .select()
      .from(periodLocks)
      .where(and(eq(periodLocks.coopId, coopId), eq(periodLocks.id, lockId)));
    if (!lock) throw notFound('This period lock');
    const reopened = await tx
      .update(periodLocks)
      .set({ reopenedAt: ctx.clock.now(), reopenedBy: ctx.actor.personId, reopenReason: reason })
      .where(and(eq(periodLocks.id, lockId), isNull(periodLocks.reopenedAt)))
      .returning({ id: periodLocks.id });
    if (reopened.length === 0)
      throw conflict('This period is already open.').because('period.open');
    await ctx.emit(periodReopened, lockId, { fromDay: lock.fromDay, toDay: lock.toDay, reason });
  },
});
