import { sql } from 'drizzle-orm';
import type { EntryFact } from './entryFacts.ts';
import type { Executor } from '../platform/db/database.ts';
import { queryRows } from '../platform/db/rows.ts';
import { formatAmount } from '../platform/money/amount.ts';

export interface BalanceRow {
  account: string;
  currency: string;
  balance_minor: string;
}

/**
 * Balances at the end of a day, debits positive, from the kept balances: the months before the
 * day's month, then the days of that month up to it. Accounts at zero are left out.
 */
export async function trialBalance(
  executor: Executor,
  coopId: string,
  at: string,
): Promise<BalanceRow[]> {
  return queryRows<BalanceRow>(
    executor,
    sql`select a.path as account, b.currency, sum(b.change)::text as balance_minor
        from (
          select account_id, currency, change_minor as change from monthly_balances
            where coop_id = ${coopId} and month < date_trunc('month', ${at}::date)
          union all
          select account_id, currency, change_minor from daily_balances
            where coop_id = ${coopId} and day >= date_trunc('month', ${at}::date) and day <= ${at}::date
        ) b
        join accounts a on a.coop_id = ${coopId} and a.id = b.account_id
        group by a.path, b.currency
        having sum(b.change) <> 0
        order by a.path, b.currency`,
  );
}

export interface BalanceDifference {
  table: 'monthly_balances' | 'daily_balances';
  account: string;
  currency: string;
  period: string;
  kept: string;
  recomputed: string;
}

/** `coop ledger verify`: every kept balance against the same figure recomputed from postings. */
export async function verifyBalances(
  executor: Executor,
  coopId: string,
): Promise<BalanceDifference[]> {
  const compare = (table: 'monthly_balances' | 'daily_balances', bucket: 'month' | 'day') =>
    queryRows<BalanceDifference>(
      executor,
      sql`with recomputed as (
            select account_id, currency,
                   ${bucket === 'month' ? sql`date_trunc('month', effective_on)::date` : sql`effective_on`} as period,
                   sum(amount_minor) as amount, sum(coop_amount_minor) as coop_amount
            from postings where coop_id = ${coopId} group by 1, 2, 3),
          kept as (
            select account_id, currency, ${sql.identifier(bucket)} as period, change_minor as amount, coop_change_minor as coop_amount
            from ${sql.identifier(table)} where coop_id = ${coopId})
          select ${table} as "table", a.path as account, coalesce(k.currency, r.currency) as currency,
                 coalesce(k.period, r.period)::text as period,
                 coalesce(k.amount, 0)::text as kept, coalesce(r.amount, 0)::text as recomputed
          from kept k full join recomputed r
            on k.account_id = r.account_id and k.currency = r.currency and k.period = r.period
          join accounts a on a.id = coalesce(k.account_id, r.account_id)
          where coalesce(k.amount, 0) <> coalesce(r.amount, 0) or coalesce(k.coop_amount, 0) <> coalesce(r.coop_amount, 0)
          order by 2, 3, 4`,
    );
  return [
    ...(await compare('monthly_balances', 'month')),
    ...(await compare('daily_balances', 'day')),
  ];
}

export interface LockFinding {
  entryNumber: number;
  effectiveOn: string;
  /** The locked period, `from..to`. */
  period: string;
  problem: string;
}

/**
 * `coop ledger verify`, the locks: an entry dated in a period whose lock stands but recorded
 * after it (its number above the last one the lock saw), which only a write behind the ledger
 * triggers' back, or a race they once lost, leaves; and, for each closed year whose lock
 * stands, any income or expense dated in the year that its close did not zero, which its
 * dividends did not count. A reopened lock is not judged: entries posted while it was open
 * are the reopening's point.
 */
