import { and, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import type { CommandContext } from '../../platform/commands.ts';
import { conflict, notFound } from '../../platform/errors.ts';
import { appendEvent } from '../../platform/events.ts';
import { authorize } from '../../platform/policy.ts';
import { parseInput } from '../../platform/validation.ts';
import { financePolicy } from '../policy.ts';
import { periodLocks } from '../schema.ts';

export const lockInputSchema = z
  .strictObject({ fromDay: z.iso.date(), toDay: z.iso.date() })
  .refine((l) => l.toDay >= l.fromDay, {
    message: 'the period ends before it starts',
    path: ['toDay'],
  })
  .meta({ id: 'PeriodLock' });

/** Closes a month or a year: nothing more posts into it. */
export async function lockPeriod(ctx: CommandContext, input: z.input<typeof lockInputSchema>) {
  authorize(ctx.actor, financePolicy.keepBooks, undefined);
  const period = parseInput(lockInputSchema, input);
  const coopId = ctx.actor.coopId;
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(periodLocks)
      .values({ coopId, ...period, lockedBy: ctx.actor.personId })
      .returning({ id: periodLocks.id });
    await appendEvent(tx, {
      coopId,
      type: 'ledger.period-locked',
      actorId: ctx.actor.personId,
      subjectType: 'period-lock',
      subjectId: row!.id,
      data: period,
    });
    return { id: row!.id };
  });
}

export const reopenInputSchema = z
  .strictObject({
    reason: z.string().trim().min(10, 'give a reason of at least 10 characters').max(1000),
  })
  .meta({ id: 'PeriodReopening' });

/** Reopening is an officer's act, with a reason, logged. */
export async function reopenPeriod(
  ctx: CommandContext,
  lockId: string,
  input: z.input<typeof reopenInputSchema>,
) {
  authorize(
    ctx.actor,
    financePolicy.reopenPeriod,
    undefined,
    'Only the chief economist reopens a closed period.',
  );
  const { reason } = parseInput(reopenInputSchema, input);
  const coopId = ctx.actor.coopId;
  await ctx.db.transaction(async (tx) => {
    const [lock] = await tx
      .select()
      .from(periodLocks)
      .where(and(eq(periodLocks.coopId, coopId), eq(periodLocks.id, lockId)));
    if (!lock) throw notFound('This period lock');
    const reopened = await tx
      .update(periodLocks)
      .set({ reopenedAt: new Date(), reopenedBy: ctx.actor.personId, reopenReason: reason })
      .where(and(eq(periodLocks.id, lockId), isNull(periodLocks.reopenedAt)))
      .returning({ id: periodLocks.id });
    if (reopened.length === 0) throw conflict('This period is already open.');
    await appendEvent(tx, {
      coopId,
      type: 'ledger.period-reopened',
      actorId: ctx.actor.personId,
      subjectType: 'period-lock',
      subjectId: lockId,
      data: { fromDay: lock.fromDay, toDay: lock.toDay, reason },
    });
  });
}
