import { financePending } from '../finance/pending.ts';
import { governancePending } from '../governance/pending.ts';
import { invoicingPending } from '../invoicing/pending.ts';
import type { Actor } from '../platform/actor.ts';
import type { Executor } from '../platform/db/database.ts';
import type { Locale } from '../platform/i18n/locales.ts';
import type { PendingItem } from '../platform/pending.ts';
import { requestsPending } from '../requests/pending.ts';
import { serviceCreditsPending } from '../servicelevels/credits/pending.ts';
import { digestsPending } from '../digests/pending.ts';

/**
 * Everything the co-op is waiting for from this person, across the domains: deadlines first
 * (soonest first), then what has none, in the domains' order. The texts come translated into
 * the person's language, so that the home card and the digest say the same words.
 */
export async function whatNeeds(
  executor: Executor,
  actor: Actor,
  today: string,
  locale: Locale,
): Promise<PendingItem[]> {
  const items = [
    ...(await governancePending(executor, actor, locale)),
    ...(await financePending(executor, actor, locale)),
    ...(await invoicingPending(executor, actor, today, locale)),
    ...(await requestsPending(executor, actor, locale)),
    ...(await serviceCreditsPending(executor, actor, today, locale)),
    ...(await digestsPending(executor, actor, locale)),
  ];
  const due = items.filter((i) => i.dueAt).sort((a, b) => +a.dueAt! - +b.dueAt!);
  return [...due, ...items.filter((i) => !i.dueAt)];
}