export async function verifyLocks(executor: Executor, coopId: string): Promise<LockFinding[]> {
  const late = await queryRows<{
    number: number;
    effective_on: string;
    from_day: string;
    to_day: string;
    recorded_at: string;
    locked_at: string;
  }>(
    executor,
    sql`select e.number::int as number, e.effective_on::text as effective_on, l.from_day::text as from_day,
               l.to_day::text as to_day, e.recorded_at::text as recorded_at, l.locked_at::text as locked_at
        from period_locks l
        join journal_entries e on e.coop_id = l.coop_id and e.effective_on between l.from_day and l.to_day
          and e.number > l.last_entry_number
        where l.coop_id = ${coopId} and l.reopened_at is null
        order by e.number, l.from_day`,
  );
  const unclosed = await queryRows<{
    fiscal_year: number;
    from_day: string;
    to_day: string;
    path: string;
    currency: string;
    amount: string;
    last_number: number;
  }>(
    executor,
    sql`select c.fiscal_year::int as fiscal_year, c.from_day::text as from_day, c.to_day::text as to_day,
               a.path, p.currency, sum(p.amount_minor)::text as amount, max(e.number)::int as last_number
        from year_end_closes c
        join postings p on p.coop_id = c.coop_id and p.effective_on between c.from_day and c.to_day
        join accounts a on a.id = p.account_id and a.type in ('income', 'expense')
        join journal_entries e on e.id = p.entry_id
        where c.coop_id = ${coopId}
          and exists (select 1 from period_locks l where l.coop_id = c.coop_id and l.reopened_at is null
                      and l.from_day <= c.from_day and l.to_day >= c.to_day)
        group by c.fiscal_year, c.from_day, c.to_day, a.path, p.currency
        having sum(p.amount_minor) <> 0 or sum(p.coop_amount_minor) <> 0
        order by c.fiscal_year, a.path, p.currency`,
  );
  return [
    ...late.map((r) => ({
      entryNumber: r.number,
      effectiveOn: r.effective_on,
      period: `${r.from_day}..${r.to_day}`,
      problem: `entry ${r.number}, dated ${r.effective_on}, was recorded (${r.recorded_at}) after the period ${r.from_day}..${r.to_day} was locked (${r.locked_at})`,
    })),
    ...unclosed.map((r) => ({
      entryNumber: r.last_number,
      effectiveOn: r.to_day,
      period: `${r.from_day}..${r.to_day}`,
      problem: `fiscal year ${r.fiscal_year} is closed, but ${r.path} still holds ${formatAmount(BigInt(r.amount), r.currency)} ${r.currency} dated in it: entries its close and dividends did not count (the latest is entry ${r.last_number})`,
    })),
  ];
}

export async function listEntries(
  executor: Executor,
  coopId: string,
  options: { account?: string; limit: number; beforeNumber?: number },
) {
  return queryRows<{
    number: number;
    id: string;
    effective_on: string;
    kind: string;
    description: string;
    /** `description` as facts; null for an entry a person typed, or one posted before facts. */
    description_fact: EntryFact | null;
    reverses_entry_id: string | null;
    postings: {
      account: string;
      amount_minor: string;
      currency: string;
      coop_amount_minor: string;
      memo: string;
      memo_fact: EntryFact | null;
    }[];
  }>(
    executor,
    sql`select e.number::int as number, e.id, e.effective_on::text as effective_on, e.kind, e.description, e.description_fact, e.reverses_entry_id,
               (select json_agg(json_build_object('account', a.path, 'amount_minor', p.amount_minor::text, 'currency', p.currency,
                                                  'coop_amount_minor', p.coop_amount_minor::text, 'memo', p.memo,
                                                  'memo_fact', p.memo_fact) order by p.id)
                  from postings p join accounts a on a.id = p.account_id where p.entry_id = e.id) as postings
        from journal_entries e
        where e.coop_id = ${coopId}
          ${options.beforeNumber ? sql`and e.number < ${options.beforeNumber}` : sql``}
          ${
            options.account
              ? sql`and exists (select 1 from postings p join accounts a on a.id = p.account_id
                                where p.entry_id = e.id and (a.path = ${options.account} or a.path like ${`${options.account}:%`} or a.code = ${options.account}))`
              : sql``
          }
        order by e.number desc
        limit ${options.limit}`,
  );
}
