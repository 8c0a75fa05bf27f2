import { sql } from 'drizzle-orm';
import type { Actor } from '../platform/actor.ts';
import type { Executor } from '../platform/db/database.ts';
import { queryRows } from '../platform/db/rows.ts';
import { countOf, type PendingItem } from '../platform/pending.ts';
import { invoicingPolicy } from './policy.ts';

/**
 * Invoices past their due date and not settled: the officers who issue invoices are asked to
 * follow them up; a sponsor's representative, to pay their organization's.
 */
export async function invoicingPending(
  executor: Executor,
  actor: Actor,
  today: string,
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
  const invoices = countOf(row.n, 'overdue invoice');
  return [
    {
      kind: 'overdue-invoices',
      title: officer ? `Follow up ${invoices}` : `Pay ${invoices} of your organization`,
      detail: `${officer ? 'Unpaid past' : 'Past'} their due date, the oldest since ${row.oldest}.`,
      href: '/invoices',
      dueAt: null,
    },
  ];
}
