import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { currentBylaws } from '../../bylaws/repository.ts';
import { coopById } from '../../coop/queries.ts';
import { commandContext, type App, type AppDeps } from '../../platform/http/context.ts';
import { runCommand } from '../../platform/commands.ts';
import { csvTable } from '../../platform/csv.ts';
import { forbidden } from '../../platform/errors.ts';
import { problemSchema } from '../../platform/http/problem.ts';
import { fileContent } from '../../platform/http/responses.ts';
import { isAdmin, isOfficer } from '../../platform/policy.ts';
import { authorize } from '../../platform/policy.ts';
import { financePolicy } from '../policy.ts';
import { withBigIntsAsStrings } from '../../platform/json.ts';
import { formatAmount } from '../../platform/money/amount.ts';
import { tablePdf } from './tablePdf.ts';
import { concentrationFor, foldLines, foldedAccounts } from './disclosure.ts';
import { budgetLineSchema } from './budgetInput.ts';
import { budgetVsActual, removeBudget, setBudget } from './budgets.ts';
import type { Actor } from '../../platform/actor.ts';
import {
  type AccountBalance,
  balanceSheet,
  fundingConcentration,
  incomeStatement,
  monthlyCashFlow,
  runway,
} from './financialReports.ts';

const day = z.iso.date();
const period = z.object({
  from: day,
  to: day,
  format: z.enum(['json', 'csv', 'pdf']).default('json'),
});

// Amounts below are decimal strings of minor units in the co-op's currency (see `plain`).
const minor = z.string();
const reportLineSchema = z
  .object({
    account: z.string(),
    code: z.string(),
    type: z.enum(['asset', 'liability', 'equity', 'income', 'expense']),
    balance: minor,
  })
  .meta({ id: 'ReportLine' });
const balanceSheetSchema = z
  .object({
    at: day,
    assets: z.array(reportLineSchema),
    liabilities: z.array(reportLineSchema),
    equity: z.array(reportLineSchema),
    unclosedSurplus: minor,
    totals: z.object({ assets: minor, liabilities: minor, equity: minor }),
  })
  .meta({ id: 'BalanceSheet' });
const incomeTotalsSchema = z.object({ income: minor, expenses: minor, surplus: minor });
const incomeStatementSchema = z
  .object({
    from: day,
    to: day,
    income: z.array(reportLineSchema),
    expenses: z.array(reportLineSchema),
    totals: incomeTotalsSchema,
  })
  .meta({ id: 'IncomeStatement' });
const cashFlowMonthSchema = z
  .object({ month: z.string(), inflow: minor, outflow: minor, net: minor })
  .meta({ id: 'CashFlowMonth' });
const runwaySchema = z
  .object({
    at: day,
    cash: minor,
    months: z.array(z.object({ month: z.string(), income: minor, expenses: minor })),
    grossBurn: minor,
    netBurn: minor,
    runwayMonths: z.number().nullable(),
    formula: z.string(),
  })
  .meta({ id: 'Runway' });
const concentrationSchema = z
  .object({
    from: day,
    to: day,
    total: minor,
    sponsors: z.array(
      z.object({
        /** Null on the line of the sponsors this reader may not see by name, taken together. */
        organizationId: z.uuid().nullable(),
        name: z.string(),
        funding: minor,
        sharePercent: z.number(),
      }),
    ),
    sponsorCount: z.number().int().describe('How many sponsors funded the co-op in the window'),
    byName: z
      .boolean()
      .describe(
        'Whether every sponsor is listed by name (officers; members when the bylaws publish it)',
      ),
    largestSharePercent: z.number(),
    hhi: z.number(),
    sponsorsForHalf: z.number().int(),
    warnings: z.array(z.string()).describe('The alerts as English sentences'),
    alerts: z
      .array(
        z.discriminatedUnion('kind', [
          z.object({ kind: z.literal('hhi'), value: z.number(), limit: z.number() }),
          z.object({
            kind: z.literal('largest-sponsor'),
            name: z.string(),
            value: z.number().describe('The largest sponsor’s share, in percent'),
            limit: z.number(),
          }),
        ]),
      )
      .describe('The bylaws’ thresholds passed, for officers; empty for other members'),
  })
  .meta({ id: 'FundingConcentration' });
const budgetVsActualLineSchema = z
  .object({
    id: z.uuid(),
    account: z.string(),
    type: z.enum(['asset', 'liability', 'equity', 'income', 'expense']),
    fromDay: day,
    toDay: day,
    amountMinor: minor,
    actualMinor: minor,
    varianceMinor: minor,
    /** The proposal that adopted it; null when an officer entered it. */
    pollId: z.uuid().nullable(),
  })
  .meta({ id: 'BudgetVsActualLine' });
const publicFinanceSchema = z
  .object({
    coop: z.string(),
    currency: z.string(),
    from: day,
    to: day,
    income: z.array(z.object({ category: z.string(), amount: minor })),
    spending: z.array(z.object({ category: z.string(), amount: minor })),
    totals: incomeTotalsSchema,
  })
  .meta({ id: 'PublicFinance' });
