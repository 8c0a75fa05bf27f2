import { and, eq, sql } from 'drizzle-orm';
import { bylawsInForce, currentBylaws } from '../../bylaws/repository.ts';
import { communityPatronageOf } from '../../contributions/index.ts';
import { coopCurrency } from '../../coop/queries.ts';
import { personEmails } from '../../members/schema.ts';
import { organizations } from '../../organizations/schema.ts';
import { defineCommand } from '../../platform/commands.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Executor, Tx } from '../../platform/db/database.ts';
import { queryRows } from '../../platform/db/rows.ts';
import { badRequest, conflict } from '../../platform/errors.ts';
import { withBigIntsAsStrings } from '../../platform/json.ts';
import { formatAmount } from '../../platform/money/amount.ts';
import { displayMoney } from '../../platform/money/display.ts';
import { insertEntry, type SystemEntryInput } from '../commands/postEntry.ts';
import { entryFact } from '../entryFacts.ts';
import { entryPosted } from '../events.ts';
import { ledgerError } from '../ledgerErrors.ts';
import { lockPeriodsExclusively } from '../lockedPeriod.ts';
import { financePolicy } from '../policy.ts';
import { accounts, dividends, periodLocks, yearEndCloses } from '../schema.ts';
import { closeYearInputSchema } from './closeYearInput.ts';
import { computeDividends, type DividendPlan } from './computeDividends.ts';
import { basisText, serverWriter, stepText } from './dividendMessages.ts';
import { dividendDeclared, yearClosed } from './events.ts';
import { fiscalYears } from './fiscalYears.ts';
import { localeOfPerson } from '../../members/repository.ts';
import { displayDay } from '../../platform/i18n/dates.ts';
import { asLocale } from '../../platform/i18n/locales.ts';
import { financeMail } from '../mailMessages.ts';

/** Fiscal year N starts in calendar year N, in the bylaws' starting month. */
export function fiscalYearDays(
  year: number,
  startMonth: number,
): { fromDay: string; toDay: string } {
  const from = new Date(Date.UTC(year, startMonth - 1, 1));
  const to = new Date(Date.UTC(year + 1, startMonth - 1, 0));
  return { fromDay: from.toISOString().slice(0, 10), toDay: to.toISOString().slice(0, 10) };
}

