import { sql } from 'drizzle-orm';
import type { Actor } from '../platform/actor.ts';
import type { Executor } from '../platform/db/database.ts';
import { queryRows } from '../platform/db/rows.ts';
import { displayDay } from '../platform/i18n/dates.ts';
import type { Locale } from '../platform/i18n/locales.ts';
import type { PendingItem } from '../platform/pending.ts';
import { digestsPendingText as text } from './pendingMessages.ts';
import { digestsPolicy } from './policy.ts';

/**
 * Digests the daily job (or an officer) prepared and nobody has sent: a sponsor hears nothing
 * until an officer reads one, adds a note if they like, and sends it.
 */
export async function digestsPending(
  executor: Executor,
  actor: Actor,
  locale: Locale,
): Promise<PendingItem[]> {
  if (!digestsPolicy.manage(actor, undefined)) return [];
  const [row] = await queryRows<{ n: number; oldest: string | null }>(
    executor,
    sql`select count(*)::int as n, min(period_to)::text as oldest from sponsor_digests
        where coop_id = ${actor.coopId} and state = 'prepared'`,
  );
  if (!row || row.n === 0) return [];
  return [
    {
      kind: 'send-digests',
      title: text(locale, 'send', { count: row.n }),
      detail: text(locale, 'sendDetail', { day: displayDay(row.oldest ?? '', locale) }),
      href: '/digests',
      dueAt: null,
    },
  ];
}
