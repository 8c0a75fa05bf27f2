import { z } from 'zod';
import { runCommand } from '../platform/commands.ts';
import { commandContext, type App, type AppDeps } from '../platform/http/context.ts';
import { problemSchema } from '../platform/http/problem.ts';
import { storedJson } from '../platform/http/responses.ts';
import { authorize, ownOrganizationId } from '../platform/policy.ts';
import { advanceCycle } from './commands/advanceCycle.ts';
import { castSponsorPoints } from './commands/castSponsorPoints.ts';
import { castSurveyBallot } from './commands/castSurveyBallot.ts';
import { claimPlanItem } from './commands/claimPlanItem.ts';
import { createCycle } from './commands/createCycle.ts';
import { createCycleInputSchema } from './cycleInput.ts';
import {
  mergeInputSchema,
  mergeWorkItems,
  splitInputSchema,
  splitWorkItem,
} from './commands/curateWorkItems.ts';
import { declareHackerWork } from './commands/declareHackerWork.ts';
import { declarationInputSchema } from './declarationInput.ts';
import { importWorkItems, importWorkItemsInputSchema } from './commands/importWorkItems.ts';
import { importTimeEntries, logTime } from './commands/logTime.ts';
import { timeEntryBodySchema } from './timeEntryInput.ts';
import { proposeWorkItem } from './commands/proposeWorkItem.ts';
import { workItemInputSchema } from './workItemInput.ts';
import { recordFunding } from './commands/recordFunding.ts';
import { fundingInputSchema } from './fundingInput.ts';
import { planClaimInputSchema } from './planClaimInput.ts';
import { setAvailability } from './commands/setAvailability.ts';
import { availabilityInputSchema } from './availabilityInput.ts';
import { surveyBallotInputSchema, surveyBallotSchemas } from './plan/surveyBallot.ts';
import { sponsorPointsInputSchema } from './sponsorPointsRule.ts';
import { governancePending } from './pending.ts';
import { governancePolicy } from './policy.ts';
import { cycleDetail, listCycles, listFunding, listWorkItems } from './queries.ts';
import {
  cyclePhases,
  sliceClasses,
  surveyMethods,
  workItemKinds,
  workItemStatuses,
} from './schema.ts';

const idParams = z.object({ id: z.uuid() });
const created = z.object({ id: z.uuid() });
const problems = { 400: problemSchema, 403: problemSchema, 409: problemSchema };
const done = { 204: z.null(), ...problems };

const cycleSchema = z
  .object({
    id: z.uuid(),
    title: z.string(),
    phase: z.enum(cyclePhases),
    votingOpensAt: z.date(),
    votingClosesAt: z.date(),
    startsOn: z.string(),
    endsOn: z.string(),
    surveyMethod: z.enum(surveyMethods),
    quadraticCredits: z.number().int(),
    bylawsVersion: z.number().int(),
    createdAt: z.date(),
  })
  .meta({ id: 'Cycle' });

const workItemSchema = z
  .object({
    id: z.uuid(),
    cycleId: z.uuid().nullable(),
    title: z.string(),
    description: z.string(),
    kind: z.enum(workItemKinds),
    originClass: z.enum(sliceClasses),
    proposedBy: z.uuid().nullable(),
    proposedByName: z.string().nullable(),
    organizationId: z.uuid().nullable(),
    organizationName: z.string().nullable(),
    topics: z.array(z.string()),
    links: z.array(z.string()),
    estimateHours: z.number().int(),
    status: z.enum(workItemStatuses),
    mergedInto: z.uuid().nullable(),
    splitFrom: z.uuid().nullable(),
    createdAt: z.date(),
  })
  .meta({ id: 'WorkItem' });

const cycleDetailSchema = z
  .object({
    cycle: cycleSchema,
    items: z.array(workItemSchema),
    availability: z.array(
      z.object({
        personId: z.uuid(),
        displayName: z.string(),
        hours: z.number().int(),
        note: z.string(),
      }),
    ),
    capacity: z.number().int(),
    participation: z.object({ surveyBallots: z.number().int(), sponsorsVoted: z.number().int() }),
    mine: z.object({
      sponsorPoints: z.record(z.string(), z.number().int()),
      surveyBallot: z
        .object({
          ballot: storedJson(z.union(Object.values(surveyBallotSchemas))),
          castAt: z.date(),
        })
        .nullable(),
      declarations: z.record(z.string(), z.number().int()),
    }),
    plan: z.array(
      z.object({
        workItemId: z.uuid(),
        slice: z.enum(sliceClasses),
        support: z.string(),
        hours: z.number().int(),
        capped: z.boolean(),
        actualHours: z.number(),
        assignments: z.array(
          z.object({ personId: z.uuid(), displayName: z.string(), hours: z.number().int() }),
        ),
      }),
    ),
    computation: z
      .unknown()
      .describe('The plan’s arithmetic: capacity, slices, shares, allocation rounds'),
  })
  .meta({ id: 'CycleDetail' });

