import { z } from 'zod';
import { registeredEventTypes } from '../eventCatalogue.ts';
import { runCommand } from '../platform/commands.ts';
import { envelopeFields, eventDataJsonSchema } from '../platform/events/catalogue.ts';
import { eventSummary } from '../platform/events/localized.ts';
import { commandContext, type App, type AppDeps } from '../platform/http/context.ts';
import { problemSchema } from '../platform/http/problem.ts';
import { requestLocale } from '../platform/i18n/locales.ts';
import { authorize } from '../platform/policy.ts';
import { deleteEndpoint } from './commands/deleteEndpoint.ts';
import { disableEndpoint } from './commands/disableEndpoint.ts';
import { enableEndpoint } from './commands/enableEndpoint.ts';
import { registerEndpoint } from './commands/registerEndpoint.ts';
import { replayDeliveries } from './commands/replayDeliveries.ts';
import { rotateSecret } from './commands/rotateSecret.ts';
import { updateEndpoint } from './commands/updateEndpoint.ts';
import {
  disableEndpointInputSchema,
  endpointInputSchema,
  endpointPatchSchema,
} from './endpointInput.ts';
import { manageDenied, webhooksPolicy } from './policy.ts';
import { getEndpoint, listDeliveries, listEndpoints } from './queries.ts';
import { deliveryStatuses } from './schema.ts';

const tags = ['webhooks'];
const idParams = z.object({ id: z.uuid() });

const endpointSchema = z
  .object({
    id: z.uuid(),
    url: z.string(),
    description: z.string(),
    eventTypes: z.array(z.string()).nullable().describe('null: every public event type'),
    enabled: z.boolean(),
    disabledAt: z.date().nullable(),
    disabledReason: z.string().nullable(),
    previousSecretExpiresAt: z
      .date()
      .nullable()
      .describe('While in the future, deliveries carry a second signature, by the old secret'),
    consecutiveFailures: z.number().int(),
    pending: z.number().int(),
    failed: z.number().int(),
    lastSuccessAt: z.date().nullable(),
    createdAt: z.date(),
    updatedAt: z.date(),
  })
  .meta({ id: 'WebhookEndpoint' });

const deliverySchema = z
  .object({
    id: z.uuid().describe('Also the `webhook-id` header of every attempt'),
    eventSeq: z.number().int(),
    eventType: z.string(),
    status: z.enum(deliveryStatuses),
    attempts: z.number().int(),
    nextAttemptAt: z.date().nullable(),
    lastStatusCode: z.number().int().nullable(),
    lastResponseMs: z.number().int().nullable(),
    lastError: z.string().nullable(),
    createdAt: z.date(),
    updatedAt: z.date(),
  })
  .meta({ id: 'WebhookDelivery' });

const secretSchema = z
  .string()
  .describe('`whsec_` and base64: shown this once; the HMAC key is the decoded part');

const catalogueEntrySchema = z
  .object({
    name: z.string(),
    version: z.number().int(),
    subject: z.string(),
    summary: z.string().describe('When it happens, in English or German by Accept-Language'),
    webhooks: z.boolean().describe('Whether webhook endpoints receive it (internal types not)'),
    fields: z.record(z.string(), z.unknown()).describe('JSON Schema of the event’s own fields'),
  })
  .meta({ id: 'EventCatalogueEntry' });

