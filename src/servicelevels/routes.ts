import { and, eq } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { organizationLocale } from '../organizations/queries.ts';
import { organizations } from '../organizations/schema.ts';
import { fileContent } from '../platform/http/responses.ts';
import { sponsorVisibleStates } from './credits/creditQueries.ts';
import { serviceCreditRoutes, serviceCreditSchema } from './credits/routes.ts';
import { complianceReportPdf } from './reportPdf.ts';
import { runCommand } from '../platform/commands.ts';
import { notFound } from '../platform/errors.ts';
import { commandContext, type App, type AppDeps } from '../platform/http/context.ts';
import { problemSchema } from '../platform/http/problem.ts';
import { authorize, ownOrganizationId } from '../platform/policy.ts';
import { serviceCalendarOf, serviceCalendarView } from './calendarQueries.ts';
import { complianceReport, getClock, listClocks } from './clockQueries.ts';
import { setServiceCalendar } from './commands/setServiceCalendar.ts';
import { serviceCalendarInputSchema } from './calendarInput.ts';
import { serviceLevelsPolicy } from './policy.ts';
import { clockEntryKinds, clockKinds, clockStates, type ServiceCreditState } from './schema.ts';

const idParams = z.object({ id: z.uuid() });

const calendarSchema = z
  .object({
    timeZone: z.string(),
    hours: z.string(),
    holidayCountry: z.string().nullable(),
    holidayRegion: z.string().nullable(),
    closedDays: z.array(z.string()),
    /** No calendar was set: business hours count on weekdays 09:00-17:00 UTC. */
    isDefault: z.boolean(),
  })
  .meta({ id: 'ServiceCalendar' });

const clockSchema = z
  .object({
    id: z.uuid(),
    organizationId: z.uuid(),
    organizationName: z.string(),
    kind: z.enum(clockKinds),
    subjectType: z.enum(['sponsor-request', 'vulnerability']),
    subjectId: z.uuid(),
    sequence: z.number().int(),
    severity: z.string().nullable(),
    agreementId: z.uuid().nullable(),
    targetMinutes: z.number().int(),
    mode: z.enum(['wall', 'business']),
    pausable: z.boolean(),
    timeZone: z.string().nullable(),
    state: z.enum(clockStates),
    startedAt: z.date(),
    deadlineAt: z.date().nullable(),
    warned: z.boolean(),
    stoppedAt: z.date().nullable(),
    msLeft: z.number().nullable(),
  })
  .meta({ id: 'ServiceClock' });

const clockDetailSchema = clockSchema
  .extend({
    entries: z.array(
      z.object({
        kind: z.enum(clockEntryKinds),
        at: z.date(),
        byPersonId: z.uuid().nullable(),
        reason: z.string().nullable(),
      }),
    ),
  })
  .meta({ id: 'ServiceClockDetail' });

const reportClockSchema = clockDetailSchema
  .extend({ credit: serviceCreditSchema.nullable() })
  .meta({ id: 'ComplianceReportClock' });

