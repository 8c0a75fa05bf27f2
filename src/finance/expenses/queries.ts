import { and, asc, desc, eq, inArray, isNull, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Actor } from '../../platform/actor.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Executor } from '../../platform/db/database.ts';
import { people } from '../../members/schema.ts';
import { notFound } from '../../platform/errors.ts';
import { formatAmount } from '../../platform/money/amount.ts';
import { authorize } from '../../platform/policy.ts';
import { accounts, expenseApprovals, expenseClaims, files, journalEntries } from '../schema.ts';
import type { claimStatuses } from '../schema.ts';
import { expensePolicy } from './policy.ts';
import { approvalRule } from './repository.ts';

export interface ClaimView {
  id: string;
  title: string;
  category: string;
  account: { id: string; code: string; path: string };
  incurredOn: string;
  amount: string;
  currency: string;
  status: (typeof claimStatuses)[number];
  receipt: { id: string; name: string; contentType: string; size: number; sha256: string } | null;
  submittedBy: { id: string; displayName: string };
  submittedAt: Date | null;
  decidedAt: Date | null;
  rejectionReason: string | null;
  approvals: { approverId: string; displayName: string; approvedAt: Date }[];
  /** Distinct approvers the bylaws require for this claim (1, or 2 above the threshold). */
  approvalsNeeded: number;
  dualApprovalAbove: { amount: string; currency: string };
  paidEntry: { id: string; number: number } | null;
  /**
   * The claim's payments in the books, oldest first. A payment whose entry was reversed names
   * its reversal: the claim went back to approved then, and may have been paid again.
   */
  payments: ClaimPayment[];
  createdAt: Date;
}

export interface ClaimPayment {
  entry: { id: string; number: number; effectiveOn: string };
  reversedBy: { id: string; number: number; effectiveOn: string; description: string } | null;
}

/** The payment entries `payClaim` posted for these claims, each with its reversal if any. */
async function claimPayments(
  executor: Executor,
  coopId: string,
  claimIds: string[],
): Promise<Map<string, ClaimPayment[]>> {
  const byClaim = new Map<string, ClaimPayment[]>();
  if (claimIds.length === 0) return byClaim;
  const reversal = alias(journalEntries, 'reversal');
  const rows = await executor
    .select({
      claimId: journalEntries.sourceId,
      entry: {
        id: journalEntries.id,
        number: journalEntries.number,
        effectiveOn: journalEntries.effectiveOn,
      },
      reversedBy: {
        id: reversal.id,
        number: reversal.number,
        effectiveOn: reversal.effectiveOn,
        description: reversal.description,
      },
    })
    .from(journalEntries)
    .leftJoin(
      reversal,
      and(
        eq(reversal.coopId, journalEntries.coopId),
        eq(reversal.reversesEntryId, journalEntries.id),
      ),
    )
    .where(
      and(
        eq(journalEntries.coopId, coopId),
        eq(journalEntries.sourceType, 'expense-claim'),
        inArray(journalEntries.sourceId, claimIds),
        eq(journalEntries.kind, 'expense'),
        isNull(journalEntries.reversesEntryId),
      ),
    )
    .orderBy(asc(journalEntries.number));
  for (const r of rows) {
    const payments = byClaim.get(r.claimId!) ?? [];
    payments.push({
      entry: { ...r.entry, number: Number(r.entry.number) },
      reversedBy: r.reversedBy ? { ...r.reversedBy, number: Number(r.reversedBy.number) } : null,
    });
    byClaim.set(r.claimId!, payments);
  }
  return byClaim;
}

