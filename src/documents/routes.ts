import { z } from 'zod';
import { runCommand } from '../platform/commands.ts';
import { notFound } from '../platform/errors.ts';
import { commandContext, type App, type AppDeps } from '../platform/http/context.ts';
import { problemSchema } from '../platform/http/problem.ts';
import { fileContent } from '../platform/http/responses.ts';
import { authorize, isSignedIn, ownOrganizationId } from '../platform/policy.ts';
import { acceptAsMember } from './commands/acceptAsMember.ts';
import { renderForSubject } from './commands/renderForSubject.ts';
import { memberAcceptanceSchema, renderRequestSchema } from './paperInput.ts';
import { documentsPolicy } from './policy.ts';
import { documentPdf, getDocumentVersion, listAcceptances } from './queries.ts';
import { listTemplates, templateKeys } from './templates.ts';

const tags = ['documents'];
const idParams = z.object({ id: z.uuid() });
const problems = { 401: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema };

const versionSchema = z
  .object({
    id: z.uuid(),
    templateKey: z.string(),
    templateVersion: z.string(),
    title: z.string(),
    subjectType: z.string().nullable(),
    subjectId: z.string().nullable(),
    organizationId: z.uuid().nullable(),
    personId: z.uuid().nullable(),
    sha256: z.string(),
    pdfSha256: z.string(),
    body: z.string(),
    createdAt: z.date(),
  })
  .meta({ id: 'DocumentVersion' });

const acceptanceSchema = z
  .object({
    id: z.uuid(),
    documentVersionId: z.uuid(),
    title: z.string(),
    templateKey: z.string(),
    templateVersion: z.string(),
    sha256: z.string(),
    organizationId: z.uuid().nullable(),
    personId: z.uuid().nullable(),
    name: z.string(),
    email: z.string(),
    role: z.string().nullable(),
    acceptedAt: z.date(),
    ip: z.string().nullable(),
    userAgent: z.string().nullable(),
  })
  .meta({ id: 'DocumentAcceptance' });

export function documentsRoutes(app: App, deps: AppDeps) {
  const { db } = deps.database;
  const ctxOf = (request: Parameters<typeof commandContext>[1]) => commandContext(deps, request);

  const readableVersion = async (request: Parameters<typeof commandContext>[1], id: string) => {
    const ctx = ctxOf(request);
    const version = await getDocumentVersion(db, ctx.actor.coopId, id);
    authorize(ctx.actor, documentsPolicy.read, version, 'This document is not yours to read.');
    return version;
  };

  app.get(
    '/api/documents/templates',
    {
      schema: {
        operationId: 'listDocumentTemplates',
        summary: 'The document templates: key, version, title, who accepts them',
        tags,
        response: {
          200: z.object({
            templates: z.array(
              z.object({
                key: z.enum(templateKeys),
                version: z.string(),
                title: z.string(),
                description: z.string(),
                acceptedBy: z.enum(['organization', 'member', 'none']),
                attribution: z.string().optional(),
              }),
            ),
          }),
          ...problems,
        },
      },
    },
    async (request) => {
      const ctx = ctxOf(request);
      authorize(ctx.actor, isSignedIn, undefined);
      return { templates: listTemplates().map(({ body: _body, ...t }) => t) };
    },
  );

  app.post(
    '/api/documents',
    {
      schema: {
        operationId: 'renderDocument',
        summary: 'Fill a template from the co-op’s data and store the PDF as a new version',
        tags,
        body: renderRequestSchema,
        response: {
          201: z.object({ id: z.uuid(), sha256: z.string(), pdfSha256: z.string() }),
          ...problems,
        },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await runCommand(renderForSubject, request.body, ctxOf(request))),
  );

  app.get(
    '/api/documents/:id',
    {
      schema: {
        operationId: 'getDocument',
        summary: 'A document version: its text, template version and SHA-256',
        tags,
        params: idParams,
        response: { 200: versionSchema, ...problems },
      },
    },
    async (request) => readableVersion(request, request.params.id),
  );

  app.get(
    '/api/documents/:id/pdf',
    {
      schema: {
        operationId: 'getDocumentPdf',
        summary: 'A document version’s PDF, as it was rendered',
        tags,
        params: idParams,
        response: {
          200: { description: 'The PDF', content: fileContent('application/pdf') },
          ...problems,
        },
      },
    },
    async (request, reply) => {
      const version = await readableVersion(request, request.params.id);
      const { pdf } = await documentPdf(db, ctxOf(request).actor.coopId, version.id);
      return reply
        .type('application/pdf')
        .header(
          'content-disposition',
          `inline; filename="${version.templateKey}-${version.sha256.slice(0, 12)}.pdf"`,
        )
        .send(pdf);
    },
  );

  app.post(
    '/api/documents/:id/accept',
    {
      schema: {
        operationId: 'acceptDocument',
        summary: 'Accept a document version in your own name (the SHA-256 you read must match)',
        tags,
        params: idParams,
        body: memberAcceptanceSchema,
        response: { 201: z.object({ id: z.uuid(), sha256: z.string() }), ...problems },
      },
    },
    async (request, reply) => {
      const userAgent = request.headers['user-agent']?.slice(0, 500);
      const result = await runCommand(
        acceptAsMember,
        {
          ...request.body,
          documentVersionId: request.params.id,
          ...(userAgent ? { userAgent } : {}),
        },
        ctxOf(request),
      );
      return reply.status(201).send(result);
    },
  );

  app.get(
    '/api/documents/acceptances',
    {
      schema: {
        operationId: 'listDocumentAcceptances',
        summary: 'What was signed, by whom and when: per organization or per member',
        tags,
        querystring: z.object({
          organizationId: z.uuid().optional(),
          personId: z.uuid().optional(),
        }),
        response: { 200: z.object({ acceptances: z.array(acceptanceSchema) }), ...problems },
      },
    },
    async (request) => {
      const ctx = ctxOf(request);
      const { organizationId, personId } = request.query;
      if (!documentsPolicy.readAll(ctx.actor, undefined)) {
        // A member sees their own acceptances, or their organization's; nothing else.
        const own = ownOrganizationId(ctx.actor);
        const allowed =
          (personId !== undefined && personId === ctx.actor.personId && !organizationId) ||
          (organizationId !== undefined && organizationId === own && !personId);
        authorize(
          ctx.actor,
          () => allowed && isSignedIn(ctx.actor),
          undefined,
          'You see only your own and your organization’s.',
        );
      }
      if (
        organizationId === undefined &&
        personId === undefined &&
        !documentsPolicy.readAll(ctx.actor, undefined)
      )
        throw notFound('Such acceptances');
      return {
        acceptances: await listAcceptances(db, ctx.actor.coopId, { organizationId, personId }),
      };
    },
  );
}