const slug = (s: string) =>
  s
    .toLowerCase()
    .normalize('NFD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/** An account by path, created under its parent (with the next free code) if it is missing. */
async function ensureAccount(
  tx: Tx,
  coopId: string,
  path: string,
  type: 'equity' | 'liability',
  link: { personId?: string; organizationId?: string } = {},
) {
  const [existing] = await tx
    .select()
    .from(accounts)
    .where(and(eq(accounts.coopId, coopId), eq(accounts.path, path)));
  if (existing) return existing.path;
  const parentPath = path.slice(0, path.lastIndexOf(':'));
  const [parent] = await tx
    .select()
    .from(accounts)
    .where(and(eq(accounts.coopId, coopId), eq(accounts.path, parentPath)));
  const [next] = await queryRows<{ code: string }>(
    tx,
    sql`select (coalesce(max(code::int), ${Number(parent?.code ?? 3000)}) + 1)::text as code from accounts
        where coop_id = ${coopId} and code ~ '^[0-9]+$' and code::int between ${Number(parent?.code ?? 3000)} and ${Number(parent?.code ?? 3000) + 99}`,
  );
  await tx
    .insert(accounts)
    .values({ coopId, code: next!.code, path, type, parentId: parent?.id ?? null, ...link });
  return path;
}

interface YearFigures {
  fromDay: string;
  toDay: string;
  currency: string;
  /** Income and expense balances of the year, per account and currency (debits positive). */
  results: { path: string; currency: string; amount: bigint; coopAmount: bigint }[];
  plan: DividendPlan;
  names: Map<string, string>;
  bylaws: { version: number; effectiveOn: string };
}

async function yearFigures(
  executor: Executor,
  coopId: string,
  fiscalYear: number,
  clock: Pick<Clock, 'today'>,
): Promise<YearFigures> {
  // Where the year starts is the bylaws' word at its start; it is counted by the rules in force
  // on its last day, not by those of the day it is closed.
  const today = (await currentBylaws(executor, coopId, clock)).document;
  const atStart = await bylawsInForce(
    executor,
    coopId,
    fiscalYearDays(fiscalYear, today.fiscalYear.startMonth).fromDay,
  );
  const { fromDay, toDay } = fiscalYearDays(fiscalYear, atStart.document.fiscalYear.startMonth);
  const inForce = await bylawsInForce(executor, coopId, toDay);
  const bylaws = inForce.document;
  const currency = await coopCurrency(executor, coopId);
  const results = (
    await queryRows<{ path: string; currency: string; amount: string; coop_amount: string }>(
      executor,
      sql`select a.path, p.currency, sum(p.amount_minor)::text as amount, sum(p.coop_amount_minor)::text as coop_amount
          from postings p join accounts a on a.id = p.account_id
          where p.coop_id = ${coopId} and a.type in ('income', 'expense') and p.effective_on between ${fromDay}::date and ${toDay}::date
          group by a.path, p.currency having sum(p.amount_minor) <> 0 or sum(p.coop_amount_minor) <> 0
          order by a.path, p.currency`,
    )
  ).map((r) => ({
    path: r.path,
    currency: r.currency,
    amount: BigInt(r.amount),
    coopAmount: BigInt(r.coop_amount),
  }));
  // Income is credit (negative): the surplus is minus the sum of income and expenses.
  const surplus = -results.reduce((s, r) => s + r.coopAmount, 0n);
  const minutes = await queryRows<{ person_id: string; minutes: number; name: string }>(
    executor,
    sql`select t.person_id, sum(t.minutes)::int as minutes, max(p.display_name) as name from time_entries t
        join people p on p.coop_id = t.coop_id and p.id = t.person_id
        where t.coop_id = ${coopId} and t.worked_on between ${fromDay}::date and ${toDay}::date group by t.person_id`,
  );
  const funds = await queryRows<{
    organization_id: string;
    money: string;
    hours: string;
    name: string;
  }>(
    executor,
    sql`select f.organization_id, sum(f.coop_amount_minor)::text as money, sum(f.labour_hours)::text as hours, max(o.display_name) as name
        from funding f join organizations o on o.coop_id = f.coop_id and o.id = f.organization_id
        where f.coop_id = ${coopId} and f.received_on between ${fromDay}::date and ${toDay}::date group by f.organization_id`,
  );
  const rate = BigInt(bylaws.funding.labourHourRateMinor);
  const communityPatronage = await communityPatronageOf(executor, coopId, {
    mode: bylaws.dividends.communityPatronage,
    fromDay,
    toDay,
  });
  const plan = computeDividends(
    {
      surplusMinor: surplus,
      reserves: bylaws.dividends.reserves,
      split: bylaws.dividends.split,
      cashPercent: bylaws.dividends.cashPercent,
      hackerMinutes: Object.fromEntries(minutes.map((m) => [m.person_id, m.minutes])),
      sponsorFunding: Object.fromEntries(
        funds.map((f) => [f.organization_id, BigInt(f.money) + BigInt(f.hours) * rate]),
      ),
      community: communityPatronage,
    },
    (minor) => displayMoney(minor, currency),
  );
  const names = new Map([
    ...minutes.map((m) => [m.person_id, m.name] as const),
    ...funds.map((f) => [f.organization_id, f.name] as const),
    ...Object.entries(communityPatronage.names),
  ]);
  return {
    fromDay,
    toDay,
    currency,
    results,
    plan,
    names,
    bylaws: { version: inForce.version, effectiveOn: inForce.effectiveOn },
  };
}

/**
 * Closes a fiscal year: its income and expenses into the retained surplus, the reserves set
 * aside, the dividends booked (cash to patronage payable, the rest to each member's capital
 * account, the community share to its fund), the year locked, and each member sent a notice
 * with their arithmetic. A dry run returns the same figures and writes nothing.
 */
export const closeYear = defineCommand({
  name: 'finance.closeYear',
  input: closeYearInputSchema,
  policy: financePolicy.keepBooks,
  denied: 'The chief economist closes the year.',
  events: [entryPosted, yearClosed, dividendDeclared],
  async run(tx, { fiscalYear, dryRun }, ctx) {
    const coopId = ctx.coopId;
    // The figures and the lock must cover the same entries. Every posting takes the co-op's
    // "periods" advisory lock shared before it looks for a lock on its day (migration 0011);
    // taking it exclusively before reading anything waits for the postings under way to commit
    // and holds back new ones until the year's lock is committed, which they then see. An
    // advisory lock rather than SERIALIZABLE: nothing to retry, postings into other co-ops
    // never wait, and on PGlite's one connection it is simply granted.
    if (!dryRun) await lockPeriodsExclusively(tx, coopId);
    const [already] = await tx
      .select({ id: yearEndCloses.id })
      .from(yearEndCloses)
      .where(and(eq(yearEndCloses.coopId, coopId), eq(yearEndCloses.fiscalYear, fiscalYear)));
    if (already)
      throw conflict(`Fiscal year ${fiscalYear} is already closed.`).because('fiscal-year.closed', {
        fiscalYear,
      });
    const figures = await yearFigures(tx, coopId, fiscalYear, ctx.clock);
    const summary = {
      fiscalYear,
      fromDay: figures.fromDay,
      toDay: figures.toDay,
      currency: figures.currency,
      bylaws: figures.bylaws,
      plan: withBigIntsAsStrings(figures.plan),
      names: Object.fromEntries(figures.names),
    };
    if (dryRun)
      return { dryRun: true, ...summary, entries: [] as { id: string; number: number }[] };
    // Closing the current year early is the treasurer's call (the web app warns); a year that has
    // not begun has nothing to close, and closing it would freeze the bylaws until its end.
    if (figures.fromDay > ctx.clock.today())
      throw badRequest(
        `Fiscal year ${fiscalYear} begins on ${figures.fromDay}; it cannot be closed yet.`,
        [
          {
            pointer: '/fiscalYear',
            message: `a year that has begun (it starts ${figures.fromDay})`,
          },
        ],
      ).because('fiscal-year.not-begun', { fiscalYear, fromDay: figures.fromDay });
    const years = await fiscalYears(tx, coopId, ctx.clock);
    if (!years.some((y) => y.fiscalYear === fiscalYear))
      throw badRequest(
        `Fiscal year ${fiscalYear} ended before the co-op kept its books (its first year is ${years.at(-1)!.fiscalYear}).`,
        [{ pointer: '/fiscalYear', message: `a year from ${years.at(-1)!.fiscalYear} on` }],
      ).because('fiscal-year.before-books', { fiscalYear, first: years.at(-1)!.fiscalYear });
    const money = (minor: bigint) => formatAmount(minor, figures.currency);
    const entries: { id: string; number: number }[] = [];
    const post = async (entry: SystemEntryInput) => entries.push(await insertEntry(tx, ctx, entry));
    if (figures.results.length > 0) {
      const perCurrency = new Map<string, { amount: bigint; coop: bigint }>();
      for (const r of figures.results) {
        const t = perCurrency.get(r.currency) ?? { amount: 0n, coop: 0n };
        perCurrency.set(r.currency, { amount: t.amount + r.amount, coop: t.coop + r.coopAmount });
      }
      const foreign = (c: string, coop: bigint) =>
        c === figures.currency ? {} : { coopAmount: money(coop) };
      await post({
        effectiveOn: figures.toDay,
        kind: 'year-end-close',
        description: `Close fiscal year ${fiscalYear}: income and expenses to the retained surplus`,
        fact: entryFact('year-end-close', { fiscalYear }),
        postings: [
          ...figures.results.map((r) => ({
            account: r.path,
            amount: formatAmount(-r.amount, r.currency),
            currency: r.currency,
            ...foreign(r.currency, -r.coopAmount),
          })),
          ...[...perCurrency].map(([c, t]) => ({
            account: 'equity:retained-surplus',
            amount: formatAmount(t.amount, c),
            currency: c,
            ...foreign(c, t.coop),
          })),
        ],
      });
    }
    const plan = figures.plan;
    if (plan.surplusMinor > 0n) {
      const credit: { account: string; amount: string }[] = [];
      for (const r of plan.reserves)
        if (r.amountMinor > 0n)
          credit.push({
            account: await ensureAccount(tx, coopId, `equity:reserves:${slug(r.name)}`, 'equity'),
            amount: money(-r.amountMinor),
          });
      const cash = [...plan.hackers, ...plan.sponsors, ...plan.community].reduce(
        (s, m) => s + m.cashMinor,
        0n,
      );
      if (cash > 0n)
        credit.push({ account: 'liabilities:patronage-payable', amount: money(-cash) });
      // What a member leaves in the co-op goes to its own capital account: a hacker's by person,
      // a sponsor's by organization.
      const retained = [
        ...plan.hackers.map((m) => ({ m, owner: { personId: m.id } })),
        ...plan.sponsors.map((m) => ({ m, owner: { organizationId: m.id } })),
        ...plan.community.map((m) => ({ m, owner: { personId: m.id } })),
      ];
      for (const { m, owner } of retained)
        if (m.retainedMinor > 0n)
          credit.push({
            account: await ensureAccount(
              tx,
              coopId,
              `equity:member-capital:${slug(figures.names.get(m.id) ?? m.id)}-${m.id.slice(0, 8)}`,
              'equity',
              owner,
            ),
            amount: money(-m.retainedMinor),
          });
      if (plan.communityFund > 0n)
        credit.push({
          account: await ensureAccount(tx, coopId, 'equity:community-fund', 'equity'),
          amount: money(-plan.communityFund),
        });
      await post({
        effectiveOn: figures.toDay,
        kind: 'dividend',
        description: `Fiscal year ${fiscalYear}: reserves and dividends`,
        fact: entryFact('year-end-dividends', { fiscalYear }),
        postings: [
          { account: 'equity:retained-surplus', amount: money(plan.surplusMinor) },
          ...credit,
        ],
      });
    }
    let closeId: string;
    try {
      const [close] = await tx
        .insert(yearEndCloses)
        .values({
          coopId,
          fiscalYear,
          fromDay: figures.fromDay,
          toDay: figures.toDay,
          surplusMinor: plan.surplusMinor,
          currency: figures.currency,
          computation: summary,
          entryIds: entries.map((e) => e.id),
          closedBy: ctx.actor.personId,
        })
        .returning({ id: yearEndCloses.id });
      closeId = close!.id;
    } catch {
      throw conflict(`Fiscal year ${fiscalYear} is already closed.`).because('fiscal-year.closed', {
        fiscalYear,
      });
    }
    const rows = [
      ...plan.hackers.map((m) => ({
        memberClass: 'hacker' as const,
        personId: m.id,
        organizationId: null,
        m,
      })),
      ...plan.sponsors.map((m) => ({
        memberClass: 'sponsor' as const,
        personId: null,
        organizationId: m.id,
        m,
      })),
      ...plan.community.map((m) => ({
        memberClass: 'community' as const,
        personId: m.id,
        organizationId: null,
        m,
      })),
    ];
    const declared =
      rows.length === 0
        ? []
        : await tx
            .insert(dividends)
            .values(
              rows.map((r) => ({
                coopId,
                closeId,
                memberClass: r.memberClass,
                personId: r.personId,
                organizationId: r.organizationId,
                amountMinor: r.m.amountMinor,
                cashMinor: r.m.cashMinor,
                retainedMinor: r.m.retainedMinor,
                basis: {
                  basis: r.m.basis,
                  steps: plan.steps,
                  basisParts: r.m.basisParts,
                  stepFacts: plan.stepFacts,
                },
              })),
            )
            .returning({ id: dividends.id });
    await tx.insert(periodLocks).values({
      coopId,
      fromDay: figures.fromDay,
      toDay: figures.toDay,
      lockedBy: ctx.actor.personId,
    });
    // Notices: hackers by their own address, sponsors by their billing address.
    for (const r of rows) {
      const [to] = r.personId
        ? await tx
            .select({ email: personEmails.email })
            .from(personEmails)
            .where(
              and(
                eq(personEmails.coopId, coopId),
                eq(personEmails.personId, r.personId),
                eq(personEmails.isPrimary, true),
              ),
            )
        : await tx
            .select({ email: organizations.billingEmail, locale: organizations.locale })
            .from(organizations)
            .where(and(eq(organizations.coopId, coopId), eq(organizations.id, r.organizationId!)));
      if (!to?.email) continue;
      // A member reads it in their language; an organization in its own (as its invoices).
      const locale =
        'locale' in to ? asLocale(to.locale) : await localeOfPerson(tx, coopId, r.personId!);
      const money = (minor: bigint) => displayMoney(minor, figures.currency, locale);
      const writer = serverWriter(locale, figures.currency);
      const formal = r.organizationId ? ('formal.' as const) : ('' as const);
      await ctx.mail({
        to: to.email,
        kind: 'dividend-notice',
        subject: financeMail(locale, `dividendNotice.${formal}subject`, { year: fiscalYear }),
        body: [
          financeMail(locale, 'dividendNotice.closed', {
            year: fiscalYear,
            from: displayDay(figures.fromDay, locale),
            to: displayDay(figures.toDay, locale),
            surplus: money(plan.surplusMinor),
          }),
          '',
          financeMail(locale, 'dividendNotice.howShared'),
          ...plan.stepFacts.map((step) => stepText(step, writer)),
          '',
          financeMail(locale, `dividendNotice.${formal}share`, {
            basis: basisText(r.m.basisParts, writer),
            amount: money(r.m.amountMinor),
          }),
          financeMail(locale, 'dividendNotice.cash', { amount: money(r.m.cashMinor) }),
          financeMail(locale, `dividendNotice.${formal}retained`, {
            amount: money(r.m.retainedMinor),
          }),
        ].join('\n'),
      });
    }
    await ctx.emit(yearClosed, closeId, {
      fiscalYear,
      surplusMinor: plan.surplusMinor.toString(),
      entries: entries.map((e) => e.number),
    });
    for (const [i, r] of rows.entries())
      await ctx.emit(dividendDeclared, declared[i]!.id, {
        closeId,
        fiscalYear,
        fromDay: figures.fromDay,
        toDay: figures.toDay,
        currency: figures.currency,
        memberClass: r.memberClass,
        personId: r.personId,
        organizationId: r.organizationId,
        amountMinor: r.m.amountMinor.toString(),
        cashMinor: r.m.cashMinor.toString(),
        retainedMinor: r.m.retainedMinor.toString(),
        basis: r.m.basis,
      });
    return { dryRun: false, ...summary, entries };
  },
  mapError: ledgerError,
});