async function claimViews(
  executor: Executor,
  coopId: string,
  clock: Pick<Clock, 'today'>,
  where: SQL | undefined,
  limit = 500,
) {
  const rows = await executor
    .select({
      claim: {
        id: expenseClaims.id,
        title: expenseClaims.title,
        category: expenseClaims.category,
        incurredOn: expenseClaims.incurredOn,
        amountMinor: expenseClaims.amountMinor,
        currency: expenseClaims.currency,
        status: expenseClaims.status,
        submittedBy: expenseClaims.submittedBy,
        submittedAt: expenseClaims.submittedAt,
        decidedAt: expenseClaims.decidedAt,
        rejectionReason: expenseClaims.rejectionReason,
        createdAt: expenseClaims.createdAt,
        receiptFileId: expenseClaims.receiptFileId,
      },
      submitterName: people.displayName,
      account: { id: accounts.id, code: accounts.code, path: accounts.path },
      // The receipt's description only: its content is read by the download route alone.
      receiptName: files.name,
      receiptType: files.contentType,
      receiptSize: files.size,
      receiptSha256: files.sha256,
      paidEntryId: journalEntries.id,
      paidEntryNumber: journalEntries.number,
    })
    .from(expenseClaims)
    .innerJoin(
      people,
      and(eq(people.coopId, expenseClaims.coopId), eq(people.id, expenseClaims.submittedBy)),
    )
    .innerJoin(
      accounts,
      and(eq(accounts.coopId, expenseClaims.coopId), eq(accounts.id, expenseClaims.accountId)),
    )
    .leftJoin(
      files,
      and(eq(files.coopId, expenseClaims.coopId), eq(files.id, expenseClaims.receiptFileId)),
    )
    .leftJoin(
      journalEntries,
      and(
        eq(journalEntries.coopId, expenseClaims.coopId),
        eq(journalEntries.id, expenseClaims.paidEntryId),
      ),
    )
    .where(and(eq(expenseClaims.coopId, coopId), where))
    .orderBy(desc(expenseClaims.createdAt), desc(expenseClaims.id))
    .limit(limit);
  const ids = rows.map((r) => r.claim.id);
  const approvals = ids.length
    ? await executor
        .select({
          claimId: expenseApprovals.claimId,
          approverId: expenseApprovals.approverId,
          displayName: people.displayName,
          approvedAt: expenseApprovals.approvedAt,
        })
        .from(expenseApprovals)
        .innerJoin(
          people,
          and(
            eq(people.coopId, expenseApprovals.coopId),
            eq(people.id, expenseApprovals.approverId),
          ),
        )
        .where(and(eq(expenseApprovals.coopId, coopId), inArray(expenseApprovals.claimId, ids)))
        .orderBy(asc(expenseApprovals.approvedAt))
    : [];
  const payments = await claimPayments(executor, coopId, ids);
  const rule = await approvalRule(executor, coopId, clock);
  return rows.map((r): ClaimView => {
    const c = r.claim;
    const { needed, above, currency } = rule(c);
    return {
      id: c.id,
      title: c.title,
      category: c.category,
      account: r.account,
      incurredOn: c.incurredOn,
      amount: formatAmount(c.amountMinor, c.currency),
      currency: c.currency,
      status: c.status,
      receipt:
        c.receiptFileId && r.receiptName !== null
          ? {
              id: c.receiptFileId,
              name: r.receiptName,
              contentType: r.receiptType!,
              size: r.receiptSize!,
              sha256: r.receiptSha256!,
            }
          : null,
      submittedBy: { id: c.submittedBy, displayName: r.submitterName },
      submittedAt: c.submittedAt,
      decidedAt: c.decidedAt,
      rejectionReason: c.rejectionReason,
      approvals: approvals
        .filter((a) => a.claimId === c.id)
        .map(({ approverId, displayName, approvedAt }) => ({
          approverId,
          displayName,
          approvedAt,
        })),
      approvalsNeeded: needed,
      dualApprovalAbove: { amount: above, currency },
      paidEntry:
        r.paidEntryId !== null ? { id: r.paidEntryId, number: Number(r.paidEntryNumber) } : null,
      payments: payments.get(c.id) ?? [],
      createdAt: c.createdAt,
    };
  });
}

