import { z } from 'zod';
import { runCommand } from '../platform/commands.ts';
import { commandContext, type App, type AppDeps } from '../platform/http/context.ts';
import { problemSchema } from '../platform/http/problem.ts';
import { authorize, ownOrganizationId } from '../platform/policy.ts';
import { discloseVulnerability } from './commands/discloseVulnerability.ts';
import { recordImpactNote } from './commands/recordImpactNote.ts';
import { recordPrenotification } from './commands/recordPrenotification.ts';
import { recordVulnerability } from './commands/recordVulnerability.ts';
import { impactNoteInputSchema } from './impactNoteInput.ts';
import { vulnerabilityInputSchema } from './input.ts';
import { vulnerabilitiesPolicy } from './policy.ts';
import { disclosureInputSchema, prenotificationInputSchema } from './stepsInput.ts';
import { getVulnerability, listVulnerabilities } from './queries.ts';
import { vulnerabilitySeverities } from './schema.ts';

const idParams = z.object({ id: z.uuid() });
const severity = z.enum(vulnerabilitySeverities);

const summarySchema = z
  .object({
    id: z.uuid(),
    title: z.string(),
    identifiers: z.array(z.string()),
    severity,
    embargoUntil: z.date().nullable(),
    disclosedAt: z.date().nullable(),
  })
  .meta({ id: 'VulnerabilitySummary' });

const detailSchema = summarySchema
  .extend({
    summary: z.string(),
    affected: z.array(z.object({ project: z.string(), versions: z.string() })),
    prenotified: z.array(
      z.object({
        organizationId: z.uuid(),
        organizationName: z.string(),
        notifiedAt: z.date(),
        note: z.string(),
      }),
    ),
    impactNotes: z.array(
      z.object({
        organizationId: z.uuid(),
        organizationName: z.string(),
        note: z.string().nullable(),
        recordedAt: z.date().nullable(),
      }),
    ),
  })
  .meta({ id: 'Vulnerability' });

export function vulnerabilitiesRoutes(app: App, deps: AppDeps) {
  const { db } = deps.database;

  app.get(
    '/api/vulnerabilities',
    {
      schema: {
        operationId: 'listVulnerabilities',
        summary:
          'Vulnerabilities: embargoed ones for officers and hackers, disclosed ones for members',
        tags: ['vulnerabilities'],
        response: {
          200: z.object({ vulnerabilities: z.array(summarySchema) }),
          401: problemSchema,
          403: problemSchema,
        },
      },
    },
    async (request) => {
      const ctx = commandContext(deps, request);
      authorize(ctx.actor, vulnerabilitiesPolicy.readDisclosed, undefined);
      const all = vulnerabilitiesPolicy.readAll(ctx.actor, undefined);
      return {
        vulnerabilities: await listVulnerabilities(db, ctx.actor.coopId, { disclosedOnly: !all }),
      };
    },
  );

  app.post(
    '/api/vulnerabilities',
    {
      schema: {
        operationId: 'recordVulnerability',
        summary: 'Record a vulnerability: identifiers, severity, affected projects, embargo',
        tags: ['vulnerabilities'],
        body: vulnerabilityInputSchema,
        response: { 201: z.object({ id: z.uuid() }), 400: problemSchema, 403: problemSchema },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await runCommand(
            recordVulnerability,
            { vulnerability: request.body },
            commandContext(deps, request),
          ),
        ),
  );

  app.get(
    '/api/vulnerabilities/:id',
    {
      schema: {
        operationId: 'getVulnerability',
        summary:
          'A vulnerability with its pre-notification list and impact notes (a sponsor: a disclosed one, its own note)',
        tags: ['vulnerabilities'],
        params: idParams,
        response: { 200: detailSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema },
      },
    },
    async (request) => {
      const ctx = commandContext(deps, request);
      authorize(ctx.actor, vulnerabilitiesPolicy.readDisclosed, undefined);
      return getVulnerability(db, ctx.actor.coopId, request.params.id, {
        all: vulnerabilitiesPolicy.readAll(ctx.actor, undefined),
        organizationId: ownOrganizationId(ctx.actor),
      });
    },
  );

  app.post(
    '/api/vulnerabilities/:id/prenotifications',
    {
      schema: {
        operationId: 'recordVulnerabilityPrenotification',
        summary: 'Record that a sponsor was told under embargo',
        tags: ['vulnerabilities'],
        params: idParams,
        body: prenotificationInputSchema,
        response: { 204: z.null(), 403: problemSchema, 404: problemSchema, 409: problemSchema },
      },
    },
    async (request, reply) => {
      await runCommand(
        recordPrenotification,
        { vulnerabilityId: request.params.id, ...request.body },
        commandContext(deps, request),
      );
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/vulnerabilities/:id/disclose',
    {
      schema: {
        operationId: 'discloseVulnerability',
        summary: 'Disclose at t0: starts the impact-note clocks of every qualifying sponsor',
        tags: ['vulnerabilities'],
        params: idParams,
        body: disclosureInputSchema,
        response: {
          200: z.object({ qualifyingOrganizationIds: z.array(z.uuid()) }),
          403: problemSchema,
          404: problemSchema,
          409: problemSchema,
        },
      },
    },
    async (request) =>
      runCommand(
        discloseVulnerability,
        { vulnerabilityId: request.params.id, publicAt: request.body.publicAt },
        commandContext(deps, request),
      ),
  );

  app.post(
    '/api/vulnerabilities/:id/impact-notes',
    {
      schema: {
        operationId: 'recordImpactNote',
        summary: 'Record a sponsor’s impact note: meets its impact-note clock',
        tags: ['vulnerabilities'],
        params: idParams,
        body: impactNoteInputSchema,
        response: { 204: z.null(), 400: problemSchema, 403: problemSchema, 409: problemSchema },
      },
    },
    async (request, reply) => {
      await runCommand(
        recordImpactNote,
        { vulnerabilityId: request.params.id, ...request.body },
        commandContext(deps, request),
      );
      return reply.status(204).send(null);
    },
  );
}
