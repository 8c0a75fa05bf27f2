import { sql } from 'drizzle-orm';
import type { BylawsDocument } from '../../bylaws/document.ts';
import type { Executor } from '../../platform/db/database.ts';
import { queryRows } from '../../platform/db/rows.ts';
import { formatAmount } from '../../platform/money/amount.ts';
import { coopCurrency } from '../../coop/queries.ts';
import { addDays, firstOfMonth, lastOfMonth, shiftMonths } from '../../platform/dates.ts';

export interface AccountBalance {
  account: string;
  code: string;
  type: 'asset' | 'liability' | 'equity' | 'income' | 'expense';
  /** In the co-op's currency, debits positive. */
  balance: bigint;
}

/** Co-op-currency balances of every account at the end of a day, from the kept balances. */
export async function balancesAt(
  executor: Executor,
  coopId: string,
  at: string,
): Promise<AccountBalance[]> {
  const rows = await queryRows<{
    account: string;
    code: string;
    type: AccountBalance['type'];
    balance: string;
  }>(
    executor,
    sql`select a.path as account, a.code, a.type, sum(b.change)::text as balance
        from (
          select account_id, coop_change_minor as change from monthly_balances
            where coop_id = ${coopId} and month < date_trunc('month', ${at}::date)
          union all
          select account_id, coop_change_minor from daily_balances
            where coop_id = ${coopId} and day >= date_trunc('month', ${at}::date) and day <= ${at}::date
        ) b join accounts a on a.coop_id = ${coopId} and a.id = b.account_id
        group by a.path, a.code, a.type having sum(b.change) <> 0 order by a.code`,
  );
  return rows.map((r) => ({ ...r, balance: BigInt(r.balance) }));
}

/** Changes over a period: the balance at its end less the balance the day before it. */
export async function changesBetween(
  executor: Executor,
  coopId: string,
  from: string,
  to: string,
  options: { withoutYearEndClose?: boolean } = {},
) {
  const [end, start] = await Promise.all([
    balancesAt(executor, coopId, to),
    balancesAt(executor, coopId, addDays(from, -1)),
  ]);
  const byAccount = new Map(end.map((b) => [b.account, { ...b }]));
  for (const b of start) {
    const e = byAccount.get(b.account) ?? { ...b, balance: 0n };
    byAccount.set(b.account, { ...e, balance: e.balance - b.balance });
  }
  if (options.withoutYearEndClose) {
    // A closed year's income and expenses were moved to the surplus by its closing entry:
    // a statement of the year adds them back, so it shows what happened, not the closing.
    const closing = await queryRows<{
      account: string;
      code: string;
      type: AccountBalance['type'];
      amount: string;
    }>(
      executor,
      sql`select a.path as account, a.code, a.type, sum(p.coop_amount_minor)::text as amount
          from postings p join journal_entries e on e.id = p.entry_id join accounts a on a.id = p.account_id
          where p.coop_id = ${coopId} and e.kind = 'year-end-close'
            and p.effective_on between ${from}::date and ${to}::date
          group by a.path, a.code, a.type`,
    );
    for (const c of closing) {
      const e = byAccount.get(c.account) ?? {
        account: c.account,
        code: c.code,
        type: c.type,
        balance: 0n,
      };
      byAccount.set(c.account, { ...e, balance: e.balance - BigInt(c.amount) });
    }
  }
  return [...byAccount.values()]
    .filter((b) => b.balance !== 0n)
    .sort((a, b) => a.code.localeCompare(b.code));
}

const sum = (xs: AccountBalance[]) => xs.reduce((s, x) => s + x.balance, 0n);

/** Assets = liabilities + equity + the surplus not yet closed into equity. Credits shown positive. */
export async function balanceSheet(executor: Executor, coopId: string, at: string) {
  const all = await balancesAt(executor, coopId, at);
  const of = (type: AccountBalance['type'], sign: bigint) =>
    all.filter((b) => b.type === type).map((b) => ({ ...b, balance: b.balance * sign }));
  const assets = of('asset', 1n);
  const liabilities = of('liability', -1n);
  const equity = of('equity', -1n);
  const unclosedSurplus = -sum(all.filter((b) => b.type === 'income' || b.type === 'expense'));
  return {
    at,
    assets,
    liabilities,
    equity,
    unclosedSurplus,
    totals: {
      assets: sum(assets),
      liabilities: sum(liabilities),
      equity: sum(equity) + unclosedSurplus,
    },
  };
}

export async function incomeStatement(
  executor: Executor,
  coopId: string,
  from: string,
  to: string,
) {
  const changes = await changesBetween(executor, coopId, from, to, { withoutYearEndClose: true });
  const income = changes
    .filter((b) => b.type === 'income')
    .map((b) => ({ ...b, balance: -b.balance }));
  const expenses = changes.filter((b) => b.type === 'expense');
  return {
    from,
    to,
    income,
    expenses,
    totals: { income: sum(income), expenses: sum(expenses), surplus: sum(income) - sum(expenses) },
  };
}

/** Per month: money in and out of the bank accounts, and the net change. */
export async function monthlyCashFlow(
  executor: Executor,
  coopId: string,
  from: string,
  to: string,
) {
  const rows = await queryRows<{ month: string; inflow: string; outflow: string }>(
    executor,
    sql`select to_char(p.effective_on, 'YYYY-MM') as month,
               coalesce(sum(p.coop_amount_minor) filter (where p.coop_amount_minor > 0), 0)::text as inflow,
               coalesce(-sum(p.coop_amount_minor) filter (where p.coop_amount_minor < 0), 0)::text as outflow
        from postings p join accounts a on a.id = p.account_id
        where p.coop_id = ${coopId} and (a.path = 'assets:bank' or a.path like 'assets:bank:%')
          and p.effective_on between ${from}::date and ${to}::date
        group by 1 order by 1`,
  );
  return rows.map((r) => ({
    month: r.month,
    inflow: BigInt(r.inflow),
    outflow: BigInt(r.outflow),
    net: BigInt(r.inflow) - BigInt(r.outflow),
  }));
}

