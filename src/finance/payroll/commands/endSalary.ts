import { and, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { defineCommand } from '../../../platform/commands.ts';
import { badRequest, conflict } from '../../../platform/errors.ts';
import { salaries } from '../../schema.ts';
import { salaryEnded } from '../events.ts';
import { addDays } from '../months.ts';
import { payrollPolicy } from '../policy.ts';
import { assertNotPosted } from '../repository.ts';
import { lockHacker } from './setSalary.ts';

export const salaryEndSchema = z
  .strictObject({ personId: z.uuid(), lastDay: z.iso.date() })
  .meta({ id: 'SalaryEnd' });

/** Stops a hacker's pay after a day (they leave, or go unpaid); the month is prorated. */
export const endSalary = defineCommand({
  name: 'finance.endSalary',
  input: salaryEndSchema,
  policy: payrollPolicy.manage,
  denied: 'The chief economist sets salaries.',
  events: [salaryEnded],
  async run(tx, { personId, lastDay }, ctx) {
    const coopId = ctx.coopId;
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
    if (!open) throw conflict('This hacker has no salary in force.').because('salary.none');
    if (lastDay < addDays(open.effectiveFrom, -1))
      throw badRequest(`The salary in force starts on ${open.effectiveFrom}.`, [
        { pointer: '/lastDay', message: `must be on or after ${addDays(open.effectiveFrom, -1)}` },
      ]).because('salary.end-before-start', { effectiveFrom: open.effectiveFrom });
    await assertNotPosted(tx, coopId, addDays(lastDay, 1), '/lastDay');
    await tx.update(salaries).set({ effectiveTo: lastDay }).where(eq(salaries.id, open.id));
    await ctx.emit(salaryEnded, personId, { salaryId: open.id, lastDay });
  },
});
