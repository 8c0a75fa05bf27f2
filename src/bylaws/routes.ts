import { z } from 'zod';
import { commandContext, type App, type AppDeps } from '../platform/http/context.ts';
import { runCommand } from '../platform/commands.ts';
import { notFound } from '../platform/errors.ts';
import { problemSchema } from '../platform/http/problem.ts';
import { amendBylaws } from './commands/amendBylaws.ts';
import { amendBylawsInputSchema } from './amendmentInput.ts';
import { decisionRules } from './decisionRules.ts';
import { bylawsDocumentSchema, questionRulesSchema, type BylawsDocument } from './document.ts';
import { bylawsHistory, bylawsVersion, currentBylaws } from './repository.ts';

const versionSchema = z
  .object({
    version: z.number().int(),
    summary: z.string(),
    adoptedBy: z.uuid().nullable(),
    adoptedAt: z.date(),
    effectiveOn: z.iso.date(),
    document: bylawsDocumentSchema,
    rules: z
      .object({
        general: questionRulesSchema,
        budget: questionRulesSchema,
        amendment: questionRulesSchema,
        election: questionRulesSchema,
      })
      .describe('The rules of each kind of question, as they bind (derived for older bylaws)'),
  })
  .meta({ id: 'BylawsVersion' });

/** A version with the rules its document gives each kind of question. */
const withRules = <V extends { document: BylawsDocument }>(version: V) => ({
  ...version,
  rules: decisionRules(version.document),
});

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
    async (request) =>
      withRules(await currentBylaws(db, commandContext(deps, request).actor.coopId, deps.clock)),
  );

  app.get(
    '/api/bylaws/versions',
    {
      schema: {
        operationId: 'listBylawsVersions',
        summary: 'Every version of the bylaws, newest first, without their documents',
        tags: ['bylaws'],
        response: {
          200: z.object({ versions: z.array(versionSchema.omit({ document: true, rules: true })) }),
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
      return withRules({ ...row, document: bylawsDocumentSchema.parse(row.document) });
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
          409: problemSchema.describe('The amendment changes an entrenched part: only a vote can'),
        },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await runCommand(amendBylaws, request.body, commandContext(deps, request))),
  );
}