const readProblems = { 401: problemSchema, 403: problemSchema, 409: problemSchema };
/** A report as JSON, or as CSV or PDF by its `format` parameter. */
const report = (description: string, schema: z.ZodType) => ({
  description,
  content: { 'application/json': { schema }, ...fileContent('text/csv', 'application/pdf') },
});

/** Figures leave as decimal strings of minor units: JSON numbers would lose BigInt precision. */
const plain = withBigIntsAsStrings;

export function reportRoutes(app: App, deps: AppDeps) {
  const { db } = deps.database;
  const tags = ['finance'];
  const today = () => deps.clock.today();
  const reader = (request: Parameters<typeof commandContext>[1]) => {
    const ctx = commandContext(deps, request);
    authorize(ctx.actor, financePolicy.readBooks, undefined);
    return ctx;
  };
  /**
   * A report's account lines as this reader may see them: other members' capital accounts
   * added into their parent's line. Applied before JSON, CSV and PDF are made, so all three agree.
   */
  const shownTo = async <R, K extends keyof R>(actor: Actor, report: R, keys: K[]): Promise<R> => {
    const folded = await foldedAccounts(db, actor);
    if (folded.size === 0) return report;
    const out = { ...report };
    for (const key of keys)
      out[key] = foldLines(report[key] as AccountBalance[], folded, (a, b) => ({
        ...a,
        balance: a.balance + b.balance,
      })) as R[K];
    return out;
  };
  const send = async (
    reply: FastifyReply,
    format: string,
    name: string,
    rows: Record<string, unknown>[],
    body: unknown,
  ) => {
    if (format === 'csv')
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${name}.csv"`)
        .send(csvTable(plain(rows) as Record<string, unknown>[]));
    if (format === 'pdf') {
      const coop = await coopById(db, reply.request.actor!.coopId);
      const keys = [...new Set(rows.flatMap((r) => Object.keys(r)))].filter(
        (k) => !['id', 'code', 'type'].includes(k),
      );
      const money = (v: unknown) =>
        typeof v === 'bigint' ? `${formatAmount(v, coop.currency)}` : String(v ?? '');
      const pdf = await tablePdf(coop.name, {
        title: name
          .replace(/-\d{4}.*$/, '')
          .replaceAll('-', ' ')
          .replace(/^./, (c) => c.toUpperCase()),
        subtitle: `${name.match(/\d{4}-\d{2}-\d{2}.*$/)?.[0]?.replace(/-(\d{4})/, ' to $1') ?? ''} (amounts in ${coop.currency})`,
        columns: keys.map((k) => ({
          label: k,
          width: rows.some((r) => typeof r[k] === 'bigint') ? 2 : 4,
          align: rows.some((r) => typeof r[k] === 'bigint') ? 'right' : 'left',
        })),
        rows: rows.map((r) => keys.map((k) => money(r[k]))),
      });
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="${name}.pdf"`)
        .send(pdf);
    }
    return plain(body);
  };

  app.get(
    '/api/reports/balance-sheet',
    {
      schema: {
        operationId: 'getBalanceSheet',
        summary: 'Assets, liabilities and equity at the end of a day, with the unclosed surplus',
        tags,
        querystring: z.object({
          at: day.optional(),
          format: z.enum(['json', 'csv', 'pdf']).default('json'),
        }),
        response: { 200: report('The balance sheet', balanceSheetSchema), ...readProblems },
      },
    },
    async (request, reply) => {
      const { actor } = reader(request);
      const sheet = await balanceSheet(db, actor.coopId, request.query.at ?? today());
      const r = await shownTo(actor, sheet, ['assets', 'liabilities', 'equity']);
      return send(
        reply,
        request.query.format,
        `balance-sheet-${r.at}`,
        [
          ...r.assets,
          ...r.liabilities,
          ...r.equity,
          { account: 'unclosed surplus', balance: r.unclosedSurplus },
        ],
        r,
      );
    },
  );

  app.get(
    '/api/reports/income-statement',
    {
      schema: {
        operationId: 'getIncomeStatement',
        summary: 'Income and expenses over a period',
        tags,
        querystring: period,
        response: { 200: report('The income statement', incomeStatementSchema), ...readProblems },
      },
    },
    async (request, reply) => {
      const { actor } = reader(request);
      const r = await shownTo(
        actor,
        await incomeStatement(db, actor.coopId, request.query.from, request.query.to),
        ['income', 'expenses'],
      );
      return send(
        reply,
        request.query.format,
        `income-statement-${r.from}-${r.to}`,
        [
          ...r.income,
          { account: 'Total income', balance: r.totals.income },
          ...r.expenses,
          { account: 'Total expenses', balance: r.totals.expenses },
          { account: 'Surplus', balance: r.totals.surplus },
        ],
        r,
      );
    },
  );

  app.get(
    '/api/reports/cash-flow',
    {
      schema: {
        operationId: 'getCashFlow',
        summary: 'Cash in and out of the bank accounts, month by month',
        tags,
        querystring: period,
        response: {
          200: report('Cash flow by month', z.object({ months: z.array(cashFlowMonthSchema) })),
          ...readProblems,
        },
      },
    },
    async (request, reply) => {
      const months = await monthlyCashFlow(
        db,
        reader(request).actor.coopId,
        request.query.from,
        request.query.to,
      );
      return send(reply, request.query.format, 'cash-flow', months, { months });
    },
  );

  app.get(
    '/api/reports/runway',
    {
      schema: {
        operationId: 'getRunway',
        tags,
        summary: 'Cash over the average net burn of the last three months, formula shown',
        querystring: z.object({ at: day.optional() }),
        response: { 200: runwaySchema, ...readProblems },
      },
    },
    async (request) =>
      plain(await runway(db, reader(request).actor.coopId, request.query.at ?? today())),
  );

  app.get(
    '/api/reports/concentration',
    {
      schema: {
        operationId: 'getFundingConcentration',
        tags,
        summary:
          'Funding concentration over twelve months: largest share, HHI, sponsors making half',
        querystring: z.object({ at: day.optional() }),
        response: { 200: concentrationSchema, ...readProblems },
      },
    },
    async (request) => {
      const ctx = reader(request);
      const bylaws = (await currentBylaws(db, ctx.actor.coopId, deps.clock)).document;
      const r = await fundingConcentration(
        db,
        ctx.actor.coopId,
        bylaws,
        request.query.at ?? today(),
      );
      // Warnings are for officers (they name the largest sponsor); members see the figures,
      // each sponsor by name only as the bylaws and their rights allow.
      return plain({
        ...concentrationFor(r, ctx.actor, bylaws),
        ...(isAdmin(ctx.actor) || isOfficer(ctx.actor)
          ? { warnings: r.warnings, alerts: r.alerts }
          : { warnings: [], alerts: [] }),
      });
    },
  );

  app.get(
    '/api/reports/budget-vs-actual',
    {
      schema: {
        operationId: 'getBudgetVsActual',
        summary: 'Each budget line against what was booked over its period',
        tags,
        querystring: period,
        response: {
          200: report(
            'Budget against actual',
            z.object({ lines: z.array(budgetVsActualLineSchema) }),
          ),
          ...readProblems,
        },
      },
    },
    async (request, reply) => {
      const lines = await budgetVsActual(
        db,
        reader(request).actor.coopId,
        request.query.from,
        request.query.to,
      );
      return send(reply, request.query.format, 'budget-vs-actual', lines, { lines });
    },
  );

  app.post(
    '/api/budgets',
    {
      schema: {
        operationId: 'createBudgetLine',
        summary: 'Enter a budget line for an income or expense account (officers)',
        tags,
        body: budgetLineSchema,
        response: { 201: z.object({ id: z.uuid() }), 400: problemSchema, 403: problemSchema },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await runCommand(setBudget, request.body, commandContext(deps, request))),
  );

  app.delete(
    '/api/budgets/:id',
    {
      schema: {
        operationId: 'deleteBudgetLine',
        tags,
        summary: 'Take back a budget line an officer entered (not one adopted by vote)',
        params: z.object({ id: z.uuid() }),
        response: { 204: z.null(), 403: problemSchema, 404: problemSchema, 409: problemSchema },
      },
    },
    async (request, reply) => {
      await runCommand(
        removeBudget,
        { budgetId: request.params.id },
        commandContext(deps, request),
      );
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/public/finance',
    {
      schema: {
        operationId: 'getPublicFinance',
        // Open to the public: needs no session.
        security: [],
        tags,
        summary: 'What the bylaws publish: income and spending by category over twelve months',
        response: { 200: publicFinanceSchema, 403: problemSchema, 409: problemSchema },
      },
    },
    async (request) => {
      const ctx = commandContext(deps, request);
      const bylaws = (await currentBylaws(db, ctx.actor.coopId, deps.clock)).document;
      if (!bylaws.transparency.publishFinanceSummary)
        throw forbidden('The bylaws do not publish the finances.').because('forbidden');
      const to = today();
      const from = new Date(Date.parse(`${to}T00:00:00Z`) - 365 * 86_400_000)
        .toISOString()
        .slice(0, 10);
      const s = await incomeStatement(db, ctx.actor.coopId, from, to);
      // Categories are the accounts one level below income and expenses: pay shows as a total.
      const category = (path: string) => path.split(':').slice(0, 2).join(':');
      const group = (lines: typeof s.income) => {
        const totals = new Map<string, bigint>();
        for (const l of lines)
          totals.set(category(l.account), (totals.get(category(l.account)) ?? 0n) + l.balance);
        return [...totals].map(([account, amount]) => ({ category: account, amount }));
      };
      const coop = await coopById(db, ctx.actor.coopId);
      return plain({
        coop: coop.name,
        currency: coop.currency,
        from,
        to,
        income: group(s.income),
        spending: group(s.expenses),
        totals: s.totals,
      });
    },
  );
}