export function webhooksRoutes(app: App, deps: AppDeps) {
  const { db } = deps.database;
  const allowPrivateAddresses = deps.config.COOP_WEBHOOKS_ALLOW_PRIVATE;

  const manager = (request: Parameters<typeof commandContext>[1]) => {
    const ctx = commandContext(deps, request);
    authorize(ctx.actor, webhooksPolicy.manage, undefined, manageDenied);
    return ctx;
  };

  app.get(
    '/api/events/catalogue',
    {
      schema: {
        tags: ['events'],
        operationId: 'getEventCatalogue',
        summary: 'Every event type the co-op writes, when it happens and its fields',
        // Public, like the OpenAPI document that carries the same catalogue.
        security: [],
        response: {
          200: z.object({
            envelope: z
              .record(z.string(), z.unknown())
              .describe('JSON Schema of the fields every webhook payload’s `data` starts with'),
            eventTypes: z.array(catalogueEntrySchema),
          }),
        },
      },
    },
    async (request, reply) => {
      const locale = requestLocale(request.headers['accept-language']);
      // The same URL answers in English or German: a cache must keep one copy per language.
      reply.header('vary', 'Accept-Language');
      return {
        envelope: z.toJSONSchema(envelopeFields, { io: 'output' }) as Record<string, unknown>,
        eventTypes: registeredEventTypes().map((t) => ({
          name: t.name,
          version: t.version,
          subject: t.subject,
          summary: eventSummary(t, locale),
          webhooks: !t.internal,
          fields: eventDataJsonSchema(t),
        })),
      };
    },
  );

  app.get(
    '/api/webhooks/endpoints',
    {
      schema: {
        tags,
        operationId: 'listWebhookEndpoints',
        summary: 'Webhook endpoints, with their pending and failed deliveries (officers)',
        response: {
          200: z.object({ endpoints: z.array(endpointSchema) }),
          401: problemSchema,
          403: problemSchema,
        },
      },
    },
    async (request) => {
      const ctx = manager(request);
      return { endpoints: await listEndpoints(db, ctx.actor.coopId) };
    },
  );

  app.post(
    '/api/webhooks/endpoints',
    {
      schema: {
        tags,
        operationId: 'registerWebhookEndpoint',
        summary: 'Register an endpoint; the answer holds its signing secret, shown only this once',
        body: endpointInputSchema,
        response: {
          201: z.object({ id: z.uuid(), secret: secretSchema }),
          400: problemSchema,
          403: problemSchema,
        },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await runCommand(
            registerEndpoint,
            { ...request.body, allowPrivateAddresses },
            commandContext(deps, request),
          ),
        ),
  );

  app.get(
    '/api/webhooks/endpoints/:id',
    {
      schema: {
        tags,
        operationId: 'getWebhookEndpoint',
        summary: 'One webhook endpoint (officers)',
        params: idParams,
        response: { 200: endpointSchema, 403: problemSchema, 404: problemSchema },
      },
    },
    async (request) => {
      const ctx = manager(request);
      return getEndpoint(db, ctx.actor.coopId, request.params.id);
    },
  );

  app.patch(
    '/api/webhooks/endpoints/:id',
    {
      schema: {
        tags,
        operationId: 'updateWebhookEndpoint',
        summary: 'Change an endpoint’s URL, description or event types',
        params: idParams,
        body: endpointPatchSchema,
        response: { 204: z.null(), 400: problemSchema, 403: problemSchema, 404: problemSchema },
      },
    },
    async (request, reply) => {
      await runCommand(
        updateEndpoint,
        { endpointId: request.params.id, patch: request.body, allowPrivateAddresses },
        commandContext(deps, request),
      );
      return reply.status(204).send(null);
    },
  );

  app.delete(
    '/api/webhooks/endpoints/:id',
    {
      schema: {
        tags,
        operationId: 'deleteWebhookEndpoint',
        summary: 'Delete an endpoint and its deliveries',
        params: idParams,
        response: { 204: z.null(), 403: problemSchema, 404: problemSchema },
      },
    },
    async (request, reply) => {
      await runCommand(
        deleteEndpoint,
        { endpointId: request.params.id },
        commandContext(deps, request),
      );
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/webhooks/endpoints/:id/rotate-secret',
    {
      schema: {
        tags,
        operationId: 'rotateWebhookSecret',
        summary: 'A new signing secret, shown once; the old one also signs for 24 hours',
        params: idParams,
        response: {
          200: z.object({ secret: secretSchema, previousSecretExpiresAt: z.date() }),
          403: problemSchema,
          404: problemSchema,
        },
      },
    },
    async (request) =>
      runCommand(rotateSecret, { endpointId: request.params.id }, commandContext(deps, request)),
  );

  app.post(
    '/api/webhooks/endpoints/:id/disable',
    {
      schema: {
        tags,
        operationId: 'disableWebhookEndpoint',
        summary: 'Stop sending events to an endpoint',
        params: idParams,
        body: disableEndpointInputSchema,
        response: { 204: z.null(), 403: problemSchema, 404: problemSchema },
      },
    },
    async (request, reply) => {
      await runCommand(
        disableEndpoint,
        { endpointId: request.params.id, reason: request.body.reason },
        commandContext(deps, request),
      );
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/webhooks/endpoints/:id/enable',
    {
      schema: {
        tags,
        operationId: 'enableWebhookEndpoint',
        summary: 'Send events to a disabled endpoint again (failed deliveries wait for a replay)',
        params: idParams,
        response: { 204: z.null(), 403: problemSchema, 404: problemSchema },
      },
    },
    async (request, reply) => {
      await runCommand(
        enableEndpoint,
        { endpointId: request.params.id },
        commandContext(deps, request),
      );
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/webhooks/endpoints/:id/replay',
    {
      schema: {
        tags,
        operationId: 'replayWebhookDeliveries',
        summary: 'Send one delivery again, or (without deliveryId) every failed one',
        params: idParams,
        body: z.strictObject({ deliveryId: z.uuid().optional() }),
        response: {
          200: z.object({ replayed: z.number().int() }),
          403: problemSchema,
          404: problemSchema,
          409: problemSchema,
        },
      },
    },
    async (request) =>
      runCommand(
        replayDeliveries,
        { endpointId: request.params.id, ...request.body },
        commandContext(deps, request),
      ),
  );

  app.get(
    '/api/webhooks/endpoints/:id/deliveries',
    {
      schema: {
        tags,
        operationId: 'listWebhookDeliveries',
        summary: 'An endpoint’s deliveries, newest first, with their last attempt (officers)',
        params: idParams,
        querystring: z.object({
          status: z.enum(deliveryStatuses).optional(),
          limit: z.coerce.number().int().min(1).max(500).default(100),
        }),
        response: {
          200: z.object({ deliveries: z.array(deliverySchema) }),
          403: problemSchema,
          404: problemSchema,
        },
      },
    },
    async (request) => {
      const ctx = manager(request);
      await getEndpoint(db, ctx.actor.coopId, request.params.id);
      return {
        deliveries: await listDeliveries(db, ctx.actor.coopId, request.params.id, request.query),
      };
    },
  );
}
