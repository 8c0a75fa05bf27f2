import { and, desc, eq, gte, isNull, or } from 'drizzle-orm';
import { memberships } from '../../../members/schema.ts';
import { coopCurrency } from '../../../coop/queries.ts';
import { defineCommand } from '../../../platform/commands.ts';
import { amountRefusal, notPositive } from '../../amountRefusal.ts';
import type { Executor } from '../../../platform/db/database.ts';
import { badRequest, conflict } from '../../../platform/errors.ts';
import { AmountError, formatAmount, parseAmount } from '../../../platform/money/amount.ts';
import { salaries } from '../../schema.ts';
import { salarySet } from '../events.ts';
import { addDays } from '../months.ts';
import { payrollPolicy } from '../policy.ts';
import { assertNotPosted } from '../repository.ts';
import { salaryInputSchema } from '../payInput.ts';

function minor(amount: string, currency: string, pointer: string, positive: boolean): bigint {
  try {
    const value = parseAmount(amount, currency);
    if (positive && value <= 0n) throw notPositive(pointer);
    return value;
  } catch (error) {
    if (!(error instanceof AmountError)) throw error;
    throw amountRefusal(amount, currency, pointer, error.message);
  }
}

/**
 * The person's membership row, locked: salary changes for one person queue behind each other,
 * so two at once cannot both leave a salary open. A salary is a hacker's who has not left.
 */
export async function lockHacker(tx: Executor, coopId: string, personId: string): Promise<void> {
  const [membership] = await tx
    .select({ memberClass: memberships.memberClass, status: memberships.status })
    .from(memberships)
    .where(and(eq(memberships.coopId, coopId), eq(memberships.personId, personId)))
    .for('update');
  if (!membership || membership.memberClass !== 'hacker' || membership.status === 'left')
    throw badRequest('Salaries are for the co-op’s hackers.', [
      { pointer: '/personId', message: 'not a hacker of the co-op' },
    ]).because('salary.not-hacker');
}

/** A hacker's pay from a date; the salary in force until then ends the day before. */
export const setSalary = defineCommand({
  name: 'finance.setSalary',
  input: salaryInputSchema,
  policy: payrollPolicy.manage,
  denied: 'The chief economist sets salaries.',
  events: [salarySet],
  async run(tx, salary, ctx) {
    const coopId = ctx.coopId;
    const currency = await coopCurrency(tx, coopId);
    if (salary.currency && salary.currency !== currency)
      throw badRequest(`Salaries are paid in the co-op’s currency, ${currency}.`, [
        { pointer: '/currency', message: `must be ${currency}` },
      ]).because('salary.currency', { currency });
    const grossMonthlyMinor = minor(salary.grossMonthly, currency, '/grossMonthly', true);
    const employerCostMonthlyMinor = minor(
      salary.employerCostMonthly,
      currency,
      '/employerCostMonthly',
      false,
    );
    await lockHacker(tx, coopId, salary.personId);
    const [latest] = await tx
      .select()
      .from(salaries)
      .where(and(eq(salaries.coopId, coopId), eq(salaries.personId, salary.personId)))
      .orderBy(desc(salaries.effectiveFrom))
      .limit(1);
    if (latest && latest.effectiveFrom >= salary.effectiveFrom)
      throw conflict(
        `A salary from ${latest.effectiveFrom} is already set: a new one starts after it.`,
        [{ pointer: '/effectiveFrom', message: `must be after ${latest.effectiveFrom}` }],
      ).because('salary.set-already', { effectiveFrom: latest.effectiveFrom });
    await assertNotPosted(tx, coopId, salary.effectiveFrom, '/effectiveFrom');
    const closed = latest
      ? await tx
          .update(salaries)
          .set({ effectiveTo: addDays(salary.effectiveFrom, -1) })
          .where(
            and(
              eq(salaries.id, latest.id),
              or(isNull(salaries.effectiveTo), gte(salaries.effectiveTo, salary.effectiveFrom)),
            ),
          )
          .returning({ id: salaries.id })
      : [];
    const [row] = await tx
      .insert(salaries)
      .values({
        coopId,
        personId: salary.personId,
        grossMonthlyMinor,
        employerCostMonthlyMinor,
        currency,
        effectiveFrom: salary.effectiveFrom,
      })
      .returning();
    await ctx.emit(salarySet, salary.personId, {
      salaryId: row!.id,
      effectiveFrom: salary.effectiveFrom,
      grossMonthly: formatAmount(grossMonthlyMinor, currency),
      employerCostMonthly: formatAmount(employerCostMonthlyMinor, currency),
      currency,
      closes: closed[0]?.id ?? null,
    });
    return row!;
  },
});
