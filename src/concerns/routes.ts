import { z } from 'zod';
import { runCommand } from '../platform/commands.ts';
import { commandContext, type App, type AppDeps } from '../platform/http/context.ts';
import { problemSchema } from '../platform/http/problem.ts';
import { authorize, ownOrganizationId } from '../platform/policy.ts';
import { sha256 } from '../platform/tokens.ts';
import { notFound } from '../platform/errors.ts';
import {
  answerConsultation,
  answerConsultationByLink,
  consultationTokenSchema,
} from './commands/answerConsultation.ts';
import { answerInputSchema } from './answerInput.ts';
import { openConsultation } from './commands/openConsultation.ts';
import { recordConcerns } from './commands/recordConcerns.ts';
import { setItemTopics } from './commands/setItemTopics.ts';
import {
  concernsInputSchema,
  consultationInputSchema,
  itemTopicsInputSchema,
} from './concernsInput.ts';
import { concernsPolicy } from './policy.ts';
import {
  consultationForSponsor,
  getConcerns,
  itemConsultations,
  listConcerns,
  listConsultations,
  recipientByTokenHash,
} from './queries.ts';
import { answerChannels, answerKinds } from './schema.ts';
import { hasReciprocalAccess } from './reciprocalAccess.ts';
import { subjectKindSchema } from './subjects.ts';

const tags = ['concerns'];
const problems = { 401: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema };
const orgParams = z.object({ id: z.uuid() });
const itemParams = z.object({ kind: subjectKindSchema, id: z.uuid() });
const tokenParams = z.object({ token: consultationTokenSchema });

const concernsSchema = z
  .object({
    organizationId: z.uuid(),
    organizationName: z.string(),
    topics: z.array(z.string()),
    systems: z.string(),
    constraints: z.string(),
    contactIds: z.array(z.uuid()),
    contacts: z.array(
      z.object({
        personId: z.uuid(),
        displayName: z.string(),
        roles: z.array(z.string()),
        toAsk: z.boolean(),
      }),
    ),
    updatedAt: z.date().nullable(),
    /** Its agreement in force today includes reciprocal access: only then is it consulted. */
    reciprocalAccess: z.boolean(),
  })
  .meta({ id: 'SponsorConcerns' });

const concernsSummarySchema = z
  .object({
    organizationId: z.uuid(),
    organizationName: z.string(),
    topics: z.array(z.string()),
    systems: z.string(),
    constraints: z.string(),
    toAsk: z.array(z.string()),
    updatedAt: z.date(),
    /** Its agreement in force today includes reciprocal access: only then is it consulted. */
    reciprocalAccess: z.boolean(),
  })
  .meta({ id: 'SponsorConcernsSummary' });

const answerSchema = z
  .object({
    id: z.uuid(),
    organizationId: z.uuid(),
    organizationName: z.string(),
    personName: z.string().nullable(),
    kind: z.enum(answerKinds),
    comment: z.string(),
    via: z.enum(answerChannels),
    answeredAt: z.date(),
  })
  .meta({ id: 'ConsultationAnswer' });

const consultationSchema = z
  .object({
    id: z.uuid(),
    subjectKind: subjectKindSchema,
    subjectId: z.uuid(),
    subjectTitle: z.string(),
    whatChanges: z.string(),
    answerBy: z.iso.date(),
    topics: z.array(z.string()),
    openedAt: z.date(),
    /** A sponsor consulted has not answered and the day wanted has passed. */
    overdue: z.boolean(),
    sponsors: z.array(
      z.object({
        organizationId: z.uuid(),
        organizationName: z.string(),
        mailedTo: z.number().int(),
        answered: z.boolean(),
        overdue: z.boolean(),
        objected: z.boolean(),
      }),
    ),
    answers: z.array(answerSchema),
  })
  .meta({ id: 'Consultation' });

const itemViewSchema = z
  .object({
    subject: z.object({ kind: subjectKindSchema, id: z.uuid(), title: z.string() }),
    topics: z.array(z.string()),
    sponsorsToConsult: z.array(
      z.object({
        organizationId: z.uuid(),
        organizationName: z.string(),
        sharedTopics: z.array(z.string()),
      }),
    ),
    consultations: z.array(consultationSchema),
  })
  .meta({ id: 'ItemConsultations' });

