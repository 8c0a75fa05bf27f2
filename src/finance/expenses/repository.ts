import { and, desc, eq, ne, sql } from 'drizzle-orm';
import { currentBylaws } from '../../bylaws/repository.ts';
import { coopCurrency } from '../../coop/queries.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Executor } from '../../platform/db/database.ts';
import { badRequest, notFound } from '../../platform/errors.ts';
import { AmountError, formatAmount, parseAmount } from '../../platform/money/amount.ts';
import { amountRefusal, notPositive } from '../amountRefusal.ts';
import { resolveAccounts, type Account } from '../repository.ts';
import { accounts, expenseClaims, files, type AccountType } from '../schema.ts';

export type Claim = typeof expenseClaims.$inferSelect;

export { positiveDecimal } from './claimInput.ts';

export { coopCurrency };

/** A positive amount in minor units; more decimals than the currency has is refused, never rounded. */
export function positiveMinor(amount: string, currency: string, pointer: string): bigint {
  let minor: bigint;
  try {
    minor = parseAmount(amount, currency);
  } catch (error) {
    if (!(error instanceof AmountError)) throw error;
    throw amountRefusal(amount, currency, pointer, error.message);
  }
  if (minor <= 0n) throw notPositive(pointer);
  return minor;
}

export async function loadClaim(
  tx: Executor,
  coopId: string,
  claimId: string,
  options: { forUpdate?: boolean } = {},
): Promise<Claim> {
  const query = tx
    .select()
    .from(expenseClaims)
    .where(and(eq(expenseClaims.coopId, coopId), eq(expenseClaims.id, claimId)));
  const [claim] = options.forUpdate ? await query.for('update') : await query;
  if (!claim) throw notFound('This expense claim');
  return claim;
}

/** An account named by code or path, which must be open and of the given type. */
export async function resolveAccountOfType(
  tx: Executor,
  coopId: string,
  name: string,
  type: AccountType,
  pointer: string,
): Promise<Account> {
  const account = (await resolveAccounts(tx, coopId, [{ name, pointer }])).get(name)!;
  const wanted = type === 'expense' ? 'an expense account' : `an ${type} account`;
  if (account.type !== type)
    throw badRequest(`${account.path} is not ${wanted}.`, [
      { pointer, message: `${account.path} is an ${account.type} account; choose ${wanted}` },
    ]).because('account.wrong-type', {
      account: account.path,
      accountType: account.type,
      wantedAccountType: type,
    });
  if (account.archivedAt)
    throw badRequest(`${account.path} is archived.`, [
      { pointer, message: `${account.path} is archived` },
    ]).because('account.archived', { account: account.path });
  return account;
}

/**
 * A category may not contradict the account: "travel" booked to expenses:software is refused
 * when "travel" names another expense account, or earlier claims filed it under another one.
 */
export async function assertCategoryFitsAccount(
  tx: Executor,
  coopId: string,
  category: string,
  account: Pick<Account, 'id'> & { path?: string },
  pointer: string,
): Promise<void> {
  const path =
    account.path ??
    (
      await tx
        .select({ path: accounts.path })
        .from(accounts)
        .where(and(eq(accounts.coopId, coopId), eq(accounts.id, account.id)))
    )[0]!.path;
  const wanted = category.trim().toLowerCase();
  const [named] = await tx
    .select({ path: accounts.path })
    .from(accounts)
    .where(
      and(
        eq(accounts.coopId, coopId),
        eq(accounts.type, 'expense'),
        ne(accounts.id, account.id),
        sql`lower(regexp_replace(${accounts.path}, '^.*:', '')) = ${wanted}`,
      ),
    )
    .limit(1);
  const [filed] = named
    ? [named]
    : await tx
        .select({ path: accounts.path })
        .from(expenseClaims)
        .innerJoin(
          accounts,
          and(eq(accounts.coopId, expenseClaims.coopId), eq(accounts.id, expenseClaims.accountId)),
        )
        .where(
          and(
            eq(expenseClaims.coopId, coopId),
            ne(expenseClaims.accountId, account.id),
            sql`lower(${expenseClaims.category}) = ${wanted}`,
          ),
        )
        .orderBy(desc(expenseClaims.createdAt))
        .limit(1);
  if (filed)
    throw badRequest(`“${category}” is booked to ${filed.path}, not ${path}.`, [
      {
        pointer,
        message: `“${category}” claims go to ${filed.path}: choose that account, or another category`,
      },
    ]).because('claim.category-elsewhere', { category, account: filed.path, chosen: path });
}

/** A receipt may be attached only by the person who uploaded it. */
export async function assertOwnReceipt(
  tx: Executor,
  coopId: string,
  fileId: string,
  personId: string,
  pointer: string,
): Promise<void> {
  const [file] = await tx
    .select({ uploadedBy: files.uploadedBy })
    .from(files)
    .where(and(eq(files.coopId, coopId), eq(files.id, fileId)));
  if (!file || file.uploadedBy !== personId)
    throw badRequest('This receipt does not exist or was uploaded by someone else.', [
      { pointer, message: 'no receipt of yours has this id: upload it first' },
    ]).because('receipt.not-yours');
}

export interface ApprovalRule {
  needed: 1 | 2;
  /** The bylaws' threshold, as a decimal string in the co-op's currency. */
  above: string;
  currency: string;
}

/**
 * How many distinct approvers a claim needs, from the bylaws in force: two above
 * `expenses.dualApprovalAboveMinor` (co-op currency). A claim in another currency cannot be
 * compared without a rate, so it always needs two.
 */
export async function approvalRule(
  executor: Executor,
  coopId: string,
  clock: Pick<Clock, 'today'>,
): Promise<(claim: Pick<Claim, 'amountMinor' | 'currency'>) => ApprovalRule> {
  const bylaws = (await currentBylaws(executor, coopId, clock)).document;
  const currency = await coopCurrency(executor, coopId);
  const threshold = BigInt(bylaws.expenses.dualApprovalAboveMinor);
  const above = formatAmount(threshold, currency);
  return (claim) => ({
    needed: claim.currency !== currency || claim.amountMinor > threshold ? 2 : 1,
    above,
    currency,
  });
}

const statusWords: Record<Claim['status'], string> = {
  draft: 'is still a draft',
  submitted: 'is waiting for approval',
  approved: 'is already approved',
  rejected: 'was rejected',
  paid: 'is already paid',
};
/** "This claim is already paid." and the like, for a refused change of state. */
export const claimIs = (status: Claim['status']): string => `This claim ${statusWords[status]}.`;