/** One claim as its readers see it; the caller has checked who may read it. */
export async function claimView(
  executor: Executor,
  coopId: string,
  claimId: string,
  clock: Pick<Clock, 'today'>,
): Promise<ClaimView | undefined> {
  const [view] = await claimViews(executor, coopId, clock, eq(expenseClaims.id, claimId), 1);
  return view;
}

/**
 * Claims, newest first. Members see their own; administrators and officers see everyone's,
 * or their own with `mine`.
 */
export async function listClaims(
  executor: Executor,
  actor: Actor,
  filter: { status?: (typeof claimStatuses)[number]; mine?: boolean; limit: number },
  clock: Pick<Clock, 'today'>,
): Promise<ClaimView[]> {
  const own = filter.mine || !expensePolicy.seeAll(actor, undefined);
  if (own && actor.personId === null) return [];
  return claimViews(
    executor,
    actor.coopId,
    clock,
    and(
      own ? eq(expenseClaims.submittedBy, actor.personId!) : undefined,
      filter.status ? eq(expenseClaims.status, filter.status) : undefined,
    ),
    filter.limit,
  );
}

export interface ReceiptContent {
  name: string;
  contentType: string;
  size: number;
  sha256: string;
  content: Buffer;
}

/**
 * A receipt's bytes, for its uploader and for whoever may see a claim it is attached to;
 * anyone else is refused as `authorize` refuses (401 for the public, 403 otherwise).
 */
export async function readReceipt(
  executor: Executor,
  actor: Actor,
  fileId: string,
): Promise<ReceiptContent> {
  const [file] = await executor
    .select({
      name: files.name,
      contentType: files.contentType,
      size: files.size,
      sha256: files.sha256,
      content: files.content,
      uploadedBy: files.uploadedBy,
    })
    .from(files)
    .where(and(eq(files.coopId, actor.coopId), eq(files.id, fileId)));
  if (!file) throw notFound('This receipt');
  const own = actor.personId !== null && file.uploadedBy === actor.personId;
  if (!own) {
    const claims = await executor
      .select({ submittedBy: expenseClaims.submittedBy })
      .from(expenseClaims)
      .where(and(eq(expenseClaims.coopId, actor.coopId), eq(expenseClaims.receiptFileId, fileId)));
    const visible = claims.some((c) => expensePolicy.see(actor, c));
    authorize(actor, () => visible, undefined, 'Only those who may see its claim read a receipt.');
  }
  const { content } = file;
  return {
    name: file.name,
    contentType: file.contentType,
    size: file.size,
    sha256: file.sha256,
    // PGlite answers a Uint8Array, node-postgres a Buffer.
    content: Buffer.from(content.buffer, content.byteOffset, content.byteLength),
  };
}

/** What a claim form offers: the expense accounts, the categories used so far, the rules. */
export async function claimFormOptions(
  executor: Executor,
  coopId: string,
  clock: Pick<Clock, 'today'>,
) {
  const expenseAccounts = await executor
    .select({ code: accounts.code, path: accounts.path })
    .from(accounts)
    .where(
      and(eq(accounts.coopId, coopId), eq(accounts.type, 'expense'), isNull(accounts.archivedAt)),
    )
    .orderBy(asc(accounts.code));
  const categories = await executor
    .selectDistinct({ category: expenseClaims.category })
    .from(expenseClaims)
    .where(eq(expenseClaims.coopId, coopId))
    .orderBy(asc(expenseClaims.category));
  const rule = (await approvalRule(executor, coopId, clock))({ amountMinor: 0n, currency: '' });
  return {
    currency: rule.currency,
    dualApprovalAbove: { amount: rule.above, currency: rule.currency },
    // Postings under a parent account (expenses) are allowed, but a leaf is what one means.
    accounts: expenseAccounts.filter(
      (a) => !expenseAccounts.some((b) => b.path.startsWith(`${a.path}:`)),
    ),
    categories: categories.map((c) => c.category),
  };
}
