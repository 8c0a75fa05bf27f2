import { sql } from 'drizzle-orm';
import { bylawsInForce, currentBylaws } from '../../bylaws/repository.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Actor } from '../../platform/actor.ts';
import type { Executor } from '../../platform/db/database.ts';
import { queryRows } from '../../platform/db/rows.ts';
import { formatAmount } from '../../platform/money/amount.ts';
import { coopCurrency } from '../expenses/repository.ts';
import { payrollPolicy } from './policy.ts';
import { standingRun } from './repository.ts';

export interface SalaryView {
  id: string;
  personId: string;
  displayName: string;
  grossMonthly: string;
  employerCostMonthly: string;
  currency: string;
  effectiveFrom: string;
  effectiveTo: string | null;
}

/** Salary history, newest first: everyone's for those who may see it, else one's own. */
export async function listSalaries(
  executor: Executor,
  actor: Actor,
  filter: { personId?: string | undefined },
  clock: Pick<Clock, 'today'>,
): Promise<SalaryView[]> {
  const bylaws = (await currentBylaws(executor, actor.coopId, clock)).document;
  const everyone = payrollPolicy.seeEveryonesPay(actor, bylaws);
  if (!everyone && actor.personId === null) return [];
  const personId = everyone ? filter.personId : actor.personId!;
  const rows = await queryRows<{
    id: string;
    person_id: string;
    display_name: string;
    gross: string;
    employer_cost: string;
    currency: string;
    effective_from: string;
    effective_to: string | null;
  }>(
    executor,
    sql`select s.id, s.person_id, p.display_name, s.gross_monthly_minor::text as gross,
               s.employer_cost_monthly_minor::text as employer_cost, s.currency,
               s.effective_from::text as effective_from, s.effective_to::text as effective_to
        from salaries s join people p on p.coop_id = s.coop_id and p.id = s.person_id
        where s.coop_id = ${actor.coopId} ${personId ? sql`and s.person_id = ${personId}` : sql``}
        order by s.effective_from desc, p.display_name`,
  );
  return rows.map((r) => ({
    id: r.id,
    personId: r.person_id,
    displayName: r.display_name,
    grossMonthly: formatAmount(BigInt(r.gross), r.currency),
    employerCostMonthly: formatAmount(BigInt(r.employer_cost), r.currency),
    currency: r.currency,
    effectiveFrom: r.effective_from,
    effectiveTo: r.effective_to,
  }));
}

/** Posted months, newest first, with their entry and total (part of the books). */
export async function listRuns(executor: Executor, coopId: string) {
  const currency = await coopCurrency(executor, coopId);
  const rows = await queryRows<{
    month: string;
    entry_id: string;
    number: number;
    posted_at: string;
    total: string;
    reversed: boolean;
  }>(
    executor,
    sql`select to_char(s.month, 'YYYY-MM') as month, s.entry_id, e.number::int as number,
               s.posted_at, coalesce((select sum(p.amount_minor) from postings p
                 where p.coop_id = s.coop_id and p.entry_id = s.entry_id and p.amount_minor > 0), 0)::text as total,
               not ${standingRun('s')} as reversed
        from salary_runs s join journal_entries e on e.coop_id = s.coop_id and e.id = s.entry_id
        where s.coop_id = ${coopId}
        order by s.month desc`,
  );
  return rows.map((r) => ({
    month: r.month,
    entryId: r.entry_id,
    entryNumber: r.number,
    postedAt: new Date(r.posted_at),
    total: formatAmount(BigInt(r.total), currency),
    currency,
    reversed: r.reversed,
  }));
}

/** Percent of the target, to one decimal (half up); null without a target. */
function percentOf(part: bigint, whole: bigint): number | null {
  if (whole <= 0n) return null;
  return Number((part * 1000n + whole / 2n) / whole) / 10;
}

export interface CompensationRow {
  personId: string;
  displayName: string;
  grossMonthly: string | null;
  employerCostMonthly: string | null;
  effectiveFrom: string | null;
  /** 12 × the monthly gross in force on the report's day. */
  annualGross: string | null;
  annualEmployerCost: string | null;
  percentOfTarget: number | null;
  /** How far below the target (negative when above it). */
  gapToTarget: string | null;
}

/**
 * The bylaws' compensation target ("a comfortable living") against actual pay: per active
 * hacker (and anyone else with a salary in force), 12 × the gross in force on `at`.
 */
export async function compensationReport(executor: Executor, actor: Actor, at: string) {
  const bylaws = (await bylawsInForce(executor, actor.coopId, at)).document;
  const currency = await coopCurrency(executor, actor.coopId);
  const target = BigInt(bylaws.compensation.targetAnnualMinor);
  const rows = await queryRows<{
    person_id: string;
    display_name: string;
    gross: string | null;
    employer_cost: string | null;
    effective_from: string | null;
  }>(
    executor,
    sql`select p.id as person_id, p.display_name, s.gross_monthly_minor::text as gross,
               s.employer_cost_monthly_minor::text as employer_cost, s.effective_from::text as effective_from
        from people p
        left join memberships m on m.coop_id = p.coop_id and m.person_id = p.id
        left join salaries s on s.coop_id = p.coop_id and s.person_id = p.id
          and s.effective_from <= ${at}::date and (s.effective_to is null or s.effective_to >= ${at}::date)
        where p.coop_id = ${actor.coopId}
          and ((m.member_class = 'hacker' and m.status = 'active') or s.id is not null)
        order by p.display_name, p.id`,
  );
  const everyone = payrollPolicy.seeEveryonesPay(actor, bylaws);
  const visible = rows.filter((r) => everyone || r.person_id === actor.personId);
  const money = (minor: bigint) => formatAmount(minor, currency);
  const hackers = visible.map((r): CompensationRow => {
    const gross = r.gross === null ? null : BigInt(r.gross);
    const employerCost = r.employer_cost === null ? null : BigInt(r.employer_cost);
    return {
      personId: r.person_id,
      displayName: r.display_name,
      grossMonthly: gross === null ? null : money(gross),
      employerCostMonthly: employerCost === null ? null : money(employerCost),
      effectiveFrom: r.effective_from,
      annualGross: gross === null ? null : money(12n * gross),
      annualEmployerCost: employerCost === null ? null : money(12n * employerCost),
      percentOfTarget: gross === null ? null : percentOf(12n * gross, target),
      gapToTarget: gross === null ? null : money(target - 12n * gross),
    };
  });
  const paid = visible.filter((r) => r.gross !== null);
  const annual = paid.reduce((sum, r) => sum + 12n * BigInt(r.gross!), 0n);
  const annualEmployer = paid.reduce((sum, r) => sum + 12n * BigInt(r.employer_cost!), 0n);
  return {
    at,
    currency,
    target: {
      description: bylaws.compensation.targetDescription,
      annual: money(target),
    },
    /** False when only one's own line is shown (the bylaws do not publish personal pay). */
    complete: everyone,
    hackers,
    totals: {
      paidHackers: paid.length,
      annualGross: money(annual),
      annualEmployerCost: money(annualEmployer),
      /** The average hacker's pay as a percentage of the target. */
      averagePercentOfTarget:
        paid.length === 0 ? null : percentOf(annual, target * BigInt(paid.length)),
    },
  };
}
