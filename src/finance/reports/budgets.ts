import { and, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import { z } from 'zod';
import { coopCurrency } from '../../coop/queries.ts';
import { defineCommand, type RunContext } from '../../platform/commands.ts';
import type { Executor, Tx } from '../../platform/db/database.ts';
import { badRequest, conflict, notFound, type FieldError } from '../../platform/errors.ts';
import { AmountError, parseAmount } from '../../platform/money/amount.ts';
import { amountFact } from '../amountRefusal.ts';
import { budgetRemoved, budgetSet } from '../events.ts';
import { financePolicy } from '../policy.ts';
import { resolveAccounts } from '../repository.ts';
import { accounts, budgets } from '../schema.ts';
import { changesBetween } from './financialReports.ts';
import { budgetLineSchema, type BudgetLine } from './budgetInput.ts';

export { budgetLineSchema, type BudgetLine };

/**
 * Checks budget lines against the chart of accounts and the co-op's currency, naming each bad
 * field under `pointer` (`/budget/2/amount`); returns them with the accounts' full paths.
 */
export async function checkBudgetLines(
  tx: Executor,
  coopId: string,
  lines: BudgetLine[],
  pointer: (i: number) => string,
  /**
   * `officer`: a line may not overlap an existing one of its account (remove that first);
   * `proposal`: it may replace whole existing lines, not parts of them; `adoption`: the vote
   * is over, the lines go in as the members passed them.
   */
  purpose: 'officer' | 'proposal' | 'adoption',
) {
  const resolved = await resolveAccounts(
    tx,
    coopId,
    lines.map((l, i) => ({ name: l.account, pointer: `${pointer(i)}/account` })),
  );
  const currency = await coopCurrency(tx, coopId);
  const errors: FieldError[] = [];
  const existing =
    purpose === 'adoption' || resolved.size === 0
      ? []
      : await tx
          .select({
            accountId: budgets.accountId,
            fromDay: budgets.fromDay,
            toDay: budgets.toDay,
            pollId: budgets.pollId,
          })
          .from(budgets)
          .where(
            and(
              eq(budgets.coopId, coopId),
              inArray(
                budgets.accountId,
                [...resolved.values()].map((a) => a.id),
              ),
            ),
          );
  const checked = lines.map((line, i) => {
    const account = resolved.get(line.account)!;
    if (account.type !== 'income' && account.type !== 'expense')
      errors.push({
        pointer: `${pointer(i)}/account`,
        message: `${account.path} is an ${account.type} account`,
        code: 'budget.account-type',
        params: { account: account.path, accountType: account.type, line: i + 1 },
      });
    let amountMinor = 0n;
    try {
      amountMinor = parseAmount(line.amount, currency);
    } catch (error) {
      if (!(error instanceof AmountError)) throw error;
      errors.push({
        pointer: `${pointer(i)}/amount`,
        message: error.message,
        ...amountFact(line.amount, currency),
      });
    }
    // Two lines of one budget for one account over overlapping days would be two answers.
    const earlier = lines.findIndex(
      (other, j) =>
        j < i &&
        resolved.get(other.account)!.id === account.id &&
        other.fromDay <= line.toDay &&
        other.toDay >= line.fromDay,
    );
    if (earlier >= 0 && purpose !== 'adoption')
      errors.push({
        pointer: `${pointer(i)}/fromDay`,
        message: `overlaps line ${earlier + 1}, for the same account`,
        code: 'budget.overlaps-line',
        params: { earlier: earlier + 1, line: i + 1 },
      });
    const clash = existing.find(
      (b) =>
        b.accountId === account.id &&
        b.fromDay <= line.toDay &&
        b.toDay >= line.fromDay &&
        // A proposal replaces what it covers whole; an officer replaces nothing.
        (purpose === 'officer' || b.fromDay < line.fromDay || b.toDay > line.toDay),
    );
    if (clash)
      errors.push({
        pointer: `${pointer(i)}/fromDay`,
        message:
          purpose === 'officer'
            ? `the budget of ${clash.fromDay} to ${clash.toDay} covers these days${clash.pollId ? ': only a vote changes it' : ': remove it first'}`
            : `partly overlaps the budget of ${clash.fromDay} to ${clash.toDay}: a budget replaces whole lines`,
        code:
          purpose !== 'officer'
            ? 'budget.partly-overlaps'
            : clash.pollId
              ? 'budget.covered-by-vote'
              : 'budget.covered',
        params: { fromDay: clash.fromDay, toDay: clash.toDay, line: i + 1 },
      });
    return { ...line, account: account.path, accountId: account.id, amountMinor, currency };
  });
  if (errors.length > 0)
    throw badRequest(
      errors.some((e) => e.pointer.endsWith('/account'))
        ? 'Budgets are for income and expense accounts.'
        : errors.some((e) => e.pointer.endsWith('/amount'))
          ? `Amounts are in ${currency}, with its decimals.`
          : 'One account has one budget for a day.',
      errors,
    ).because('budget.lines', { count: errors.length });
  return checked;
}

/** One budget writer at a time per co-op: two votes closing together would each keep a line. */
async function lockBudgets(tx: Executor, coopId: string) {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`budgets:${coopId}`}, 0))`);
}

type CheckedLines = Awaited<ReturnType<typeof checkBudgetLines>>;

/** Writes checked budget lines, each with its event; `pollId` when a proposal adopted them. */
async function writeBudgetLines(
  tx: Tx,
  coopId: string,
  emit: RunContext['emit'],
  lines: CheckedLines,
  by: { actorId: string | null; pollId?: string | undefined },
) {
  await lockBudgets(tx, coopId);
  const ids: string[] = [];
  for (const line of lines) {
    // A budget the members adopt replaces, account by account, the lines it covers: a revised
    // budget is the budget, not a second one beside it.
    if (by.pollId) {
      const replaced = await tx
        .delete(budgets)
        .where(
          and(
            eq(budgets.coopId, coopId),
            eq(budgets.accountId, line.accountId),
            gte(budgets.fromDay, line.fromDay),
            lte(budgets.toDay, line.toDay),
          ),
        )
        .returning({
          id: budgets.id,
          pollId: budgets.pollId,
          fromDay: budgets.fromDay,
          toDay: budgets.toDay,
          amountMinor: budgets.amountMinor,
        });
      for (const old of replaced)
        await emit(budgetRemoved, old.id, {
          account: line.account,
          fromDay: old.fromDay,
          toDay: old.toDay,
          amountMinor: String(old.amountMinor),
          replacedByPollId: by.pollId,
          adoptedByPollId: old.pollId,
        });
    }
    const [row] = await tx
      .insert(budgets)
      .values({
        coopId,
        accountId: line.accountId,
        fromDay: line.fromDay,
        toDay: line.toDay,
        amountMinor: line.amountMinor,
        currency: line.currency,
        pollId: by.pollId ?? null,
        enteredBy: by.actorId,
      })
      .returning({ id: budgets.id });
    await emit(budgetSet, row!.id, {
      account: line.account,
      fromDay: line.fromDay,
      toDay: line.toDay,
      amount: line.amount,
      pollId: by.pollId ?? null,
    });
    ids.push(row!.id);
  }
  return ids;
}

/**
 * The budget lines a passed proposal carries, adopted as the members voted them: governance
 * runs it inside the poll's close. Each replaces the lines it covers whole.
 */
export const adoptBudget = defineCommand({
  name: 'finance.adoptBudget',
  input: z.strictObject({ pollId: z.uuid(), lines: z.array(budgetLineSchema) }),
  // The vote decided it: the co-op itself adopts it (governance runs this as the system actor
  // when the poll closes), and no person may adopt lines by calling it.
  policy: financePolicy.adoptVotedBudget,
  denied: 'A budget is adopted by the vote that passed it.',
  events: [budgetSet, budgetRemoved],
  async run(tx, { pollId, lines }, ctx) {
    const checked = await checkBudgetLines(
      tx,
      ctx.coopId,
      lines,
      (i) => `/budget/${i}`,
      'adoption',
    );
    const ids = await writeBudgetLines(tx, ctx.coopId, ctx.emit, checked, {
      actorId: ctx.actor.personId,
      pollId,
    });
    return { adopted: ids.length };
  },
});

/** A budget line for an income or expense account, entered by an officer. */
export const setBudget = defineCommand({
  name: 'finance.setBudget',
  input: budgetLineSchema,
  policy: financePolicy.keepBooks,
  events: [budgetSet, budgetRemoved],
  async run(tx, line, ctx) {
    const coopId = ctx.coopId;
    await lockBudgets(tx, coopId);
    const checked = await checkBudgetLines(tx, coopId, [line], () => '', 'officer');
    const [id] = await writeBudgetLines(tx, coopId, ctx.emit, checked, {
      actorId: ctx.actor.personId,
    });
    return { id: id! };
  },
});

/**
 * Takes back a budget line an officer entered (a mistake, a plan that changed). A line the
 * members adopted by vote stays: only another vote changes what a vote decided.
 */
export const removeBudget = defineCommand({
  name: 'finance.removeBudget',
  input: z.strictObject({ budgetId: z.uuid() }),
  policy: financePolicy.keepBooks,
  events: [budgetRemoved],
  async run(tx, { budgetId: id }, ctx) {
    const coopId = ctx.coopId;
    await lockBudgets(tx, coopId);
    const [line] = await tx
      .select({ pollId: budgets.pollId, account: accounts.path, amountMinor: budgets.amountMinor })
      .from(budgets)
      .innerJoin(accounts, eq(accounts.id, budgets.accountId))
      .where(and(eq(budgets.coopId, coopId), eq(budgets.id, id)))
      .for('update', { of: budgets });
    if (!line) throw notFound('This budget line');
    if (line.pollId)
      throw conflict(
        'The members adopted this budget line by vote; only another vote changes it.',
      ).because('budget.adopted-by-vote');
    await tx.delete(budgets).where(and(eq(budgets.coopId, coopId), eq(budgets.id, id)));
    await ctx.emit(budgetRemoved, id, {
      account: line.account,
      amountMinor: String(line.amountMinor),
    });
  },
});

/** Each budget line overlapping the period against what the books show for its own period. */
export async function budgetVsActual(executor: Executor, coopId: string, from: string, to: string) {
  const lines = await executor
    .select({
      id: budgets.id,
      account: accounts.path,
      type: accounts.type,
      fromDay: budgets.fromDay,
      toDay: budgets.toDay,
      amountMinor: budgets.amountMinor,
      pollId: budgets.pollId,
    })
    .from(budgets)
    .innerJoin(accounts, eq(accounts.id, budgets.accountId))
    .where(and(eq(budgets.coopId, coopId), lte(budgets.fromDay, to), gte(budgets.toDay, from)))
    .orderBy(accounts.path);
  const result = [];
  for (const line of lines) {
    const changes = await changesBetween(executor, coopId, line.fromDay, line.toDay);
    const raw = changes.find((c) => c.account === line.account)?.balance ?? 0n;
    const actual = line.type === 'income' ? -raw : raw;
    result.push({ ...line, actualMinor: actual, varianceMinor: actual - line.amountMinor });
  }
  return result;
}
