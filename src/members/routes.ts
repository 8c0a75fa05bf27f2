import { localeSchema } from '../platform/i18n/locales.ts';
import { z } from 'zod';
import { currentBylaws } from '../bylaws/repository.ts';
import { commandContext, type App, type AppDeps } from '../platform/http/context.ts';
import { problemSchema } from '../platform/http/problem.ts';
import { runCommand } from '../platform/commands.ts';
import { authorize } from '../platform/policy.ts';
import { appointOfficer } from './commands/appointOfficer.ts';
import { changeMembershipStatus } from './commands/changeMembershipStatus.ts';
import { endOfficerTerm } from './commands/endOfficerTerm.ts';
import { importMembers } from './commands/importMembers.ts';
import { memberImportInputSchema } from './importInput.ts';
import { inviteMember } from './commands/inviteMember.ts';
import { inviteInputSchema } from './invitationInput.ts';
import { issueRegistrationCode } from './commands/issueRegistrationCode.ts';
import { revokeInvitation } from './commands/revokeInvitation.ts';
import { setAdmin } from './commands/setAdmin.ts';
import { updateProfile } from './commands/updateProfile.ts';
import {
  appointOfficerInputSchema,
  profileInputSchema,
  setAdminInputSchema,
  statusChangeInputSchema,
} from './profileInput.ts';
import { membersPolicy } from './policy.ts';
import { getMemberProfile, listInvitations, listMembers } from './queries.ts';
import { memberClasses, membershipStatuses } from './schema.ts';

const idParams = z.object({ id: z.uuid() });
const memberClass = z.enum(memberClasses);
const status = z.enum(membershipStatuses);

const directoryEntry = z
  .object({
    personId: z.uuid(),
    displayName: z.string(),
    email: z.string().nullable(),
    memberClass,
    status,
    organizationId: z.uuid().nullable(),
    organizationName: z.string().nullable(),
    isAdmin: z.boolean(),
    joinedAt: z.date(),
  })
  .meta({ id: 'DirectoryEntry' });

const profileSchema = z
  .object({
    personId: z.uuid(),
    displayName: z.string(),
    isAdmin: z.boolean(),
    locale: localeSchema,
    memberClass: memberClass.nullable(),
    status: status.nullable(),
    organizationId: z.uuid().nullable(),
    organizationName: z.string().nullable(),
    joinedAt: z.date().nullable(),
    hasPassword: z.boolean().nullable(),
    offices: z.array(
      z.object({
        id: z.uuid(),
        role: z.string(),
        startsOn: z.string(),
        endsOn: z.string(),
        endedEarlyOn: z.string().nullable(),
        current: z.boolean(),
      }),
    ),
    emails: z
      .array(
        z.object({
          id: z.uuid(),
          email: z.string(),
          isPrimary: z.boolean(),
          verifiedAt: z.date().nullable(),
        }),
      )
      .nullable(),
    statusHistory: z
      .array(
        z.object({
          fromStatus: status.nullable(),
          toStatus: status,
          reason: z.string().nullable(),
          changedBy: z.uuid().nullable(),
          changedAt: z.date(),
        }),
      )
      .nullable(),
  })
  .meta({ id: 'MemberProfile' });

const invitationSchema = z
  .object({
    id: z.uuid(),
    email: z.string(),
    displayName: z.string().nullable(),
    memberClass,
    organizationId: z.uuid().nullable(),
    createdAt: z.date(),
    expiresAt: z.date(),
    acceptedAt: z.date().nullable(),
    revokedAt: z.date().nullable(),
    state: z.enum(['pending', 'accepted', 'revoked', 'expired']),
  })
  .meta({ id: 'InvitationSummary' });

