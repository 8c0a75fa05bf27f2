import { z } from 'zod';
import { runCommand } from '../platform/commands.ts';
import { forbidden } from '../platform/errors.ts';
import { commandContext, type App, type AppDeps } from '../platform/http/context.ts';
import { problemSchema } from '../platform/http/problem.ts';
import { fileContent } from '../platform/http/responses.ts';
import { authorize, ownOrganizationId } from '../platform/policy.ts';
import { contentDisposition } from '../finance/expenses/receipts.ts';
import { attachmentsBodyLimit, attachmentTypes } from './attachments.ts';
import {
  markWaitingOnSponsor,
  reopenRequest,
  resolveRequest,
} from './commands/changeRequestStatus.ts';
import { openRequest } from './commands/openRequest.ts';
import { requestInputSchema } from './input.ts';
import { replyToRequest } from './commands/replyToRequest.ts';
import { requestSeverities } from './events.ts';
import { requestsPolicy } from './policy.ts';
import { expertHoursThisMonth, getRequest, listRequests, readAttachment } from './queries.ts';
import { requestEntryKinds, requestStatuses } from './schema.ts';
import { replyInputSchema, statusNoteSchema, waitingInputSchema } from './threadInput.ts';

const idParams = z.object({ id: z.uuid() });
const problems = {
  400: problemSchema,
  401: problemSchema,
  403: problemSchema,
  404: problemSchema,
  409: problemSchema,
};
const tags = ['requests'];

const expertHoursSchema = z
  .object({
    month: z.string().describe('YYYY-MM'),
    usedMinutes: z.number().int(),
    entitledMinutes: z
      .number()
      .int()
      .nullable()
      .describe('The tier’s expert hours in minutes; null when no agreement is in force'),
  })
  .meta({ id: 'ExpertHours' });

const attachmentSchema = z
  .object({ id: z.uuid(), name: z.string(), contentType: z.string(), size: z.number().int() })
  .meta({ id: 'RequestAttachment' });

const summarySchema = z
  .object({
    id: z.uuid(),
    number: z.number().int(),
    organizationId: z.uuid(),
    organizationName: z.string(),
    subject: z.string(),
    severity: z.enum(requestSeverities),
    status: z.enum(requestStatuses),
    openedAt: z.date(),
    lastActivityAt: z.date(),
    minutesSpent: z.number().int(),
    replies: z.number().int(),
    lastReplyAt: z.date().nullable(),
    lastReplySide: z.enum(['coop', 'sponsor']).nullable(),
  })
  .meta({ id: 'SponsorRequestSummary' });

const person = z.object({ id: z.uuid(), displayName: z.string() });

const detailSchema = z
  .object({
    id: z.uuid(),
    number: z.number().int(),
    organizationId: z.uuid(),
    organizationName: z.string(),
    agreementId: z.uuid().nullable(),
    subject: z.string(),
    details: z.string(),
    severity: z.enum(requestSeverities),
    status: z.enum(requestStatuses),
    waitingReason: z.string().nullable(),
    openedBy: person,
    openedAt: z.date(),
    resolvedAt: z.date().nullable(),
    attachments: z.array(attachmentSchema),
    thread: z.array(
      z.object({
        id: z.uuid(),
        kind: z.enum(requestEntryKinds),
        side: z.enum(['coop', 'sponsor']),
        author: person,
        body: z.string(),
        minutesSpent: z.number().int().nullable(),
        createdAt: z.date(),
        attachments: z.array(attachmentSchema),
      }),
    ),
    minutesSpent: z.number().int(),
    expertHours: expertHoursSchema,
  })
  .meta({ id: 'SponsorRequest' });