export function governanceRoutes(app: App, deps: AppDeps) {
  const { db } = deps.database;
  const ctxOf = (request: Parameters<typeof commandContext>[1]) => commandContext(deps, request);
  const tags = ['governance'];

  app.get(
    '/api/cycles',
    {
      schema: {
        operationId: 'listCycles',
        summary: 'Cycles, newest first',
        tags,
        response: {
          200: z.object({
            cycles: z.array(
              cycleSchema.extend({
                yourPart: z
                  .enum(['waiting', 'done'])
                  .nullable()
                  .describe(
                    'In a cycle being voted on: whether your part (points, survey, declarations, hours) waits for you',
                  ),
              }),
            ),
          }),
          401: problemSchema,
          403: problemSchema,
          409: problemSchema,
        },
      },
    },
    async (request) => {
      const ctx = ctxOf(request);
      authorize(ctx.actor, governancePolicy.readCycles, undefined);
      const waiting = new Set(
        // Only which cycles wait counts here, not the words: any language will do.
        (await governancePending(db, ctx.actor, 'en'))
          .filter((p) => p.href.startsWith('/cycles/'))
          .map((p) => p.href.slice('/cycles/'.length)),
      );
      const cycles = await listCycles(db, ctx.actor.coopId);
      // Only a cycle in voting asks anything of every class; "done" means nothing waits.
      return {
        cycles: cycles.map((c) => ({
          ...c,
          yourPart: waiting.has(c.id)
            ? ('waiting' as const)
            : c.phase === 'voting' && ctx.actor.membership?.status === 'active'
              ? ('done' as const)
              : null,
        })),
      };
    },
  );

  app.post(
    '/api/cycles',
    {
      schema: {
        operationId: 'createCycle',
        tags,
        summary: 'Open a cycle for proposals',
        body: createCycleInputSchema,
        response: { 201: cycleSchema, ...problems },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await runCommand(createCycle, request.body, ctxOf(request))),
  );

  app.get(
    '/api/cycles/:id',
    {
      schema: {
        operationId: 'getCycle',
        summary: 'A cycle with its items, availability, ballots so far and plan',
        tags,
        params: idParams,
        response: { 200: cycleDetailSchema, 404: problemSchema },
      },
    },
    async (request) => {
      const ctx = ctxOf(request);
      authorize(ctx.actor, governancePolicy.readCycles, undefined);
      return cycleDetail(db, ctx.actor, request.params.id);
    },
  );

  app.post(
    '/api/cycles/:id/advance',
    {
      schema: {
        operationId: 'advanceCycle',
        tags,
        summary: 'Move the cycle to its next phase now (entering "planned" publishes the plan)',
        params: idParams,
        body: z.strictObject({ from: z.enum(cyclePhases) }),
        response: { 200: z.object({ phase: z.enum(cyclePhases) }), ...problems },
      },
    },
    async (request) =>
      runCommand(
        advanceCycle,
        { cycleId: request.params.id, from: request.body.from },
        ctxOf(request),
      ),
  );

  app.post(
    '/api/cycles/:id/availability/:personId',
    {
      schema: {
        operationId: 'setAvailability',
        tags,
        summary: 'A hacker’s hours for the cycle',
        params: z.object({ id: z.uuid(), personId: z.uuid() }),
        body: availabilityInputSchema,
        response: done,
      },
    },
    async (request, reply) => {
      await runCommand(
        setAvailability,
        { cycleId: request.params.id, personId: request.params.personId, ...request.body },
        ctxOf(request),
      );
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/cycles/:id/sponsor-points',
    {
      schema: {
        operationId: 'castSponsorPoints',
        tags,
        summary: 'Your organization’s 100 points over the sponsor items',
        params: idParams,
        body: sponsorPointsInputSchema,
        response: done,
      },
    },
    async (request, reply) => {
      await runCommand(
        castSponsorPoints,
        { cycleId: request.params.id, ...request.body },
        ctxOf(request),
      );
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/cycles/:id/survey-ballot',
    {
      schema: {
        operationId: 'castSurveyBallot',
        tags,
        summary: 'Your community survey ballot (its shape follows the cycle’s method)',
        description:
          'approval: {"approve":[ids]}; score: {"scores":{id:0-5}}; ranked: {"ranking":[ids, best first]}; quadratic: {"votes":{id:n}} where n votes cost n² credits.',
        params: idParams,
        body: surveyBallotInputSchema,
        response: done,
      },
    },
    async (request, reply) => {
      await runCommand(
        castSurveyBallot,
        { cycleId: request.params.id, ballot: request.body.ballot },
        ctxOf(request),
      );
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/cycles/:id/declarations',
    {
      schema: {
        operationId: 'declareHackerWork',
        tags,
        summary: 'What you will do with your share of the hacker slice',
        params: idParams,
        body: declarationInputSchema,
        response: done,
      },
    },
    async (request, reply) => {
      await runCommand(
        declareHackerWork,
        { cycleId: request.params.id, ...request.body },
        ctxOf(request),
      );
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/cycles/:id/plan/:itemId/claim',
    {
      schema: {
        operationId: 'claimPlanItem',
        tags,
        summary: 'Take hours of a planned item',
        params: z.object({ id: z.uuid(), itemId: z.uuid() }),
        body: planClaimInputSchema,
        response: done,
      },
    },
    async (request, reply) => {
      await runCommand(
        claimPlanItem,
        { cycleId: request.params.id, workItemId: request.params.itemId, ...request.body },
        ctxOf(request),
      );
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/work-items',
    {
      schema: {
        operationId: 'listWorkItems',
        summary: 'Work items, filtered by cycle and status',
        tags,
        querystring: z.object({ cycleId: z.uuid().optional() }),
        response: { 200: z.object({ items: z.array(workItemSchema) }) },
      },
    },
    async (request) => {
      const ctx = ctxOf(request);
      authorize(ctx.actor, governancePolicy.readCycles, undefined);
      return { items: await listWorkItems(db, ctx.actor.coopId, request.query.cycleId) };
    },
  );

  app.post(
    '/api/work-items',
    {
      schema: {
        operationId: 'proposeWorkItem',
        tags,
        summary: 'Propose a work item for your class’s slice',
        body: workItemInputSchema,
        response: { 201: created, ...problems },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await runCommand(proposeWorkItem, request.body, ctxOf(request))),
  );

  app.post(
    '/api/work-items/merge',
    {
      schema: {
        operationId: 'mergeWorkItems',
        summary: 'Merge duplicate work items into one',
        tags,
        body: mergeInputSchema,
        response: done,
      },
    },
    async (request, reply) => {
      await runCommand(mergeWorkItems, request.body, ctxOf(request));
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/work-items/:id/split',
    {
      schema: {
        operationId: 'splitWorkItem',
        summary: 'Split a large work item into smaller ones',
        tags,
        params: idParams,
        body: splitInputSchema,
        response: { 201: z.object({ parts: z.array(z.uuid()) }), ...problems },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await runCommand(
            splitWorkItem,
            { workItemId: request.params.id, ...request.body },
            ctxOf(request),
          ),
        ),
  );

  app.post(
    '/api/work-items/import',
    {
      schema: {
        operationId: 'importWorkItems',
        tags,
        summary:
          'Import items from CSV (title,description,kind,origin,estimate_hours,topics,links[,ref]) or a GitHub issues JSON export',
        body: importWorkItemsInputSchema,
        response: {
          200: z.object({ created: z.number().int(), skipped: z.number().int() }),
          ...problems,
        },
      },
    },
    async (request) => runCommand(importWorkItems, request.body, ctxOf(request)),
  );

  app.get(
    '/api/funding',
    {
      schema: {
        operationId: 'listFunding',
        tags,
        summary: 'Funding received, which weights the sponsor vote (a sponsor sees its own)',
        querystring: z.object({ organizationId: z.uuid().optional() }),
        response: {
          200: z.object({
            funding: z.array(
              z.object({
                id: z.uuid(),
                organizationId: z.uuid(),
                organizationName: z.string(),
                receivedOn: z.string(),
                amountMinor: z.string(),
                currency: z.string(),
                coopAmountMinor: z.string(),
                labourHours: z.number().int(),
                source: z.string(),
                note: z.string(),
              }),
            ),
          }),
          403: problemSchema,
        },
      },
    },
    async (request) => {
      const ctx = ctxOf(request);
      // No organization asked for: all of it for those who may, otherwise one's own.
      const organizationId =
        request.query.organizationId ??
        (governancePolicy.readFunding(ctx.actor, null) ? null : ownOrganizationId(ctx.actor));
      authorize(
        ctx.actor,
        governancePolicy.readFunding,
        organizationId,
        'Sponsor representatives see only their own organization’s funding.',
      );
      return { funding: await listFunding(db, ctx.actor.coopId, organizationId ?? undefined) };
    },
  );

  app.post(
    '/api/funding',
    {
      schema: {
        operationId: 'recordFunding',
        tags,
        summary: 'Record money or labour received from a sponsor',
        body: fundingInputSchema,
        response: { 201: created, ...problems },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await runCommand(recordFunding, request.body, ctxOf(request))),
  );

  app.post(
    '/api/time-entries',
    {
      schema: {
        operationId: 'logTime',
        summary: 'Record hours worked on a planned item',
        tags,
        body: timeEntryBodySchema,
        response: { 201: created, ...problems },
      },
    },
    async (request, reply) => {
      const ctx = ctxOf(request);
      const { personId, ...entry } = request.body;
      return reply
        .status(201)
        .send(
          await runCommand(
            logTime,
            { personId: personId ?? ctx.actor.personId ?? '', ...entry },
            ctx,
          ),
        );
    },
  );

  app.post(
    '/api/time-entries/import',
    {
      schema: {
        operationId: 'importTimeEntries',
        tags,
        summary:
          'Import time entries from CSV (email,work_item_id,date,hours[,note]); any bad line applies nothing',
        body: z.strictObject({ csv: z.string().min(1).max(20_000_000) }),
        response: { 200: z.object({ imported: z.number().int() }), ...problems },
      },
    },
    async (request) => runCommand(importTimeEntries, { csv: request.body.csv }, ctxOf(request)),
  );
}
