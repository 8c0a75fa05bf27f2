import { z } from 'zod';
import { runCommand } from '../platform/commands.ts';
import { commandContext, type App, type AppDeps } from '../platform/http/context.ts';
import { problemSchema } from '../platform/http/problem.ts';
import { badRequest } from '../platform/errors.ts';
import { authorize, ownOrganizationId } from '../platform/policy.ts';
import {
  decideSponsorLabour,
  logSponsorLabour,
  reverseSponsorLabour,
} from './commands/sponsorLabour.ts';
import { coopCurrency } from '../coop/queries.ts';
import { currentBylaws } from '../bylaws/repository.ts';
import { labourReasonInputSchema, sponsorLabourInputSchema } from './labourInput.ts';
import { listSponsorLabour } from './labourQueries.ts';
import { sponsorStanding } from './sponsorStanding.ts';
import { governancePolicy } from './policy.ts';
import { sponsorLabourStatuses } from './schema.ts';

const idParams = z.object({ id: z.uuid() });
const problems = { 400: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema };
const done = { 204: z.null(), ...problems };

const sponsorLabourSchema = z
  .object({
    id: z.uuid(),
    organizationId: z.uuid(),
    organizationName: z.string(),
    personId: z.uuid(),
    personName: z.string(),
    workItemId: z.uuid(),
    workItemTitle: z.string(),
    workedOn: z.string(),
    hours: z.number().int(),
    note: z.string(),
    status: z.enum(sponsorLabourStatuses),
    reason: z.string().nullable(),
    decidedAt: z.date().nullable(),
  })
  .meta({ id: 'SponsorLabour' });

/** Sponsors' labour: their engineers' hours on co-op work, confirmed into funding. */
export function labourRoutes(app: App, deps: AppDeps) {
  const { db } = deps.database;
  const ctxOf = (request: Parameters<typeof commandContext>[1]) => commandContext(deps, request);
  const tags = ['governance'];

  app.get(
    '/api/sponsor-labour',
    {
      schema: {
        operationId: 'listSponsorLabour',
        tags,
        summary: "Hours sponsors' engineers gave (a sponsor sees its own organization's)",
        querystring: z.object({
          organizationId: z.uuid().optional(),
          status: z.enum(sponsorLabourStatuses).optional(),
        }),
        response: {
          200: z.object({ labour: z.array(sponsorLabourSchema) }),
          403: problemSchema,
        },
      },
    },
    async (request) => {
      const ctx = ctxOf(request);
      const organizationId =
        request.query.organizationId ??
        (governancePolicy.readSponsorLabour(ctx.actor, null) ? null : ownOrganizationId(ctx.actor));
      authorize(
        ctx.actor,
        governancePolicy.readSponsorLabour,
        organizationId,
        'A sponsor sees only its own organization’s labour.',
      );
      return {
        labour: await listSponsorLabour(db, ctx.actor.coopId, {
          organizationId,
          status: request.query.status,
        }),
      };
    },
  );

  app.get(
    '/api/sponsor-standing',
    {
      schema: {
        operationId: 'getSponsorStanding',
        tags,
        summary:
          "A sponsor's funding over the bylaws' trailing window and the weight of its vote (a sponsor sees its own)",
        querystring: z.object({ organizationId: z.uuid().optional() }),
        response: {
          200: z
            .object({
              organizationId: z.uuid(),
              onDay: z.string(),
              windowAfter: z.string().describe('Funding received after this day counts'),
              currency: z.string(),
              moneyMinor: z.string(),
              labourHours: z.number().int(),
              labourHourRateMinor: z.string(),
              weightMinor: z.string(),
              totalWeightMinor: z.string(),
            })
            .meta({ id: 'SponsorStanding' }),
          400: problemSchema,
          403: problemSchema,
        },
      },
    },
    async (request) => {
      const ctx = ctxOf(request);
      const organizationId = request.query.organizationId ?? ownOrganizationId(ctx.actor);
      authorize(
        ctx.actor,
        governancePolicy.readFunding,
        organizationId,
        'A sponsor sees only its own organization’s standing.',
      );
      if (!organizationId)
        throw badRequest('Name the organization.', [
          { pointer: '/organizationId', message: 'required for someone of no organization' },
        ]).because('funding.organization-needed');
      const coopId = ctx.actor.coopId;
      const clock = ctx.clock ?? deps.clock;
      const bylaws = await currentBylaws(db, coopId, clock);
      const standing = await sponsorStanding(
        db,
        coopId,
        bylaws.document,
        organizationId,
        clock.today(),
      );
      return {
        organizationId: organizationId,
        onDay: standing.onDay,
        windowAfter: standing.windowAfter,
        currency: await coopCurrency(db, coopId),
        moneyMinor: standing.moneyMinor.toString(),
        labourHours: standing.labourHours,
        labourHourRateMinor: standing.labourHourRateMinor.toString(),
        weightMinor: standing.weightMinor.toString(),
        totalWeightMinor: standing.totalWeightMinor.toString(),
      };
    },
  );

  app.post(
    '/api/sponsor-labour',
    {
      schema: {
        operationId: 'logSponsorLabour',
        tags,
        summary: "Log hours a sponsor's engineer gave a work item (counted once confirmed)",
        body: sponsorLabourInputSchema,
        response: { 201: z.object({ id: z.uuid() }), ...problems },
      },
    },
    async (request, reply) => {
      const ctx = ctxOf(request);
      const { organizationId, ...entry } = request.body;
      const input = {
        ...entry,
        organizationId: organizationId ?? ownOrganizationId(ctx.actor) ?? '',
        personId: ctx.actor.personId ?? '',
      };
      return reply.status(201).send(await runCommand(logSponsorLabour, input, ctx));
    },
  );

  app.post(
    '/api/sponsor-labour/:id/confirm',
    {
      schema: {
        operationId: 'confirmSponsorLabour',
        tags,
        summary: "Confirm a sponsor's logged hours: they count as funding from now on",
        params: idParams,
        response: done,
      },
    },
    async (request, reply) => {
      await runCommand(
        decideSponsorLabour,
        { labourId: request.params.id, decision: 'confirm' },
        ctxOf(request),
      );
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/sponsor-labour/:id/reject',
    {
      schema: {
        operationId: 'rejectSponsorLabour',
        tags,
        summary: "Reject a sponsor's logged hours, saying why; they never count",
        params: idParams,
        body: labourReasonInputSchema,
        response: done,
      },
    },
    async (request, reply) => {
      await runCommand(
        decideSponsorLabour,
        { labourId: request.params.id, decision: 'reject', reason: request.body.reason },
        ctxOf(request),
      );
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/sponsor-labour/:id/reverse',
    {
      schema: {
        operationId: 'reverseSponsorLabour',
        tags,
        summary: 'Reverse confirmed hours, saying why: a counter-row takes them out of funding',
        params: idParams,
        body: labourReasonInputSchema,
        response: done,
      },
    },
    async (request, reply) => {
      await runCommand(
        reverseSponsorLabour,
        { labourId: request.params.id, reason: request.body.reason },
        ctxOf(request),
      );
      return reply.status(204).send(null);
    },
  );
}
