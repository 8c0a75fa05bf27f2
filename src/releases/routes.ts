import { z } from 'zod';
import { runCommand } from '../platform/commands.ts';
import { notFound } from '../platform/errors.ts';
import { commandContext, type App, type AppDeps } from '../platform/http/context.ts';
import { problemSchema } from '../platform/http/problem.ts';
import { authorize } from '../platform/policy.ts';
import { editRelease } from './commands/editRelease.ts';
import { planRelease } from './commands/planRelease.ts';
import { publishRelease } from './commands/publishRelease.ts';
import { withdrawRelease } from './commands/withdrawRelease.ts';
import { releaseInputSchema } from './input.ts';
import { releasesPolicy } from './policy.ts';
import { getRelease, listReleases } from './queries.ts';
import { releaseKinds, releaseStates } from './schema.ts';

const tags = ['releases'];
const idParams = z.object({ id: z.uuid() });
const problems = { 401: problemSchema, 403: problemSchema, 404: problemSchema };

const releaseSchema = z
  .object({
    id: z.uuid(),
    project: z.string(),
    version: z.string().nullable(),
    kind: z.enum(releaseKinds),
    title: z.string(),
    /** Markdown, for the reader to show as text. */
    summary: z.string(),
    plannedOn: z.iso.date(),
    state: z.enum(releaseStates),
    publishedAt: z.date().nullable(),
    withdrawnAt: z.date().nullable(),
    createdAt: z.date(),
  })
  .meta({ id: 'Release' });

/**
 * Releases and planned changes. Their topics, the sponsors to consult and the consultations are
 * the concerns domain's, at `/api/items/release/{id}/…`.
 */
export function releasesRoutes(app: App, deps: AppDeps) {
  const { db } = deps.database;
  const ctxOf = (request: Parameters<typeof commandContext>[1]) => commandContext(deps, request);

  app.get(
    '/api/releases',
    {
      schema: {
        operationId: 'listReleases',
        summary: 'Releases and planned changes (deprecations, ends of support, breaking changes)',
        tags,
        querystring: z.object({ kind: z.enum(releaseKinds).optional() }),
        response: { 200: z.object({ releases: z.array(releaseSchema) }), ...problems },
      },
    },
    async (request) => {
      const ctx = ctxOf(request);
      authorize(ctx.actor, releasesPolicy.read, undefined);
      return {
        releases: await listReleases(db, ctx.actor.coopId, {
          kind: request.query.kind,
          withWithdrawn: releasesPolicy.readWithdrawn(ctx.actor, undefined),
        }),
      };
    },
  );

  app.post(
    '/api/releases',
    {
      schema: {
        operationId: 'planRelease',
        summary: 'Announce a release or a planned change, with the day it is planned for',
        tags,
        body: releaseInputSchema,
        response: { 201: z.object({ id: z.uuid() }), 400: problemSchema, ...problems },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await runCommand(planRelease, { release: request.body }, ctxOf(request))),
  );

  app.get(
    '/api/releases/:id',
    {
      schema: {
        operationId: 'getRelease',
        summary: 'A release or planned change',
        tags,
        params: idParams,
        response: { 200: releaseSchema, ...problems },
      },
    },
    async (request) => {
      const ctx = ctxOf(request);
      authorize(ctx.actor, releasesPolicy.read, undefined);
      const release = await getRelease(db, ctx.actor.coopId, request.params.id, {
        withWithdrawn: releasesPolicy.readWithdrawn(ctx.actor, undefined),
      });
      if (!release) throw notFound('This release');
      return release;
    },
  );

  app.patch(
    '/api/releases/:id',
    {
      schema: {
        operationId: 'editRelease',
        summary: 'Edit a release or change while it is planned',
        tags,
        params: idParams,
        body: releaseInputSchema,
        response: { 204: z.null(), 400: problemSchema, 409: problemSchema, ...problems },
      },
    },
    async (request, reply) => {
      await runCommand(
        editRelease,
        { releaseId: request.params.id, release: request.body },
        ctxOf(request),
      );
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/releases/:id/publish',
    {
      schema: {
        operationId: 'publishRelease',
        summary: 'Publish a planned release or change: it took effect now',
        tags,
        params: idParams,
        response: { 200: z.object({ publishedAt: z.date() }), 409: problemSchema, ...problems },
      },
    },
    async (request) => runCommand(publishRelease, { releaseId: request.params.id }, ctxOf(request)),
  );

  app.post(
    '/api/releases/:id/withdraw',
    {
      schema: {
        operationId: 'withdrawRelease',
        summary: 'Withdraw a planned change, or retract a published one',
        tags,
        params: idParams,
        response: { 204: z.null(), 409: problemSchema, ...problems },
      },
    },
    async (request, reply) => {
      await runCommand(withdrawRelease, { releaseId: request.params.id }, ctxOf(request));
      return reply.status(204).send(null);
    },
  );
}
