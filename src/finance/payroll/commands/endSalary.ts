import { and, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import type { CommandContext } from '../../../platform/commands.ts';
import { badRequest, conflict } from '../../../platform/errors.ts';
import { appendEvent } from '../../../platform/events.ts';
import { authorize } from '../../../platform/policy.ts';
import { parseInput } from '../../../platform/validation.ts';
import { salaries } from '../../schema.ts';
import { addDays } from '../months.ts';
import { payrollPolicy } from '../policy.ts';
import { assertNotPosted } from '../repository.ts';
import { lockHacker } from './setSalary.ts';

export const salaryEndSchema = z
  .strictObject({ personId: z.uuid(), lastDay: z.iso.date() })
  .meta({ id: 'SalaryEnd' });

/** Stops a hacker's pay after a day (they leave, or go unpaid); the month is prorated. */
export async function endSalary(ctx: CommandContext, input: z.input<typeof salaryEndSchema>) {
  authorize(ctx.actor, payrollPolicy.manage, undefined, 'The chief economist sets salaries.');
  const { personId, lastDay } = parseInput(salaryEndSchema, input);
  const coopId = ctx.actor.coopId;
  await ctx.db.transaction(async (tx) => {
    await lockHacker(tx, coopId, personId);
    const [open] = await tx
      .select()
      .from(salaries)
      .where(
        and(
          eq(salaries.coopId, coopId),
          eq(salaries.personId, personId),
          isNull(salaries.effectiveTo),
        ),
      );
    if (!open) throw conflict('This hacker has no salary in force.');
    if (lastDay < addDays(open.effectiveFrom, -1))
      throw badRequest(`The salary in force starts on ${open.effectiveFrom}.`, [
        { pointer: '/lastDay', message: `must be on or after ${addDays(open.effectiveFrom, -1)}` },
      ]);
    await assertNotPosted(tx, coopId, addDays(lastDay, 1), '/lastDay');
    await tx.update(salaries).set({ effectiveTo: lastDay }).where(eq(salaries.id, open.id));
    await appendEvent(tx, {
      coopId,
      type: 'payroll.salary-ended',
      actorId: ctx.actor.personId,
      subjectType: 'person',
      subjectId: personId,
      data: { salaryId: open.id, lastDay },
    });
  });
}