export function serviceLevelsRoutes(app: App, deps: AppDeps) {
  const { db } = deps.database;
  serviceCreditRoutes(app, deps);

  /**
   * A sponsor reads its own report only; another organization's answers as if it did not
   * exist. Sponsors see the credits owed to them, officers every proposal and decision.
   */
  const reportOf = async (
    request: FastifyRequest,
    id: string,
    query: { from: string; to: string },
    creditStates?: readonly ServiceCreditState[],
  ) => {
    const ctx = commandContext(deps, request);
    if (!serviceLevelsPolicy.readOrganization(ctx.actor, id)) {
      authorize(ctx.actor, (a) => a.personId !== null || a.isAdmin, undefined);
      throw notFound('This organization');
    }
    const all = serviceLevelsPolicy.listAllClocks(ctx.actor, undefined);
    return {
      ctx,
      report: await complianceReport(db, ctx.actor.coopId, id, query, deps.clock.now(), {
        creditStates: creditStates ?? (all ? undefined : sponsorVisibleStates),
      }),
    };
  };

  app.get(
    '/api/organizations/:id/service-report.pdf',
    {
      schema: {
        operationId: 'getComplianceReportPdf',
        summary:
          "A sponsor's compliance report for a period as a PDF, in the sponsor's language: clocks, evidence and the service credits owed",
        tags: ['service levels'],
        params: idParams,
        querystring: z.object({ from: z.iso.date(), to: z.iso.date() }),
        response: {
          200: { description: 'The PDF', content: fileContent('application/pdf') },
          401: problemSchema,
          404: problemSchema,
        },
      },
    },
    async (request, reply) => {
      // The paper the sponsor keeps: only the credits owed to them, whoever downloads it.
      const { ctx, report } = await reportOf(
        request,
        request.params.id,
        request.query,
        sponsorVisibleStates,
      );
      const [org] = await db
        .select({ name: organizations.displayName })
        .from(organizations)
        .where(
          and(eq(organizations.coopId, ctx.actor.coopId), eq(organizations.id, request.params.id)),
        );
      if (!org) throw notFound('This organization');
      const locale = await organizationLocale(db, ctx.actor.coopId, request.params.id);
      const pdf = await complianceReportPdf(report, org.name, locale, deps.clock.now());
      return reply
        .type('application/pdf')
        .header(
          'content-disposition',
          `attachment; filename="service-report-${request.query.from}-${request.query.to}.pdf"`,
        )
        .send(pdf);
    },
  );

  app.get(
    '/api/organizations/:id/service-report',
    {
      schema: {
        operationId: 'getComplianceReport',
        summary:
          "A sponsor's compliance report for a period: every clock started in it, with its evidence",
        tags: ['service levels'],
        params: idParams,
        querystring: z.object({ from: z.iso.date(), to: z.iso.date() }),
        response: {
          200: z
            .object({
              organizationId: z.uuid(),
              from: z.string(),
              to: z.string(),
              met: z.number().int(),
              breached: z.number().int(),
              open: z.number().int(),
              clocks: z.array(reportClockSchema),
            })
            .meta({ id: 'ComplianceReport' }),
          401: problemSchema,
          403: problemSchema,
          404: problemSchema,
        },
      },
    },
    async (request) => (await reportOf(request, request.params.id, request.query)).report,
  );

  app.get(
    '/api/organizations/:id/service-calendar',
    {
      schema: {
        operationId: 'getServiceCalendar',
        summary: "An organization's service calendar: the business hours its targets count on",
        tags: ['service levels'],
        params: idParams,
        response: { 200: calendarSchema, 403: problemSchema },
      },
    },
    async (request) => {
      const ctx = commandContext(deps, request);
      authorize(ctx.actor, serviceLevelsPolicy.readOrganization, request.params.id);
      const { calendar, isDefault } = await serviceCalendarOf(
        db,
        ctx.actor.coopId,
        request.params.id,
      );
      return serviceCalendarView(calendar, isDefault);
    },
  );

  app.post(
    '/api/organizations/:id/service-calendar',
    {
      schema: {
        operationId: 'setServiceCalendar',
        summary: "Set an organization's service calendar (officers)",
        tags: ['service levels'],
        params: idParams,
        body: serviceCalendarInputSchema,
        response: { 204: z.null(), 400: problemSchema, 403: problemSchema, 404: problemSchema },
      },
    },
    async (request, reply) => {
      await runCommand(
        setServiceCalendar,
        { organizationId: request.params.id, calendar: request.body },
        commandContext(deps, request),
      );
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/service-clocks',
    {
      schema: {
        operationId: 'listServiceClocks',
        summary:
          'Service-level clocks, soonest deadline first: every one for officers, their own organization’s for a sponsor',
        tags: ['service levels'],
        querystring: z.object({
          organizationId: z.uuid().optional(),
          open: z.enum(['true', 'false']).optional(),
        }),
        response: {
          200: z.object({ clocks: z.array(clockSchema) }),
          401: problemSchema,
          403: problemSchema,
        },
      },
    },
    async (request) => {
      const ctx = commandContext(deps, request);
      const own = ownOrganizationId(ctx.actor);
      const organizationId = serviceLevelsPolicy.listAllClocks(ctx.actor, undefined)
        ? request.query.organizationId
        : (own ?? undefined);
      authorize(ctx.actor, serviceLevelsPolicy.readOrganization, organizationId ?? '');
      const clocks = await listClocks(db, ctx.actor.coopId, {
        organizationId,
        states: request.query.open === 'true' ? ['running', 'paused'] : undefined,
        now: deps.clock.now(),
      });
      return { clocks };
    },
  );

  app.get(
    '/api/service-clocks/:id',
    {
      schema: {
        operationId: 'getServiceClock',
        summary:
          'A clock with its evidence: started, paused and why, warned, met or breached, by whom',
        tags: ['service levels'],
        params: idParams,
        response: { 200: clockDetailSchema, 401: problemSchema, 404: problemSchema },
      },
    },
    async (request) => {
      const ctx = commandContext(deps, request);
      const clock = await getClock(db, ctx.actor.coopId, request.params.id, deps.clock.now());
      // Another sponsor's clock answers as if it did not exist: its id tells nothing.
      if (!serviceLevelsPolicy.readOrganization(ctx.actor, clock.organizationId)) {
        authorize(ctx.actor, (a) => a.personId !== null || a.isAdmin, undefined);
        throw notFound('This clock');
      }
      return clock;
    },
  );
}