export function concernsRoutes(app: App, deps: AppDeps) {
  const { db } = deps.database;
  const ctxOf = (request: Parameters<typeof commandContext>[1]) => commandContext(deps, request);
  const today = () => deps.clock.today();

  app.get(
    '/api/concerns',
    {
      schema: {
        operationId: 'listConcerns',
        summary: 'Every sponsor’s concerns: for hackers and officers',
        tags,
        response: { 200: z.object({ concerns: z.array(concernsSummarySchema) }), ...problems },
      },
    },
    async (request) => {
      const ctx = ctxOf(request);
      authorize(ctx.actor, concernsPolicy.readAll, undefined);
      return { concerns: await listConcerns(db, ctx.actor.coopId, today()) };
    },
  );

  app.get(
    '/api/organizations/:id/concerns',
    {
      schema: {
        operationId: 'getConcerns',
        summary: 'An organization’s concerns: topics, systems, constraints, whom to ask',
        tags,
        params: orgParams,
        response: { 200: concernsSchema, ...problems },
      },
    },
    async (request) => {
      const ctx = ctxOf(request);
      authorize(
        ctx.actor,
        concernsPolicy.read,
        request.params.id,
        'Sponsor representatives see only their own organization’s concerns.',
      );
      const concerns = await getConcerns(db, ctx.actor.coopId, request.params.id);
      if (!concerns.organizationName) throw notFound('This organization');
      return {
        ...concerns,
        reciprocalAccess: await hasReciprocalAccess(
          db,
          ctx.actor.coopId,
          request.params.id,
          today(),
        ),
      };
    },
  );

  app.post(
    '/api/organizations/:id/concerns',
    {
      schema: {
        operationId: 'recordConcerns',
        summary: 'Record an organization’s concerns (replacing what was recorded)',
        tags,
        params: orgParams,
        body: concernsInputSchema,
        response: { 204: z.null(), 400: problemSchema, ...problems },
      },
    },
    async (request, reply) => {
      await runCommand(
        recordConcerns,
        { ...request.body, organizationId: request.params.id },
        ctxOf(request),
      );
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/items/:kind/:id/consultations',
    {
      schema: {
        operationId: 'getItemConsultations',
        summary:
          'An item’s topics, the sponsors to consult and its consultations with their answers',
        tags,
        params: itemParams,
        response: { 200: itemViewSchema, ...problems },
      },
    },
    async (request) => {
      const ctx = ctxOf(request);
      authorize(ctx.actor, concernsPolicy.readItem, undefined);
      return itemConsultations(db, ctx.actor, request.params.kind, request.params.id, today());
    },
  );

  app.post(
    '/api/items/:kind/:id/topics',
    {
      schema: {
        operationId: 'setItemTopics',
        summary: 'Set the topics of a work item or proposal',
        tags,
        params: itemParams,
        body: itemTopicsInputSchema,
        response: { 204: z.null(), 400: problemSchema, ...problems },
      },
    },
    async (request, reply) => {
      await runCommand(
        setItemTopics,
        { ...request.body, subjectKind: request.params.kind, subjectId: request.params.id },
        ctxOf(request),
      );
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/items/:kind/:id/consultations',
    {
      schema: {
        operationId: 'openConsultation',
        summary: 'Consult the sponsors an item touches: what changes, by when an answer is wanted',
        tags,
        params: itemParams,
        body: consultationInputSchema,
        response: {
          201: z.object({ id: z.uuid(), organizations: z.number().int() }),
          400: problemSchema,
          ...problems,
        },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await runCommand(
            openConsultation,
            { ...request.body, subjectKind: request.params.kind, subjectId: request.params.id },
            ctxOf(request),
          ),
        ),
  );

  app.get(
    '/api/consultations',
    {
      schema: {
        operationId: 'listConsultations',
        summary: 'Consultations: every one for hackers and officers, a sponsor’s own otherwise',
        tags,
        response: { 200: z.object({ consultations: z.array(consultationSchema) }), ...problems },
      },
    },
    async (request) => {
      const ctx = ctxOf(request);
      authorize(ctx.actor, concernsPolicy.readItem, undefined);
      const narrowTo = concernsPolicy.readAll(ctx.actor, undefined)
        ? null
        : ownOrganizationId(ctx.actor);
      return {
        consultations: await listConsultations(db, ctx.actor.coopId, narrowTo, today()),
      };
    },
  );

  app.post(
    '/api/consultations/:id/answers',
    {
      schema: {
        operationId: 'answerConsultation',
        summary: 'Acknowledge, comment on or object to a consultation, for your organization',
        tags,
        params: orgParams,
        body: answerInputSchema,
        response: { 201: z.object({ id: z.uuid() }), 400: problemSchema, ...problems },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await runCommand(
            answerConsultation,
            { ...request.body, consultationId: request.params.id },
            ctxOf(request),
          ),
        ),
  );

  // The contact's link: the token is the authority, no session needed.

  app.get(
    '/api/consultation-links/:token',
    {
      schema: {
        operationId: 'getConsultationByLink',
        summary: 'The consultation a contact’s link names, with their organization’s answers',
        tags,
        security: [],
        params: tokenParams,
        response: { 200: consultationSchema, 404: problemSchema },
      },
    },
    async (request) => {
      const coopId = ctxOf(request).actor.coopId;
      const recipient = await recipientByTokenHash(db, coopId, sha256(request.params.token));
      const view =
        recipient &&
        (await consultationForSponsor(
          db,
          coopId,
          recipient.consultationId,
          recipient.organizationId,
          today(),
        ));
      if (!view) throw notFound('This consultation link');
      return view;
    },
  );

  app.post(
    '/api/consultation-links/:token/answers',
    {
      schema: {
        operationId: 'answerConsultationByLink',
        summary: 'Answer a consultation through the link in its mail',
        tags,
        security: [],
        params: tokenParams,
        body: answerInputSchema,
        response: { 201: z.object({ id: z.uuid() }), 400: problemSchema, 404: problemSchema },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await runCommand(
            answerConsultationByLink,
            { ...request.body, token: request.params.token },
            ctxOf(request),
          ),
        ),
  );
}
