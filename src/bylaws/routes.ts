import { z } from 'zod';
import { commandContext, type App, type AppDeps } from '../platform/http/context.ts';
import { runCommand } from '../platform/commands.ts';
import { notFound } from '../platform/errors.ts';
import { problemSchema } from '../platform/http/problem.ts';
import { amendBylaws, amendBylawsInputSchema } from './commands/amendBylaws.ts';
import { bylawsDocumentSchema } from './document.ts';
import { bylawsHistory, bylawsVersion, currentBylaws } from './repository.ts';

const versionSchema = z
  .object({
    version: z.number().int(),
    summary: z.string(),
    adoptedBy: z.uuid().nullable(),
    adoptedAt: z.date(),
    effectiveOn: z.iso.date(),
    document: bylawsDocumentSchema,
  })
  .meta({ id: 'BylawsVersion' });

export function bylawsRoutes(app: App, deps: AppDeps) {
  const { db } = deps.database;

  app.get(
    '/api/bylaws',
    {
      schema: {
        operationId: 'getBylaws',
        tags: ['bylaws'],
        summary: 'The bylaws in force',
        response: { 200: versionSchema, 409: problemSchema },
      },
    },
    async (request) => currentBylaws(db, commandContext(deps, request).actor.coopId, deps.clock),
  );

  app.get(
    '/api/bylaws/versions',
    {
      schema: {
        operationId: 'listBylawsVersions',
        summary: 'Every version of the bylaws, newest first, without their documents',
        tags: ['bylaws'],
        response: {
          200: z.object({ versions: z.array(versionSchema.omit({ document: true })) }),
          409: problemSchema,
        },
      },
    },
    async (request) => ({
      versions: await bylawsHistory(db, commandContext(deps, request).actor.coopId),
    }),
  );

  app.get(
    '/api/bylaws/versions/:version',
    {
      schema: {
        operationId: 'getBylawsVersion',
        summary: 'One version of the bylaws, whole',
        tags: ['bylaws'],
        params: z.object({ version: z.coerce.number().int().min(1) }),
        response: { 200: versionSchema, 404: problemSchema },
      },
    },
    async (request) => {
      const row = await bylawsVersion(
        db,
        commandContext(deps, request).actor.coopId,
        request.params.version,
      );
      if (!row) throw notFound(`Version ${request.params.version} of the bylaws`);
      return row as z.infer<typeof versionSchema>;
    },
  );

  app.post(
    '/api/bylaws',
    {
      schema: {
        operationId: 'amendBylaws',
        tags: ['bylaws'],
        summary: 'Record an amendment: a new version of the whole document',
        body: amendBylawsInputSchema,
        response: {
          201: z.object({ version: z.number().int() }),
          400: problemSchema,
          403: problemSchema,
        },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await runCommand(amendBylaws, request.body, commandContext(deps, request))),
  );
}
