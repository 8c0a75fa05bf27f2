import { and, asc, eq, gte, isNull, lte, or } from 'drizzle-orm';
import { z } from 'zod';
import { people } from '../../../members/schema.ts';
import { coopCurrency } from '../../../coop/queries.ts';
import { defineCommand, runCommand, type CommandContext } from '../../../platform/commands.ts';
import type { Executor } from '../../../platform/db/database.ts';
import { isUniqueViolation } from '../../../platform/db/errors.ts';
import { badRequest, conflict } from '../../../platform/errors.ts';
import { formatAmount } from '../../../platform/money/amount.ts';
import { insertEntry } from '../../commands/postEntry.ts';
import { entryFact } from '../../entryFacts.ts';
import { entryPosted } from '../../events.ts';
import { ledgerError } from '../../ledgerErrors.ts';
import { journalEntries, salaries, salaryRuns } from '../../schema.ts';
import { payrollPosted } from '../events.ts';
import { monthBounds, monthOf, overlapDays, prorate } from '../months.ts';
import { payrollRunInputSchema } from '../payInput.ts';
import { payrollPolicy } from '../policy.ts';

/** Where the payroll posts: the cost, and what is owed until the bank pays it. */
export const payrollAccounts = {
  expense: 'expenses:salaries',
  /**
   * A liability, not the bank: the run accrues the month's cost when it is earned; the
   * payments that settle it (net pay to each hacker, withholding and contributions to the
   * authorities, on their own dates and in other amounts) clear the payable from the bank.
   */
  owed: 'liabilities:payables',
} as const;

export interface PayrollLine {
  personId: string;
  displayName: string;
  grossMinor: bigint;
  employerCostMinor: bigint;
  /** Days of the month paid: fewer than the month's when a salary starts, ends or changes in it. */
  days: number;
}

export type PayrollResult =
  | {
      status: 'posted';
      month: string;
      entryId: string;
      entryNumber: number;
      daysInMonth: number;
      currency: string;
      lines: PayrollLine[];
    }
  | { status: 'already-posted'; month: string; entryId: string; entryNumber: number }
  | { status: 'nothing-to-post'; month: string };

/** The month's pay per hacker from the salaries in force in it, prorated by calendar days. */
export async function payrollLines(
  tx: Executor,
  coopId: string,
  month: string,
): Promise<PayrollLine[]> {
  const { first, last, days } = monthBounds(month);
  const rows = await tx
    .select({
      personId: salaries.personId,
      displayName: people.displayName,
      gross: salaries.grossMonthlyMinor,
      employerCost: salaries.employerCostMonthlyMinor,
      from: salaries.effectiveFrom,
      to: salaries.effectiveTo,
    })
    .from(salaries)
    .innerJoin(people, and(eq(people.coopId, salaries.coopId), eq(people.id, salaries.personId)))
    .where(
      and(
        eq(salaries.coopId, coopId),
        lte(salaries.effectiveFrom, last),
        or(isNull(salaries.effectiveTo), gte(salaries.effectiveTo, first)),
      ),
    )
    .orderBy(asc(people.displayName), asc(salaries.personId), asc(salaries.effectiveFrom));
  const lines = new Map<string, PayrollLine>();
  for (const row of rows) {
    const inMonth = overlapDays(row.from, row.to, first, last);
    if (inMonth === 0) continue;
    const line = lines.get(row.personId) ?? {
      personId: row.personId,
      displayName: row.displayName,
      grossMinor: 0n,
      employerCostMinor: 0n,
      days: 0,
    };
    line.grossMinor += prorate(row.gross, inMonth, days);
    line.employerCostMinor += prorate(row.employerCost, inMonth, days);
    line.days += inMonth;
    lines.set(row.personId, line);
  }
  return [...lines.values()].filter((l) => l.grossMinor + l.employerCostMinor > 0n);
}

async function runOf(tx: Executor, coopId: string, first: string) {
  const [run] = await tx
    .select({ entryId: salaryRuns.entryId, number: journalEntries.number })
    .from(salaryRuns)
    .innerJoin(
      journalEntries,
      and(eq(journalEntries.coopId, salaryRuns.coopId), eq(journalEntries.id, salaryRuns.entryId)),
    )
    .where(and(eq(salaryRuns.coopId, coopId), eq(salaryRuns.month, first)));
  if (!run) return undefined;
  const [reversal] = await tx
    .select({ id: journalEntries.id })
    .from(journalEntries)
    .where(and(eq(journalEntries.coopId, coopId), eq(journalEntries.reversesEntryId, run.entryId)));
  return { ...run, reversed: reversal !== undefined };
}

/** Another process posted the month between our look and our write: ours rolls back. */
class LostRace extends Error {}

/**
 * Posts a month's payroll once: one entry dated the month's last day, with per hacker a debit
 * of expenses:salaries (gross + employer costs) and a credit of liabilities:payables, each
 * memo'ed with the hacker's name. The `salary_runs` primary key (co-op, month) is written in
 * the same transaction: of two processes posting one month, the second meets the first's row
 * (waiting for its commit on PostgreSQL), and rolls its own entry back (`postPayrollOnce`
 * answers it). A month whose entry has been reversed may be posted again, replacing the run's
 * entry. The monthly job runs it as the co-op itself (`systemActor`).
 */
