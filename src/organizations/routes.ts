import { z } from 'zod';
import { commandContext, type App, type AppDeps } from '../platform/http/context.ts';
import { problemSchema } from '../platform/http/problem.ts';
import { authorize } from '../platform/policy.ts';
import { runCommand } from '../platform/commands.ts';
import { createOrganization } from './commands/createOrganization.ts';
import {
  contactInputSchema,
  setOrganizationContact,
} from '../members/commands/setOrganizationContact.ts';
import { updateOrganization } from './commands/updateOrganization.ts';
import { organizationInputSchema, organizationPatchSchema } from './input.ts';
import { organizationsPolicy } from './policy.ts';
import { getOrganization, listOrganizations } from './queries.ts';
import { localeSchema } from '../platform/i18n/locales.ts';

const idParams = z.object({ id: z.uuid() });
const kind = z.enum(['company', 'government', 'ngo', 'foundation', 'other']);
const memberClass = z.enum(['hacker', 'sponsor', 'community']);

const summarySchema = z
  .object({
    id: z.uuid(),
    displayName: z.string(),
    legalName: z.string(),
    kind,
    memberClass,
    website: z.string().nullable(),
    representatives: z.number().int(),
  })
  .meta({ id: 'OrganizationSummary' });

const detailSchema = z
  .object({
    id: z.uuid(),
    displayName: z.string(),
    legalName: z.string(),
    kind,
    memberClass,
    website: z.string().nullable(),
    taxId: z.string().nullable(),
    billingEmail: z.string().nullable(),
    billingAddress: z.string().nullable(),
    country: z.string().nullable(),
    locale: localeSchema,
    createdAt: z.date(),
    contacts: z.array(z.object({ personId: z.uuid(), role: z.string(), displayName: z.string() })),
  })
  .meta({ id: 'Organization' });

export function organizationsRoutes(app: App, deps: AppDeps) {
  const { db } = deps.database;

  app.get(
    '/api/organizations',
    {
      schema: {
        operationId: 'listOrganizations',
        summary: 'Sponsors, governments and foundations known to the co-op',
        tags: ['organizations'],
        response: {
          200: z.object({ organizations: z.array(summarySchema) }),
          401: problemSchema,
          403: problemSchema,
          409: problemSchema,
        },
      },
    },
    async (request) => {
      const ctx = commandContext(deps, request);
      authorize(ctx.actor, organizationsPolicy.list, undefined);
      return { organizations: await listOrganizations(db, ctx.actor.coopId) };
    },
  );

  app.post(
    '/api/organizations',
    {
      schema: {
        operationId: 'createOrganization',
        summary: 'Record an organization (legal name, billing details, tax id, country)',
        tags: ['organizations'],
        body: organizationInputSchema,
        response: { 201: z.object({ id: z.uuid() }), 409: problemSchema },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await runCommand(createOrganization, request.body, commandContext(deps, request))),
  );

  app.get(
    '/api/organizations/:id',
    {
      schema: {
        operationId: 'getOrganization',
        tags: ['organizations'],
        summary:
          'Billing details and contacts: officers, hackers, and the organization’s own representatives',
        params: idParams,
        response: { 200: detailSchema, 403: problemSchema, 404: problemSchema },
      },
    },
    async (request) => {
      const ctx = commandContext(deps, request);
      authorize(
        ctx.actor,
        organizationsPolicy.readPrivate,
        request.params.id,
        'Sponsor representatives see only their own organization’s details.',
      );
      return getOrganization(db, ctx.actor.coopId, request.params.id);
    },
  );

  app.patch(
    '/api/organizations/:id',
    {
      schema: {
        operationId: 'updateOrganization',
        summary: 'Change an organization’s details',
        tags: ['organizations'],
        params: idParams,
        body: organizationPatchSchema,
        response: { 204: z.null(), 404: problemSchema, 409: problemSchema },
      },
    },
    async (request, reply) => {
      await runCommand(
        updateOrganization,
        { organizationId: request.params.id, patch: request.body },
        commandContext(deps, request),
      );
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/organizations/:id/contacts',
    {
      schema: {
        operationId: 'addOrganizationContact',
        tags: ['organizations'],
        summary: 'Link a person to the organization in a role',
        params: idParams,
        body: contactInputSchema,
        response: { 204: z.null(), 404: problemSchema },
      },
    },
    async (request, reply) => {
      await runCommand(
        setOrganizationContact,
        { organizationId: request.params.id, contact: request.body, linked: true },
        commandContext(deps, request),
      );
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/organizations/:id/contacts/remove',
    {
      schema: {
        operationId: 'removeOrganizationContact',
        tags: ['organizations'],
        summary: 'Unlink a person from a role at the organization',
        params: idParams,
        body: contactInputSchema,
        response: { 204: z.null(), 404: problemSchema },
      },
    },
    async (request, reply) => {
      await runCommand(
        setOrganizationContact,
        { organizationId: request.params.id, contact: request.body, linked: false },
        commandContext(deps, request),
      );
      return reply.status(204).send(null);
    },
  );
}
