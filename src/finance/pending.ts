import { sql } from 'drizzle-orm';
import type { Actor } from '../platform/actor.ts';
import type { Executor } from '../platform/db/database.ts';
import { queryRows } from '../platform/db/rows.ts';
import type { Locale } from '../platform/i18n/locales.ts';
import type { PendingItem } from '../platform/pending.ts';
import { expensePolicy } from './expenses/policy.ts';
import { financePendingText as text } from './pendingMessages.ts';
import { financePolicy } from './policy.ts';

/**
 * What the books wait for from this person: claims to approve (never their own, nor one they
 * approved), approved claims to pay, and bank lines to review.
 */
export async function financePending(
  executor: Executor,
  actor: Actor,
  locale: Locale,
): Promise<PendingItem[]> {
  const coopId = actor.coopId;
  const items: PendingItem[] = [];
  if (actor.personId && expensePolicy.decide(actor, undefined)) {
    const [row] = await queryRows<{ n: number; oldest: Date | null }>(
      executor,
      sql`select count(*)::int as n, min(c.submitted_at) as oldest from expense_claims c
          where c.coop_id = ${coopId} and c.status = 'submitted' and c.submitted_by <> ${actor.personId}
            and not exists (select 1 from expense_approvals a
              where a.coop_id = c.coop_id and a.claim_id = c.id and a.approver_id = ${actor.personId})`,
    );
    if (row && row.n > 0)
      items.push({
        kind: 'approve-claims',
        title: text(locale, 'approveClaims.title', { count: row.n }),
        detail: text(locale, 'approveClaims.detail'),
        href: '/books/expenses?status=submitted',
        dueAt: null,
      });
  }
  if (financePolicy.keepBooks(actor, undefined)) {
    const [claims] = await queryRows<{ n: number }>(
      executor,
      sql`select count(*)::int as n from expense_claims where coop_id = ${coopId} and status = 'approved'`,
    );
    if (claims && claims.n > 0)
      items.push({
        kind: 'pay-claims',
        title: text(locale, 'payClaims.title', { count: claims.n }),
        detail: text(locale, 'payClaims.detail'),
        href: '/books/expenses?status=approved',
        dueAt: null,
      });
    const [lines] = await queryRows<{ suggested: number; unmatched: number }>(
      executor,
      sql`select count(*) filter (where status = 'suggested')::int as suggested,
                 count(*) filter (where status = 'unmatched')::int as unmatched
          from bank_lines where coop_id = ${coopId}`,
    );
    if (lines && lines.suggested + lines.unmatched > 0)
      items.push({
        kind: 'review-bank-lines',
        title: text(locale, 'reviewBankLines.title', { count: lines.suggested + lines.unmatched }),
        detail: text(locale, 'reviewBankLines.detail', {
          suggested: text(locale, 'suggested', { count: lines.suggested }),
          unmatched: lines.unmatched,
        }),
        href: '/books/bank',
        dueAt: null,
      });
  }
  return items;
}