/**
 * Runway: unrestricted cash (the bank accounts) over the average net burn (expenses less
 * income) of the last three whole months before the day. Gross burn: average expenses.
 */
export async function runway(executor: Executor, coopId: string, at: string) {
  const currency = await coopCurrency(executor, coopId);
  const money = (minor: bigint) => `${formatAmount(minor, currency)} ${currency}`;
  const balances = await balancesAt(executor, coopId, at);
  const cash = sum(
    balances.filter((b) => b.account === 'assets:bank' || b.account.startsWith('assets:bank:')),
  );
  const months: { month: string; income: bigint; expenses: bigint }[] = [];
  for (let k = 3; k >= 1; k--) {
    const first = shiftMonths(firstOfMonth(at), -k);
    const s = await incomeStatement(executor, coopId, first, lastOfMonth(first));
    months.push({ month: first.slice(0, 7), income: s.totals.income, expenses: s.totals.expenses });
  }
  const grossBurn = months.reduce((s, m) => s + m.expenses, 0n) / 3n;
  const netBurn = months.reduce((s, m) => s + m.expenses - m.income, 0n) / 3n;
  const runwayMonths = netBurn > 0n ? Number((cash * 10n) / netBurn) / 10 : null;
  return {
    at,
    cash,
    months,
    grossBurn,
    netBurn,
    runwayMonths,
    formula: `runway = cash ${money(cash)} / average net burn ${money(netBurn)} of ${months.map((m) => m.month).join(', ')}${runwayMonths === null ? ': not burning cash' : ` = ${runwayMonths} months`}`,
  };
}

/** A bylaws' concentration threshold passed: the figure, the limit, and the sponsor named. */
export type ConcentrationAlert =
  | { kind: 'hhi'; value: number; limit: number }
  | { kind: 'largest-sponsor'; name: string; value: number; limit: number };

/**
 * Funding concentration over the trailing twelve months: the largest sponsor's share, the
 * Herfindahl-Hirschman index (sum of squared percentage shares, 0 to 10,000), and how many
 * sponsors make half the income; warnings when the bylaws' thresholds are passed.
 */
export async function fundingConcentration(
  executor: Executor,
  coopId: string,
  bylaws: BylawsDocument,
  at: string,
) {
  const from = shiftMonths(at, -12);
  const rows = await queryRows<{
    organization_id: string;
    name: string;
    money: string;
    hours: string;
  }>(
    executor,
    sql`select f.organization_id, max(o.display_name) as name, sum(f.coop_amount_minor)::text as money, sum(f.labour_hours)::text as hours
        from funding f join organizations o on o.coop_id = f.coop_id and o.id = f.organization_id
        where f.coop_id = ${coopId} and f.received_on > ${from}::date and f.received_on <= ${at}::date
        group by f.organization_id`,
  );
  const rate = BigInt(bylaws.funding.labourHourRateMinor);
  const sponsors = rows
    .map((r) => ({
      organizationId: r.organization_id,
      name: r.name,
      funding: BigInt(r.money) + BigInt(r.hours) * rate,
    }))
    // A sponsor whose payments in the window were all reversed funded nothing.
    .filter((s) => s.funding !== 0n)
    .sort((a, b) =>
      b.funding > a.funding ? 1 : b.funding < a.funding ? -1 : a.name.localeCompare(b.name),
    );
  const total = sponsors.reduce((s, x) => s + x.funding, 0n);
  const basisPoints = (part: bigint) =>
    total === 0n ? 0 : Number((part * 10_000n + total / 2n) / total);
  const hhi =
    total === 0n
      ? 0
      : Number(
          (sponsors.reduce((s, x) => s + x.funding * x.funding, 0n) * 10_000n +
            (total * total) / 2n) /
            (total * total),
        );
  let cumulative = 0n;
  let half = 0;
  for (const s of sponsors) {
    if (cumulative * 2n >= total) break;
    cumulative += s.funding;
    half++;
  }
  const largestPercent = sponsors[0] ? basisPoints(sponsors[0].funding) / 100 : 0;
  const warnings: string[] = [];
  // The same warnings as facts, so that a reader's app can say them in the reader's language.
  const alerts: ConcentrationAlert[] = [];
  if (hhi > bylaws.concentration.hhiWarning) {
    warnings.push(
      `The Herfindahl-Hirschman index is ${hhi}, above the bylaws' warning level of ${bylaws.concentration.hhiWarning}: funding is concentrated.`,
    );
    alerts.push({ kind: 'hhi', value: hhi, limit: bylaws.concentration.hhiWarning });
  }
  if (largestPercent > bylaws.concentration.largestSponsorPercentWarning) {
    warnings.push(
      `${sponsors[0]!.name} gives ${largestPercent}% of the funding, above the bylaws' ${bylaws.concentration.largestSponsorPercentWarning}%: losing it would stall the co-op.`,
    );
    alerts.push({
      kind: 'largest-sponsor',
      name: sponsors[0]!.name,
      value: largestPercent,
      limit: bylaws.concentration.largestSponsorPercentWarning,
    });
  }
  return {
    from,
    to: at,
    total,
    sponsors: sponsors.map((s) => ({ ...s, sharePercent: basisPoints(s.funding) / 100 })),
    largestSharePercent: largestPercent,
    hhi,
    sponsorsForHalf: half,
    warnings,
    alerts,
  };
}
