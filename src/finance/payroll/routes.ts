import { z } from 'zod';
import { commandContext, type App, type AppDeps } from '../../platform/http/context.ts';
import { runCommand } from '../../platform/commands.ts';
import { problemSchema } from '../../platform/http/problem.ts';
import { formatAmount } from '../../platform/money/amount.ts';
import { authorize } from '../../platform/policy.ts';
import { endSalary, salaryEndSchema } from './commands/endSalary.ts';
import { runPayroll } from './commands/runPayroll.ts';
import { setSalary } from './commands/setSalary.ts';
import { payrollRunInputSchema, salaryInputSchema } from './payInput.ts';
import { payrollPolicy } from './policy.ts';
import { compensationReport, listRuns, listSalaries } from './queries.ts';

const problems = {
  400: problemSchema,
  401: problemSchema,
  403: problemSchema,
  404: problemSchema,
  409: problemSchema,
};
const money = z.string().describe('Decimal string in the co-op’s currency');

const salarySchema = z
  .object({
    id: z.uuid(),
    personId: z.uuid(),
    displayName: z.string(),
    grossMonthly: money,
    employerCostMonthly: money,
    currency: z.string(),
    effectiveFrom: z.string(),
    effectiveTo: z.string().nullable(),
  })
  .meta({ id: 'Salary' });

const runSchema = z
  .object({
    month: z.string(),
    entryId: z.uuid(),
    entryNumber: z.number().int(),
    currency: z.string(),
    daysInMonth: z.number().int(),
    lines: z.array(
      z.object({
        personId: z.uuid(),
        displayName: z.string(),
        gross: money,
        employerCost: money,
        days: z.number().int(),
      }),
    ),
    total: money,
  })
  .meta({ id: 'PayrollRunResult' });

const compensationSchema = z
  .object({
    at: z.string(),
    currency: z.string(),
    target: z.object({ description: z.string(), annual: money }),
    complete: z.boolean().describe('False when only one’s own line is shown'),
    hackers: z.array(
      z.object({
        personId: z.uuid(),
        displayName: z.string(),
        grossMonthly: money.nullable(),
        employerCostMonthly: money.nullable(),
        effectiveFrom: z.string().nullable(),
        annualGross: money.nullable().describe('12 × the monthly gross in force'),
        annualEmployerCost: money.nullable(),
        percentOfTarget: z.number().nullable(),
        gapToTarget: money.nullable(),
      }),
    ),
    totals: z.object({
      paidHackers: z.number().int(),
      annualGross: money,
      annualEmployerCost: money,
      averagePercentOfTarget: z.number().nullable(),
    }),
  })
  .meta({ id: 'CompensationReport' });

/** Salaries, the monthly payroll and the compensation report, under /api/payroll. */
export function payrollRoutes(app: App, deps: AppDeps) {
  const { db } = deps.database;
  const tags = ['payroll'];
  const ctxOf = (request: Parameters<typeof commandContext>[1]) => commandContext(deps, request);

  app.get(
    '/api/payroll/salaries',
    {
      schema: {
        operationId: 'listSalaries',
        tags,
        summary:
          'Salary history, newest first: everyone’s for the treasurer (or all members when the bylaws publish personal pay), else one’s own',
        querystring: z.object({ personId: z.uuid().optional() }),
        response: { 200: z.object({ salaries: z.array(salarySchema) }), ...problems },
      },
    },
    async (request) => {
      const ctx = ctxOf(request);
      authorize(ctx.actor, payrollPolicy.readReport, undefined);
      return { salaries: await listSalaries(db, ctx.actor, request.query, deps.clock) };
    },
  );

  app.post(
    '/api/payroll/salaries',
    {
      schema: {
        operationId: 'setSalary',
        tags,
        summary: 'Set a hacker’s salary from a date; the one in force ends the day before',
        body: salaryInputSchema,
        response: { 201: salarySchema.omit({ displayName: true }), ...problems },
      },
    },
    async (request, reply) => {
      const row = await runCommand(setSalary, request.body, ctxOf(request));
      return reply.status(201).send({
        id: row.id,
        personId: row.personId,
        grossMonthly: formatAmount(row.grossMonthlyMinor, row.currency),
        employerCostMonthly: formatAmount(row.employerCostMonthlyMinor, row.currency),
        currency: row.currency,
        effectiveFrom: row.effectiveFrom,
        effectiveTo: row.effectiveTo,
      });
    },
  );

  app.post(
    '/api/payroll/salaries/end',
    {
      schema: {
        operationId: 'endSalary',
        tags,
        summary: 'Stop a hacker’s pay after a day (the month is prorated)',
        body: salaryEndSchema,
        response: { 204: z.null(), ...problems },
      },
    },
    async (request, reply) => {
      await runCommand(endSalary, request.body, ctxOf(request));
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/payroll/runs',
    {
      schema: {
        operationId: 'listPayrollRuns',
        tags,
        summary: 'Posted payroll months, newest first',
        response: {
          200: z.object({
            runs: z.array(
              z.object({
                month: z.string(),
                entryId: z.uuid(),
                entryNumber: z.number().int(),
                postedAt: z.date(),
                total: money,
                currency: z.string(),
                reversed: z.boolean(),
              }),
            ),
          }),
          ...problems,
        },
      },
    },
    async (request) => {
      const ctx = ctxOf(request);
      authorize(ctx.actor, payrollPolicy.readRuns, undefined);
      return { runs: await listRuns(db, ctx.actor.coopId) };
    },
  );

  app.post(
    '/api/payroll/runs',
    {
      schema: {
        operationId: 'runPayroll',
        tags,
        summary:
          'Post a month’s payroll now (what the monthly job does): Dr expenses:salaries / Cr liabilities:payables per hacker',
        body: payrollRunInputSchema,
        response: { 201: runSchema, ...problems },
      },
    },
    async (request, reply) => {
      const result = await runPayroll(ctxOf(request), request.body);
      const money = (minor: bigint) => formatAmount(minor, result.currency);
      return reply.status(201).send({
        month: result.month,
        entryId: result.entryId,
        entryNumber: result.entryNumber,
        currency: result.currency,
        daysInMonth: result.daysInMonth,
        lines: result.lines.map((l) => ({
          personId: l.personId,
          displayName: l.displayName,
          gross: money(l.grossMinor),
          employerCost: money(l.employerCostMinor),
          days: l.days,
        })),
        total: money(result.lines.reduce((s, l) => s + l.grossMinor + l.employerCostMinor, 0n)),
      });
    },
  );

  app.get(
    '/api/payroll/compensation',
    {
      schema: {
        operationId: 'getCompensationReport',
        tags,
        summary:
          'The bylaws’ compensation target against each hacker’s pay (12 × the monthly gross in force)',
        querystring: z.object({ at: z.iso.date().optional() }),
        response: { 200: compensationSchema, ...problems },
      },
    },
    async (request) => {
      const ctx = ctxOf(request);
      authorize(ctx.actor, payrollPolicy.readReport, undefined);
      const at = request.query.at ?? deps.clock.today();
      return compensationReport(db, ctx.actor, at);
    },
  );
}