export const postPayroll = defineCommand({
  name: 'finance.postPayroll',
  input: payrollRunInputSchema,
  policy: payrollPolicy.manage,
  denied: 'The chief economist runs the payroll.',
  events: [entryPosted, payrollPosted],
  async run(tx, { month }, ctx): Promise<PayrollResult> {
    const coopId = ctx.coopId;
    if (month > monthOf(ctx.clock.now()))
      throw badRequest(`${month} has not begun.`, [
        { pointer: '/month', message: 'a month that has begun' },
      ]).because('payroll.not-begun', { month });
    const { first, last, days } = monthBounds(month);
    const run = await runOf(tx, coopId, first);
    if (run && !run.reversed)
      return { status: 'already-posted', month, entryId: run.entryId, entryNumber: run.number };
    const lines = await payrollLines(tx, coopId, month);
    if (lines.length === 0) return { status: 'nothing-to-post', month };
    const currency = await coopCurrency(tx, coopId);
    const money = (minor: bigint) => formatAmount(minor, currency);
    const entry = await insertEntry(tx, ctx, {
      effectiveOn: last,
      kind: 'payroll',
      description: `Payroll ${month}: ${lines.length} hacker${lines.length === 1 ? '' : 's'}`,
      fact: entryFact('payroll', { month, hackers: lines.length }),
      sourceType: 'salary-run',
      sourceId: month,
      postings: lines.flatMap((l) => {
        const part = l.days < days ? ` (${l.days}/${days} days)` : '';
        const total = money(l.grossMinor + l.employerCostMinor);
        return [
          {
            account: payrollAccounts.expense,
            amount: total,
            currency,
            memo: `${l.displayName}: gross ${money(l.grossMinor)} + employer costs ${money(l.employerCostMinor)}${part}`,
            memoFact: entryFact('payroll-cost', {
              name: l.displayName,
              grossMinor: l.grossMinor.toString(),
              employerCostMinor: l.employerCostMinor.toString(),
              currency,
              ...(l.days < days ? { days: l.days, daysInMonth: days } : {}),
            }),
          },
          {
            account: payrollAccounts.owed,
            amount: `-${total}`,
            currency,
            memo: `${l.displayName}: pay and employer costs for ${month}`,
            memoFact: entryFact('payroll-owed', { name: l.displayName, month }),
          },
        ];
      }),
    });
    const written = run
      ? await tx
          .update(salaryRuns)
          .set({ entryId: entry.id, postedAt: ctx.clock.now() })
          .where(
            and(
              eq(salaryRuns.coopId, coopId),
              eq(salaryRuns.month, first),
              eq(salaryRuns.entryId, run.entryId),
            ),
          )
          .returning({ month: salaryRuns.month })
      : await tx
          .insert(salaryRuns)
          .values({ coopId, month: first, entryId: entry.id })
          .onConflictDoNothing()
          .returning({ month: salaryRuns.month });
    if (written.length === 0) throw new LostRace();
    const total = lines.reduce((sum, l) => sum + l.grossMinor + l.employerCostMinor, 0n);
    await ctx.emit(payrollPosted, month, {
      entryId: entry.id,
      entryNumber: entry.number,
      hackers: lines.length,
      total: money(total),
      currency,
      replaces: run?.entryId ?? null,
    });
    return {
      status: 'posted',
      month,
      entryId: entry.id,
      entryNumber: entry.number,
      daysInMonth: days,
      currency,
      lines,
    };
  },
  mapError: ledgerError,
});

/**
 * Runs `postPayroll`; a month another process posted meanwhile (ours rolled back) is answered
 * as already posted, read once the transaction is over.
 */
export async function postPayrollOnce(ctx: CommandContext, month: string): Promise<PayrollResult> {
  try {
    return await runCommand(postPayroll, { month }, ctx);
  } catch (error) {
    if (!(error instanceof LostRace || isUniqueViolation(error))) throw error;
    const run = (await runOf(ctx.db, ctx.actor.coopId, monthBounds(month).first))!;
    return { status: 'already-posted', month, entryId: run.entryId, entryNumber: run.number };
  }
}

/**
 * "Run payroll for month YYYY-MM", by hand: the same posting the monthly job makes; a month
 * already posted, or with nobody to pay, is refused rather than done.
 */
export async function runPayroll(
  ctx: CommandContext,
  input: z.input<typeof payrollRunInputSchema>,
) {
  const result = await postPayrollOnce(ctx, input.month);
  const { month } = result;
  if (result.status === 'already-posted')
    throw conflict(
      `The payroll for ${month} is already posted (entry #${result.entryNumber}); to post it again, reverse that entry first.`,
      [{ pointer: '/month', message: 'already posted' }],
    ).because('payroll.already-posted', { month, entry: result.entryNumber });
  if (result.status === 'nothing-to-post')
    throw conflict(`No hacker has a salary in force in ${month}: nothing to post.`, [
      { pointer: '/month', message: 'no salary in force' },
    ]).because('payroll.no-salary', { month });
  return result;
}
