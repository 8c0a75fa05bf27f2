import { sql } from 'drizzle-orm';
import type { Actor } from '../platform/actor.ts';
import type { Executor } from '../platform/db/database.ts';
import { queryRows } from '../platform/db/rows.ts';
import { displayDay } from '../platform/i18n/dates.ts';
import type { Locale } from '../platform/i18n/locales.ts';
import type { PendingItem } from '../platform/pending.ts';
import { invoicingPendingText as text } from './pendingMessages.ts';
import { invoicingPolicy } from './policy.ts';

/**
 * Invoices past their due date and not settled: the officers who issue invoices are asked to
 * follow them up; a sponsor's representative, to pay their organization's.
 */
export async function invoicingPending(
  executor: Executor,
  actor: Actor,
  today: string,
  locale: Locale,
): Promise<PendingItem[]> {
  const officer = invoicingPolicy.issue(actor, undefined);
  const organizationId = actor.membership?.organizationId ?? null;
  const ownOnly =
    !officer && organizationId !== null && invoicingPolicy.read(actor, { organizationId });
  if (!officer && !ownOnly) return [];
  const [row] = await queryRows<{ n: number; oldest: string | null }>(
    executor,
    sql`select count(*)::int as n, min(due_date)::text as oldest from invoices
        where coop_id = ${actor.coopId} and kind = 'invoice'
          and status in ('open', 'partially-paid') and due_date < ${today}::date
          ${ownOnly ? sql`and organization_id = ${organizationId}` : sql``}`,
  );
  if (!row || row.n === 0) return [];
  const day = row.oldest ? displayDay(row.oldest, locale) : '';
  return [
    {
      kind: 'overdue-invoices',
      title: text(locale, officer ? 'followUp' : 'pay', { count: row.n }),
      detail: text(locale, officer ? 'unpaidSince' : 'pastSince', { day }),
      href: '/invoices',
      dueAt: null,
    },
  ];
}
