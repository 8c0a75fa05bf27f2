import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { runCommand } from '../platform/commands.ts';
import { commandContext, type App, type AppDeps } from '../platform/http/context.ts';
import { problemSchema } from '../platform/http/problem.ts';
import { authorize } from '../platform/policy.ts';
import { moveOpportunity } from './commands/moveOpportunity.ts';
import { openOpportunity } from './commands/openOpportunity.ts';
import { updateOpportunity } from './commands/updateOpportunity.ts';
import { moveInputSchema, opportunityInputSchema, opportunityPatchSchema } from './input.ts';
import { pipelinePolicy } from './policy.ts';
import {
  getOpportunity,
  pipelineBoard,
  pipelineForecast,
  pipelineOrganizations,
} from './queries.ts';
import { opportunityKinds, stages } from './stages.ts';

const tags = ['pipeline'];
const problems = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema };
const idParams = z.object({ id: z.uuid() });
const minor = z.string();
const denied = 'Officers, administrators and hackers see the pipeline; sponsors never do.';

const opportunitySchema = z
  .object({
    id: z.uuid(),
    organizationId: z.uuid(),
    organizationName: z.string(),
    title: z.string(),
    kind: z.enum(opportunityKinds),
    stage: z.enum(stages),
    amount: z.string(),
    amountMinor: minor,
    currency: z.string(),
    expectedCloseOn: z.string(),
    probabilityPercent: z.number().int(),
    nextStep: z.string().nullable(),
    nextStepOn: z.string().nullable(),
    champion: z
      .object({ personId: z.uuid().nullable(), name: z.string(), email: z.string().nullable() })
      .nullable(),
    engineerMonths: z.string().nullable(),
    lostReason: z.string().nullable(),
    agreementId: z.uuid().nullable(),
    renewalOfAgreementId: z.uuid().nullable(),
    renewalTermEndsOn: z.string().nullable(),
    closedAt: z.date().nullable(),
    changedAt: z.date(),
    createdAt: z.date(),
    stale: z.array(z.enum(['next-step-overdue', 'no-next-step', 'no-change'])),
  })
  .meta({ id: 'Opportunity' });

const boardSchema = z
  .object({
    staleAfterDays: z.number().int(),
    stages: z.array(z.object({ stage: z.enum(stages), opportunities: z.array(opportunitySchema) })),
  })
  .meta({ id: 'PipelineBoard' });

const sums = { count: z.number().int(), openMinor: minor, weightedMinor: minor };
const forecastSchema = z
  .object({
    totals: z.array(z.object({ currency: z.string(), ...sums })),
    months: z.array(z.object({ month: z.string(), currency: z.string(), ...sums })),
    opportunities: z.array(
      z.object({
        id: z.uuid(),
        title: z.string(),
        organizationName: z.string(),
        kind: z.enum(opportunityKinds),
        amountMinor: minor,
        currency: z.string(),
        expectedCloseOn: z.string(),
        probabilityPercent: z.number().int(),
        weightedMinor: minor,
      }),
    ),
    target: z.object({
      currency: z.string(),
      annualRevenueMinor: minor,
      targetAnnualMinor: minor,
      gapMinor: minor,
      weightedMinor: minor,
      gapAfterMinor: minor,
      otherCurrencies: z.array(z.string()),
    }),
    hiring: z.object({
      capacityHoursPerMonth: z.number().int(),
      committedHoursPerMonth: z.number().int(),
      freeHoursPerMonth: z.number().int(),
      clients: z.number().int(),
      averageFrom: z.enum(['agreements', 'tiers']),
      averageHoursTenths: z.number().int().nullable(),
      moreClientsByHours: z.number().int().nullable(),
      clientsBeforeHiring: z.number().int(),
      moreClientsByClientLimit: z.number().int(),
      moreClients: z.number().int(),
      binding: z.enum(['hours', 'clients']),
      expectedNewClientsTenths: z.number().int(),
      mustHire: z.boolean(),
    }),
  })
  .meta({ id: 'PipelineForecast' });

/** bigint to decimal strings, for JSON. */
const plain = <T>(value: T): T =>
  JSON.parse(JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)));

export function pipelineRoutes(app: App, deps: AppDeps) {
  const { db } = deps.database;
  const readable = (request: FastifyRequest) => {
    const ctx = commandContext(deps, request);
    authorize(ctx.actor, pipelinePolicy.read, undefined, denied);
    return ctx.actor.coopId;
  };

  app.get(
    '/api/pipeline',
    {
      schema: {
        operationId: 'getPipelineBoard',
        summary: 'Every opportunity by stage, stale ones flagged',
        tags,
        response: { 200: boardSchema, ...problems },
      },
    },
    async (request) => pipelineBoard(db, readable(request), deps.clock),
  );

  app.get(
    '/api/pipeline/organizations',
    {
      schema: {
        operationId: 'listPipelineOrganizations',
        summary:
          'Organizations as prospects (no agreement in force) or sponsors, with open opportunities',
        tags,
        response: {
          200: z.object({
            organizations: z.array(
              z.object({
                id: z.uuid(),
                displayName: z.string(),
                prospect: z.boolean(),
                openOpportunities: z.number().int(),
              }),
            ),
          }),
          ...problems,
        },
      },
    },
    async (request) => ({
      organizations: await pipelineOrganizations(db, readable(request)),
    }),
  );

  app.get(
    '/api/pipeline/forecast',
    {
      schema: {
        operationId: 'getPipelineForecast',
        summary:
          'Open amounts weighted by probability per month and currency, against the pay target and the capacity plan',
        tags,
        response: { 200: forecastSchema, ...problems },
      },
    },
    async (request) =>
      plain(await pipelineForecast(db, readable(request), deps.clock)) as unknown as z.infer<
        typeof forecastSchema
      >,
  );

  app.post(
    '/api/opportunities',
    {
      schema: {
        operationId: 'openOpportunity',
        summary: 'Open an opportunity with an organization',
        tags,
        body: opportunityInputSchema,
        response: { 201: z.object({ id: z.uuid() }), ...problems },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await runCommand(openOpportunity, request.body, commandContext(deps, request))),
  );

  app.get(
    '/api/opportunities/:id',
    {
      schema: {
        operationId: 'getOpportunity',
        summary: 'One opportunity',
        tags,
        params: idParams,
        response: { 200: opportunitySchema, ...problems },
      },
    },
    async (request) => getOpportunity(db, readable(request), request.params.id, deps.clock),
  );

  app.patch(
    '/api/opportunities/:id',
    {
      schema: {
        operationId: 'updateOpportunity',
        summary: 'Change an opportunity’s amount, close date, probability, next step or champion',
        tags,
        params: idParams,
        body: opportunityPatchSchema,
        response: { 204: z.null(), ...problems },
      },
    },
    async (request, reply) => {
      await runCommand(
        updateOpportunity,
        { opportunityId: request.params.id, patch: request.body },
        commandContext(deps, request),
      );
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/opportunities/:id/move',
    {
      schema: {
        operationId: 'moveOpportunity',
        summary: 'Move an opportunity to a stage (lost needs a reason)',
        tags,
        params: idParams,
        body: moveInputSchema,
        response: { 204: z.null(), ...problems },
      },
    },
    async (request, reply) => {
      await runCommand(
        moveOpportunity,
        { ...request.body, opportunityId: request.params.id },
        commandContext(deps, request),
      );
      return reply.status(204).send(null);
    },
  );
}
