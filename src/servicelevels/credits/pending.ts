import { sql } from 'drizzle-orm';
import { invoicesFinalizedSince } from '../../invoicing/queries.ts';
import type { Actor } from '../../platform/actor.ts';
import type { Executor } from '../../platform/db/database.ts';
import { queryRows } from '../../platform/db/rows.ts';
import { displayDay } from '../../platform/i18n/dates.ts';
import type { Locale } from '../../platform/i18n/locales.ts';
import type { PendingItem } from '../../platform/pending.ts';
import { serviceLevelsPolicy } from '../policy.ts';
import { serviceCreditsPendingText as text } from './pendingMessages.ts';

/**
 * Service credits a breach proposed and no officer has decided yet, one item per sponsor: the
 * link opens that sponsor's compliance report from the oldest such clock's day, where the
 * credits are confirmed or declined.
 */
export async function serviceCreditsPending(
  executor: Executor,
  actor: Actor,
  today: string,
  locale: Locale,
): Promise<PendingItem[]> {
  if (!serviceLevelsPolicy.decideCredits(actor, undefined)) return [];
  const rows = await queryRows<{ id: string; name: string; n: number; oldest: string }>(
    executor,
    sql`select o.id, o.display_name as name, count(*)::int as n,
          min(k.started_at)::date::text as oldest
        from service_credits c
        join service_clocks k on k.coop_id = c.coop_id and k.id = c.clock_id
        join organizations o on o.coop_id = c.coop_id and o.id = c.organization_id
        where c.coop_id = ${actor.coopId} and c.state = 'proposed'
        group by o.id, o.display_name
        order by min(k.started_at)`,
  );
  const decide = rows.map((r) => ({
    kind: 'decide-service-credits' as const,
    title: text(locale, 'decide', { count: r.n, organization: r.name }),
    detail: text(locale, 'decideDetail', { day: displayDay(r.oldest, locale) }),
    href: `/organizations/${r.id}/service-report?from=${r.oldest}&to=${today}`,
    dueAt: null,
  }));
  return [...decide, ...(await heldByCurrency(executor, actor.coopId, today, locale))];
}

/**
 * Confirmed credits that the sponsor's invoices pass over: invoices were finalised since the
 * credit was confirmed (or, for one partly issued, since the invoice that took its last part),
 * none of them in its currency (credits go only on an invoice in their own currency), so it would
 * wait for ever unless an officer acts. One item per sponsor and currency.
 */
async function heldByCurrency(
  executor: Executor,
  coopId: string,
  today: string,
  locale: Locale,
): Promise<PendingItem[]> {
  const confirmed = await queryRows<{
    organization_id: string;
    name: string;
    currency: string;
    decided_at: Date;
    started_on: string;
    issues: { invoiceNumber: string }[];
  }>(
    executor,
    sql`select c.organization_id, o.display_name as name, c.currency, c.decided_at,
          k.started_at::date::text as started_on, c.issues
        from service_credits c
        join service_clocks k on k.coop_id = c.coop_id and k.id = c.clock_id
        join organizations o on o.coop_id = c.coop_id and o.id = c.organization_id
        where c.coop_id = ${coopId} and c.state = 'confirmed' and c.decided_at is not null
        order by o.display_name, c.currency, c.decided_at`,
  );
  const items: PendingItem[] = [];
  for (const organizationId of [...new Set(confirmed.map((c) => c.organization_id))]) {
    const own = confirmed.filter((c) => c.organization_id === organizationId);
    const since = new Date(Math.min(...own.map((c) => new Date(c.decided_at).getTime())));
    const invoices = await invoicesFinalizedSince(executor, coopId, organizationId, since);
    // A credit waits from its confirmation, or from the invoice that took its latest part.
    const lastUse = (c: (typeof own)[number]) => {
      const usedOn = new Set(c.issues.map((i) => i.invoiceNumber));
      return invoices.filter((i) => usedOn.has(i.number)).at(-1);
    };
    const waitingSince = (c: (typeof own)[number]) =>
      lastUse(c)?.finalizedAt ?? new Date(c.decided_at);
    const held = own.filter((c) => {
      const later = invoices.filter((i) => i.finalizedAt > waitingSince(c));
      return later.length > 0 && later.every((i) => i.currency !== c.currency);
    });
    for (const currency of [...new Set(held.map((c) => c.currency))]) {
      const waiting = held.filter((c) => c.currency === currency);
      const first = waiting[0]!;
      const later = invoices.filter((i) => i.finalizedAt > waitingSince(first));
      const used = lastUse(first);
      const passedOver = {
        invoice: later.at(-1)!.number,
        currencies: [...new Set(later.map((i) => i.currency))].join(', '),
        currency,
      };
      items.push({
        kind: 'service-credits-held',
        title: text(locale, 'held', { count: waiting.length, organization: first.name, currency }),
        detail: used
          ? text(locale, 'heldRestDetail', {
              ...passedOver,
              usedOn: used.number,
              day: displayDay(used.finalizedAt.toISOString(), locale),
            })
          : text(locale, 'heldDetail', {
              ...passedOver,
              day: displayDay(new Date(first.decided_at).toISOString(), locale),
            }),
        href: `/organizations/${organizationId}/service-report?from=${
          waiting.map((c) => c.started_on).sort()[0]!
        }&to=${today}`,
        dueAt: null,
      });
    }
  }
  return items;
}
