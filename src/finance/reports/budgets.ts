import { and, eq, gte, lte } from 'drizzle-orm';
import { z } from 'zod';
import { findCoop } from '../../coop/queries.ts';
import type { CommandContext } from '../../platform/commands.ts';
import type { Executor } from '../../platform/db/database.ts';
import { badRequest } from '../../platform/errors.ts';
import { appendEvent } from '../../platform/events.ts';
import { AmountError, parseAmount } from '../../platform/money/amount.ts';
import { authorize } from '../../platform/policy.ts';
import { parseInput } from '../../platform/validation.ts';
import { financePolicy } from '../policy.ts';
import { resolveAccounts } from '../repository.ts';
import { accounts, budgets } from '../schema.ts';
import { changesBetween } from './financialReports.ts';

export const budgetInputSchema = z
  .strictObject({
    account: z.string().min(1).max(200),
    fromDay: z.iso.date(),
    toDay: z.iso.date(),
    amount: z.string().regex(/^\d{1,15}(\.\d+)?$/, 'a positive amount like 12000.00'),
    pollId: z.uuid().optional(),
  })
  .refine((b) => b.toDay >= b.fromDay, {
    message: 'the period ends before it starts',
    path: ['toDay'],
  })
  .meta({ id: 'Budget' });

/** A budget line for an income or expense account, entered by an officer or adopted by a proposal. */
export async function setBudget(ctx: CommandContext, input: z.input<typeof budgetInputSchema>) {
  authorize(ctx.actor, financePolicy.keepBooks, undefined);
  const b = parseInput(budgetInputSchema, input);
  const coopId = ctx.actor.coopId;
  return ctx.db.transaction(async (tx) => {
    const account = (
      await resolveAccounts(tx, coopId, [{ name: b.account, pointer: '/account' }])
    ).get(b.account)!;
    if (account.type !== 'income' && account.type !== 'expense')
      throw badRequest('Budgets are for income and expense accounts.', [
        { pointer: '/account', message: `${account.path} is an ${account.type} account` },
      ]);
    const currency = (await findCoop(tx))!.currency;
    let amountMinor: bigint;
    try {
      amountMinor = parseAmount(b.amount, currency);
    } catch (error) {
      if (error instanceof AmountError)
        throw badRequest(error.message, [{ pointer: '/amount', message: error.message }]);
      throw error;
    }
    const [row] = await tx
      .insert(budgets)
      .values({
        coopId,
        accountId: account.id,
        fromDay: b.fromDay,
        toDay: b.toDay,
        amountMinor,
        currency,
        pollId: b.pollId ?? null,
        enteredBy: ctx.actor.personId,
      })
      .returning({ id: budgets.id });
    await appendEvent(tx, {
      coopId,
      type: 'ledger.budget-set',
      actorId: ctx.actor.personId,
      subjectType: 'budget',
      subjectId: row!.id,
      data: { ...b, account: account.path },
    });
    return { id: row!.id };
  });
}

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