/** Sponsors' requests for expert access, under /api/requests. */
export function requestsRoutes(app: App, deps: AppDeps) {
  const { db } = deps.database;
  const ctxOf = (request: Parameters<typeof commandContext>[1]) => commandContext(deps, request);

  app.get(
    '/api/requests',
    {
      schema: {
        operationId: 'listRequests',
        summary:
          'Requests for expert access: all for hackers and officers, a sponsor’s own for its representatives; with the month’s hours when one organization is shown',
        tags,
        querystring: z.object({
          organizationId: z.uuid().optional(),
          status: z.enum(requestStatuses).optional(),
        }),
        response: {
          200: z.object({
            requests: z.array(summarySchema),
            expertHours: expertHoursSchema.nullable(),
          }),
          ...problems,
        },
      },
    },
    async (request) => {
      const { actor } = ctxOf(request);
      authorize(actor, requestsPolicy.list, undefined);
      // A representative sees their own organization, whatever the query asks.
      const organizationId = requestsPolicy.readAll(actor, undefined)
        ? request.query.organizationId
        : (ownOrganizationId(actor) ?? undefined);
      if (request.query.organizationId && organizationId !== request.query.organizationId)
        throw forbidden('A sponsor sees only its own requests.').because('request.not-yours');
      return {
        requests: await listRequests(db, actor.coopId, {
          organizationId,
          status: request.query.status,
        }),
        expertHours: organizationId
          ? await expertHoursThisMonth(db, actor.coopId, organizationId, deps.clock.today())
          : null,
      };
    },
  );

  app.post(
    '/api/requests',
    {
      bodyLimit: attachmentsBodyLimit,
      schema: {
        operationId: 'openRequest',
        summary:
          'Ask a question or report an incident for your organization (attachments: PNG, JPEG, PDF or text, 2 MB each, as base64)',
        tags,
        body: requestInputSchema,
        response: { 201: z.object({ id: z.uuid(), number: z.number().int() }), ...problems },
      },
    },
    async (request, reply) => {
      const ctx = ctxOf(request);
      const organizationId = ownOrganizationId(ctx.actor);
      if (!organizationId)
        throw forbidden('Only an organization’s representatives open requests.').because(
          'request.representatives-open',
        );
      return reply
        .status(201)
        .send(await runCommand(openRequest, { ...request.body, organizationId }, ctx));
    },
  );

  app.get(
    '/api/requests/:id',
    {
      schema: {
        operationId: 'getRequest',
        summary: 'A request with its thread, attachments and the organization’s hours this month',
        tags,
        params: idParams,
        response: { 200: detailSchema, ...problems },
      },
    },
    async (request) => {
      const { actor } = ctxOf(request);
      authorize(actor, requestsPolicy.list, undefined);
      return getRequest(db, actor, request.params.id, deps.clock.today());
    },
  );

  app.post(
    '/api/requests/:id/replies',
    {
      bodyLimit: attachmentsBodyLimit,
      schema: {
        operationId: 'replyToRequest',
        summary:
          'Answer in the thread: a representative for the sponsor, a hacker or officer for the co-op (with the minutes spent)',
        tags,
        params: idParams,
        body: replyInputSchema,
        response: {
          201: z.object({ id: z.uuid(), side: z.enum(['coop', 'sponsor']) }),
          ...problems,
        },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await runCommand(
            replyToRequest,
            { ...request.body, requestId: request.params.id },
            ctxOf(request),
          ),
        ),
  );

  const transition = (
    path: string,
    operationId: string,
    summary: string,
    run: (ctx: ReturnType<typeof ctxOf>, requestId: string, body: unknown) => Promise<void>,
    body: z.ZodType,
  ) =>
    app.post(
      `/api/requests/:id/${path}`,
      {
        schema: {
          operationId,
          summary,
          tags,
          params: idParams,
          body,
          response: { 204: z.null(), ...problems },
        },
      },
      async (request, reply) => {
        await run(ctxOf(request), request.params.id, request.body);
        return reply.status(204).send(null);
      },
    );

  transition(
    'waiting',
    'markRequestWaitingOnSponsor',
    'The co-op waits for the sponsor, saying why',
    (ctx, requestId, body) =>
      runCommand(
        markWaitingOnSponsor,
        { ...(body as z.infer<typeof waitingInputSchema>), requestId },
        ctx,
      ),
    waitingInputSchema,
  );
  transition(
    'resolve',
    'resolveRequest',
    'Resolve a request, with an optional closing note',
    (ctx, requestId, body) =>
      runCommand(resolveRequest, { ...(body as z.infer<typeof statusNoteSchema>), requestId }, ctx),
    statusNoteSchema,
  );
  transition(
    'reopen',
    'reopenRequest',
    'The sponsor opens a resolved request again',
    (ctx, requestId, body) =>
      runCommand(reopenRequest, { ...(body as z.infer<typeof statusNoteSchema>), requestId }, ctx),
    statusNoteSchema,
  );

  app.get(
    '/api/requests/:id/attachments/:attachmentId',
    {
      schema: {
        operationId: 'getRequestAttachment',
        summary: 'An attachment’s file, for those who may read its request',
        tags,
        params: z.object({ id: z.uuid(), attachmentId: z.uuid() }),
        response: {
          200: { description: 'The file as uploaded', content: fileContent(...attachmentTypes) },
          401: problemSchema,
          403: problemSchema,
          404: problemSchema,
        },
      },
    },
    async (request, reply) => {
      const { actor } = ctxOf(request);
      authorize(actor, requestsPolicy.list, undefined);
      const file = await readAttachment(db, actor, request.params.id, request.params.attachmentId);
      // Always a download: an uploaded file never renders as a page of the co-op's origin.
      return reply
        .type(file.contentType)
        .header('content-disposition', contentDisposition(file.name, 'attachment'))
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-store')
        .send(file.content);
    },
  );
}