export function membersRoutes(app: App, deps: AppDeps) {
  const { db } = deps.database;

  app.get(
    '/api/members',
    {
      schema: {
        operationId: 'listMembers',
        tags: ['members'],
        summary:
          'The member directory: search by name (and email for officers), filter by class and status',
        querystring: z.object({
          q: z.string().trim().max(200).optional(),
          class: memberClass.optional(),
          status: status.optional(),
          organizationId: z.uuid().optional(),
          limit: z.coerce.number().int().min(1).max(500).default(50),
          offset: z.coerce.number().int().min(0).default(0),
        }),
        response: {
          200: z.object({ total: z.number().int(), members: z.array(directoryEntry) }),
          401: problemSchema,
        },
      },
    },
    async (request) => {
      const ctx = commandContext(deps, request);
      const bylaws = await currentBylaws(db, ctx.actor.coopId, deps.clock);
      authorize(
        ctx.actor,
        membersPolicy.readDirectory,
        bylaws.document.transparency.publishMemberDirectory,
      );
      const { class: cls, ...rest } = request.query;
      const withEmails = membersPolicy.readPrivateDetails(ctx.actor, '');
      return listMembers(db, ctx.actor.coopId, { ...rest, memberClass: cls }, withEmails);
    },
  );

  app.get(
    '/api/members/:id',
    {
      schema: {
        operationId: 'getMember',
        summary: 'A member’s profile: memberships, emails, officer terms',
        tags: ['members'],
        params: idParams,
        response: { 200: profileSchema, 403: problemSchema, 404: problemSchema },
      },
    },
    async (request) => {
      const ctx = commandContext(deps, request);
      const bylaws = await currentBylaws(db, ctx.actor.coopId, deps.clock);
      const personId = request.params.id;
      authorize(ctx.actor, membersPolicy.readProfile, {
        personId,
        published: bylaws.document.transparency.publishMemberDirectory,
      });
      return getMemberProfile(
        db,
        ctx.actor.coopId,
        personId,
        membersPolicy.readPrivateDetails(ctx.actor, personId),
        deps.clock.today(),
      );
    },
  );

  app.patch(
    '/api/members/:id',
    {
      schema: {
        operationId: 'updateMember',
        summary: 'Change one’s own profile: display name and language',
        tags: ['members'],
        params: idParams,
        body: profileInputSchema,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await runCommand(
        updateProfile,
        { personId: request.params.id, ...request.body },
        commandContext(deps, request),
      );
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/members/:id/status',
    {
      schema: {
        operationId: 'changeMemberStatus',
        tags: ['members'],
        summary: 'Change a membership status (applicant, active, suspended, left), with a reason',
        params: idParams,
        body: statusChangeInputSchema,
        response: { 204: z.null(), 403: problemSchema },
      },
    },
    async (request, reply) => {
      await runCommand(
        changeMembershipStatus,
        { personId: request.params.id, ...request.body },
        commandContext(deps, request),
      );
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/members/:id/officer-terms',
    {
      schema: {
        operationId: 'startOfficerTerm',
        summary: 'Appoint a member to an office of the bylaws, for the bylaws’ term',
        tags: ['members'],
        params: idParams,
        body: appointOfficerInputSchema,
        response: {
          201: z.object({
            id: z.uuid(),
            role: z.string(),
            startsOn: z.string(),
            endsOn: z.string(),
          }),
          409: problemSchema,
        },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await runCommand(
            appointOfficer,
            { personId: request.params.id, ...request.body },
            commandContext(deps, request),
          ),
        ),
  );

  app.post(
    '/api/officer-terms/:id/end',
    {
      schema: {
        operationId: 'endOfficerTerm',
        summary: 'End an officer term early',
        tags: ['members'],
        params: idParams,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await runCommand(
        endOfficerTerm,
        { termId: request.params.id },
        commandContext(deps, request),
      );
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/members/:id/admin',
    {
      schema: {
        operationId: 'setAdministrator',
        summary: 'Grant or withdraw administrator rights',
        tags: ['members'],
        params: idParams,
        body: setAdminInputSchema,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await runCommand(
        setAdmin,
        { personId: request.params.id, ...request.body },
        commandContext(deps, request),
      );
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/members/:id/registration-code',
    {
      schema: {
        operationId: 'sendRegistrationCode',
        tags: ['members'],
        summary: 'Mail the member a new one-time registration code',
        params: idParams,
        response: { 201: z.object({ mailedTo: z.string() }) },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await runCommand(
            issueRegistrationCode,
            { personId: request.params.id },
            commandContext(deps, request),
          ),
        ),
  );

  app.post(
    '/api/members/import',
    {
      schema: {
        operationId: 'importMembers',
        tags: ['members'],
        summary:
          'Import members from CSV; any bad line applies nothing and every bad line is listed',
        body: memberImportInputSchema,
        response: {
          200: z.object({
            created: z.array(z.object({ email: z.string(), name: z.string() })),
            unchanged: z.array(z.string()),
            organizationsCreated: z.array(z.string()),
            codesMailed: z.boolean(),
          }),
          400: problemSchema,
        },
      },
    },
    async (request) =>
      runCommand(
        importMembers,
        { csv: request.body.csv, mailCodes: true },
        commandContext(deps, request),
      ),
  );

  app.get(
    '/api/invitations',
    {
      schema: {
        operationId: 'listInvitations',
        summary: 'Invitations sent, with their state',
        tags: ['members'],
        response: {
          200: z.object({ invitations: z.array(invitationSchema) }),
          401: problemSchema,
          403: problemSchema,
          409: problemSchema,
        },
      },
    },
    async (request) => {
      const ctx = commandContext(deps, request);
      authorize(ctx.actor, membersPolicy.invite, undefined);
      return { invitations: await listInvitations(db, ctx.actor.coopId, deps.clock.now()) };
    },
  );

  app.post(
    '/api/invitations',
    {
      schema: {
        operationId: 'createInvitation',
        tags: ['members'],
        summary: 'Invite someone by email; the link is mailed and also returned to the inviter',
        body: inviteInputSchema,
        response: { 201: z.object({ id: z.uuid(), link: z.string() }), 409: problemSchema },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await runCommand(inviteMember, request.body, commandContext(deps, request))),
  );

  app.post(
    '/api/invitations/:id/revoke',
    {
      schema: {
        operationId: 'revokeInvitation',
        summary: 'Revoke an invitation that has not been accepted',
        tags: ['members'],
        params: idParams,
        response: { 204: z.null(), 410: problemSchema },
      },
    },
    async (request, reply) => {
      await runCommand(
        revokeInvitation,
        { invitationId: request.params.id },
        commandContext(deps, request),
      );
      return reply.status(204).send(null);
    },
  );
}
