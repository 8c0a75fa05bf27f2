import { financePending } from '../finance/pending.ts';
import { governancePending } from '../governance/pending.ts';
import { invoicingPending } from '../invoicing/pending.ts';
import type { Actor } from '../platform/actor.ts';
import type { Executor } from '../platform/db/database.ts';
import type { PendingItem } from '../platform/pending.ts';

/**
 * Everything the co-op is waiting for from this person, across the domains: deadlines first
 * (soonest first), then what has none, in the domains' order.
 */
export async function whatNeeds(
  executor: Executor,
  actor: Actor,
  today: string,
): Promise<PendingItem[]> {
  const items = [
    ...(await governancePending(executor, actor)),
    ...(await financePending(executor, actor)),
    ...(await invoicingPending(executor, actor, today)),
  ];
  const due = items.filter((i) => i.dueAt).sort((a, b) => +a.dueAt! - +b.dueAt!);
  return [...due, ...items.filter((i) => !i.dueAt)];
}
