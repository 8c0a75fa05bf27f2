import { Readable } from 'node:stream';
import { z } from 'zod';
import { csvLine } from '../platform/csv.ts';
import { consumerLag } from '../platform/dispatcher.ts';
import { commandContext, type App, type AppDeps } from '../platform/http/context.ts';
import { problemSchema } from '../platform/http/problem.ts';
import { fileContent } from '../platform/http/responses.ts';
import { authorize } from '../platform/policy.ts';
import { auditPolicy } from './policy.ts';
import { listEvents, listOutbox } from './queries.ts';

const eventSchema = z
  .object({
    seq: z.number().int(),
    type: z.string(),
    actorId: z.uuid().nullable(),
    actorName: z.string().nullable(),
    subjectType: z.string(),
    subjectId: z.string(),
    data: z.unknown(),
    occurredAt: z.date(),
  })
  .meta({ id: 'Event' });

const eventConsumerSchema = z
  .object({
    consumer: z.string(),
    position: z.number().int().describe('The last event it has passed (sequence number)'),
    latest: z.number().int().describe('The latest event in the log'),
    behind: z.number().int().describe('Events appended since its position'),
    failures: z.number().int().describe('Failed attempts in a row at its next event'),
    lastError: z.string().nullable(),
    retryAt: z.date().nullable(),
    updatedAt: z.date(),
  })
  .meta({ id: 'EventConsumer' });

const filterQuery = z.object({
  type: z.string().max(100).optional(),
  subjectType: z.string().max(100).optional(),
  subjectId: z.string().max(100).optional(),
});

export function auditRoutes(app: App, deps: AppDeps) {
  const { db } = deps.database;

  app.get(
    '/api/events',
    {
      schema: {
        operationId: 'listEvents',
        tags: ['audit'],
        summary: 'The event log, newest first (administrators)',
        querystring: filterQuery.extend({
          beforeSeq: z.coerce.number().int().min(1).optional(),
          limit: z.coerce.number().int().min(1).max(500).default(100),
        }),
        response: { 200: z.object({ events: z.array(eventSchema) }), 403: problemSchema },
      },
    },
    async (request) => {
      const ctx = commandContext(deps, request);
      authorize(ctx.actor, auditPolicy.readEvents, undefined);
      return { events: await listEvents(db, ctx.actor.coopId, request.query) };
    },
  );

  app.get(
    '/api/events/export',
    {
      schema: {
        operationId: 'exportEvents',
        tags: ['audit'],
        summary: 'The whole event log, oldest first, as NDJSON or CSV',
        querystring: filterQuery.extend({ format: z.enum(['ndjson', 'csv']).default('ndjson') }),
        response: {
          200: {
            description: 'The event log as a file',
            content: fileContent('application/x-ndjson', 'text/csv'),
          },
          401: problemSchema,
          403: problemSchema,
          409: problemSchema,
        },
      },
    },
    async (request, reply) => {
      const ctx = commandContext(deps, request);
      authorize(ctx.actor, auditPolicy.readEvents, undefined);
      const { format, ...filter } = request.query;
      // Pages of 1,000 by sequence number: memory stays flat however long the log is.
      async function* lines() {
        if (format === 'csv')
          yield csvLine([
            'seq',
            'occurred_at',
            'type',
            'actor_id',
            'actor_name',
            'subject_type',
            'subject_id',
            'data',
          ]);
        let afterSeq = 0;
        for (;;) {
          const page = await listEvents(db, ctx.actor.coopId, { ...filter, afterSeq, limit: 1000 });
          for (const e of page) {
            yield format === 'csv'
              ? csvLine([
                  e.seq,
                  e.occurredAt.toISOString(),
                  e.type,
                  e.actorId,
                  e.actorName,
                  e.subjectType,
                  e.subjectId,
                  e.data,
                ])
              : JSON.stringify(e) + '\n';
          }
          if (page.length < 1000) return;
          afterSeq = page[page.length - 1]!.seq;
        }
      }
      const stamp = deps.clock.today();
      return reply
        .type(format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson')
        .header('content-disposition', `attachment; filename="events-${stamp}.${format}"`)
        .send(Readable.from(lines()));
    },
  );

  app.get(
    '/api/outbox',
    {
      schema: {
        operationId: 'listOutbox',
        tags: ['audit'],
        summary: 'Mail sent or held by the co-op (administrators)',
        querystring: z.object({ limit: z.coerce.number().int().min(1).max(500).default(100) }),
        response: {
          200: z.object({
            smtpConfigured: z.boolean(),
            messages: z.array(
              z.object({
                id: z.uuid(),
                toAddress: z.string(),
                subject: z.string(),
                body: z.string(),
                kind: z.string(),
                status: z.enum(['queued', 'sent', 'held', 'failed']),
                error: z.string().nullable(),
                createdAt: z.date(),
                sentAt: z.date().nullable(),
              }),
            ),
          }),
        },
      },
    },
    async (request) => {
      const ctx = commandContext(deps, request);
      authorize(ctx.actor, auditPolicy.readOutbox, undefined);
      return {
        smtpConfigured: Boolean(deps.config.SMTP_URL),
        messages: await listOutbox(db, ctx.actor.coopId, request.query.limit),
      };
    },
  );

  app.get(
    '/api/admin/event-consumers',
    {
      schema: {
        tags: ['audit'],
        operationId: 'listEventConsumers',
        summary: 'Where each event consumer (mail...) stands in the log, and its failures',
        response: {
          200: z.object({ consumers: z.array(eventConsumerSchema) }),
          403: problemSchema,
        },
      },
    },
    async (request) => {
      const ctx = commandContext(deps, request);
      authorize(ctx.actor, auditPolicy.readEventConsumers, undefined);
      return { consumers: await consumerLag(db, ctx.actor.coopId) };
    },
  );
}
