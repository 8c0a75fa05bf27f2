import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { currentBylaws } from '../../bylaws/repository.ts';
import { coopById } from '../../coop/queries.ts';
import { commandContext, type App, type AppDeps } from '../../platform/http/context.ts';
import { runCommand } from '../../platform/commands.ts';
import { forbidden } from '../../platform/errors.ts';
import { problemSchema } from '../../platform/http/problem.ts';
import { isAdmin, isOfficer } from '../../platform/policy.ts';
import { authorize } from '../../platform/policy.ts';
import { financePolicy } from '../policy.ts';
import { withBigIntsAsStrings } from '../../platform/json.ts';
import { formatAmount } from '../../platform/money/amount.ts';
import { tablePdf } from './tablePdf.ts';
import { budgetLineSchema, budgetVsActual, removeBudget, setBudget } from './budgets.ts';
import {
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

/** Figures leave as decimal strings of minor units: JSON numbers would lose BigInt precision. */
const plain = withBigIntsAsStrings;

function csv(rows: Record<string, unknown>[]): string {
  const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const cell = (v: unknown) => {
    const s = v === null || v === undefined ? '' : String(v);
    return /[",\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
  };
  return (
    [columns.join(','), ...rows.map((r) => columns.map((c) => cell(r[c])).join(','))].join('\n') +
    '\n'
  );
}

export function reportRoutes(app: App, deps: AppDeps) {
  const { db } = deps.database;
  const tags = ['finance'];
  const today = () => deps.clock.today();
  const reader = (request: Parameters<typeof commandContext>[1]) => {
    const ctx = commandContext(deps, request);
    authorize(ctx.actor, financePolicy.readBooks, undefined);
    return ctx;
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
        .send(csv(plain(rows) as Record<string, unknown>[]));
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
        tags,
        querystring: z.object({
          at: day.optional(),
          format: z.enum(['json', 'csv', 'pdf']).default('json'),
        }),
      },
    },
    async (request, reply) => {
      const r = await balanceSheet(db, reader(request).actor.coopId, request.query.at ?? today());
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
    { schema: { tags, querystring: period } },
    async (request, reply) => {
      const r = await incomeStatement(
        db,
        reader(request).actor.coopId,
        request.query.from,
        request.query.to,
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
    { schema: { tags, querystring: period } },
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
        tags,
        summary: 'Cash over the average net burn of the last three months, formula shown',
        querystring: z.object({ at: day.optional() }),
      },
    },
    async (request) =>
      plain(await runway(db, reader(request).actor.coopId, request.query.at ?? today())),
  );

  app.get(
    '/api/reports/concentration',
    {
      schema: {
        tags,
        summary:
          'Funding concentration over twelve months: largest share, HHI, sponsors making half',
        querystring: z.object({ at: day.optional() }),
      },
    },
    async (request) => {
      const ctx = reader(request);
      const bylaws = (await currentBylaws(db, ctx.actor.coopId)).document;
      const r = await fundingConcentration(
        db,
        ctx.actor.coopId,
        bylaws,
        request.query.at ?? today(),
      );
      // Warnings are for officers; members see the figures.
      return plain({
        ...r,
        warnings: isAdmin(ctx.actor) || isOfficer(ctx.actor) ? r.warnings : [],
      });
    },
  );

  app.get(
    '/api/reports/budget-vs-actual',
    { schema: { tags, querystring: period } },
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
        tags,
        summary: 'What the bylaws publish: income and spending by category over twelve months',
      },
    },
    async (request) => {
      const ctx = commandContext(deps, request);
      const bylaws = (await currentBylaws(db, ctx.actor.coopId)).document;
      if (!bylaws.transparency.publishFinanceSummary)
        throw forbidden('The bylaws do not publish the finances.');
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
