import { localeSchema } from '../platform/i18n/locales.ts';
import { z } from 'zod';
import { commandContext, type App, type AppDeps } from '../platform/http/context.ts';
import { problemSchema } from '../platform/http/problem.ts';
import { clearSessionCookie, setSessionCookie } from '../platform/http/sessionCookie.ts';
import { unauthorized } from '../platform/errors.ts';
import { isAdmin } from '../platform/policy.ts';
import { runCommand } from '../platform/commands.ts';
import { addEmail } from './commands/addEmail.ts';
import { addEmailInputSchema } from './profileInput.ts';
import { acceptInvitation, findInvitation } from './commands/acceptInvitation.ts';
import { acceptInvitationInputSchema } from './acceptInvitationInput.ts';
import { requestPasswordReset, resetPassword } from './commands/resetPassword.ts';
import { resetInputSchema, resetRequestInputSchema } from './passwordResetInput.ts';
import { setPassword } from './commands/setPassword.ts';
import { setPasswordInputSchema } from './passwordInput.ts';
import { signIn } from './commands/signIn.ts';
import { signInInputSchema } from './signInInput.ts';
import { signOut } from './commands/signOut.ts';
import {
  requestSignInLink,
  signInLinkInputSchema,
  signInLinkRequestInputSchema,
  signInWithLink,
} from './commands/signInLink.ts';
import { verifyEmail } from './commands/verifyEmail.ts';
import { publicActor } from '../platform/actor.ts';
import { abilitiesOf, type Abilities } from './abilities.ts';
import { getMemberProfile } from './queries.ts';
import { coopById } from '../coop/queries.ts';
import { memberClasses } from './schema.ts';
import { getOrganization } from '../organizations/queries.ts';

const signedInSchema = z
  .object({ personId: z.uuid(), csrfToken: z.string() })
  .meta({ id: 'SignedIn' });
const tokenParams = z.object({ token: z.string().min(20).max(200) });

export const sessionSchema = z
  .object({
    setupRequired: z.boolean(),
    coop: z.object({ id: z.uuid(), name: z.string(), currency: z.string() }).nullable(),
    user: z
      .object({
        personId: z.uuid(),
        displayName: z.string(),
        isAdmin: z.boolean(),
        memberClass: z.enum(memberClasses).nullable(),
        status: z.string().nullable(),
        organizationId: z.uuid().nullable(),
        officerRoles: z.array(z.string()),
        hasPassword: z.boolean(),
        /** The language the member reads the co-op in. */
        locale: localeSchema,
        /** What this member may do, from the domains' rules (see members/abilities.ts). */
        can: z.object(
          Object.fromEntries(
            Object.keys(abilitiesOf(publicActor(''))).map((k) => [k, z.boolean()]),
          ) as {
            [K in keyof Abilities]: z.ZodBoolean;
          },
        ),
      })
      .nullable(),
    csrfToken: z.string().nullable(),
  })
  .meta({ id: 'Session' });

export function authRoutes(app: App, deps: AppDeps) {
  const secure = deps.config.COOP_SECURE_COOKIES;
  const { db } = deps.database;

  app.get(
    '/api/session',
    {
      schema: {
        operationId: 'getSession',
        // With or without a session: signed out, it says so.
        security: [{}, { session: [] }],
        tags: ['auth'],
        summary: 'Who am I, and the CSRF token',
        response: { 200: sessionSchema },
      },
    },
    async (request) => {
      const actor = request.actor;
      // No actor means the request resolved no co-op: the wizard has yet to run.
      const coop = actor ? await coopById(db, actor.coopId) : undefined;
      let user = null;
      if (coop && actor?.personId) {
        const profile = await getMemberProfile(
          db,
          coop.id,
          actor.personId,
          true,
          deps.clock.today(),
        );
        user = {
          personId: actor.personId,
          displayName: actor.displayName ?? '',
          isAdmin: isAdmin(actor),
          memberClass: actor.membership?.memberClass ?? null,
          status: actor.membership?.status ?? null,
          organizationId: actor.membership?.organizationId ?? null,
          officerRoles: actor.officerRoles,
          hasPassword: profile.hasPassword ?? false,
          locale: profile.locale,
          can: abilitiesOf(actor),
        };
      }
      return {
        setupRequired: !coop,
        coop: coop ? { id: coop.id, name: coop.name, currency: coop.currency } : null,
        user,
        csrfToken: request.csrfToken,
      };
    },
  );

  app.post(
    '/api/auth/login',
    {
      schema: {
        operationId: 'signIn',
        // Open to the public: needs no session.
        security: [],
        tags: ['auth'],
        summary: 'Sign in with a password or a one-time registration code',
        body: signInInputSchema,
        response: {
          200: signedInSchema,
          401: problemSchema,
          403: problemSchema,
          410: problemSchema,
          429: problemSchema,
        },
      },
    },
    async (request, reply) => {
      const result = await runCommand(
        signIn,
        { credentials: request.body, userAgent: request.headers['user-agent'] },
        commandContext(deps, request),
      );
      if ('refused' in result) throw result.refused;
      setSessionCookie(reply, result.session.token, secure);
      return { personId: result.personId, csrfToken: result.session.csrfToken };
    },
  );

  app.post(
    '/api/auth/logout',
    {
      schema: {
        operationId: 'signOut',
        summary: 'Sign out: the session ends and its cookie is cleared',
        tags: ['auth'],
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      if (request.sessionToken)
        await runCommand(
          signOut,
          { sessionToken: request.sessionToken },
          commandContext(deps, request),
        );
      clearSessionCookie(reply, secure);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/auth/password',
    {
      schema: {
        operationId: 'setPassword',
        tags: ['auth'],
        summary: 'Set or change your password (other sessions are signed out)',
        body: setPasswordInputSchema,
        response: { 204: z.null(), 400: problemSchema },
      },
    },
    async (request, reply) => {
      if (!request.sessionToken) throw unauthorized().because('session.signed-out');
      await runCommand(
        setPassword,
        { ...request.body, keepSession: request.sessionToken },
        commandContext(deps, request),
      );
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/auth/password-reset/request',
    {
      schema: {
        operationId: 'requestPasswordReset',
        // Open to the public: needs no session.
        security: [],
        summary:
          'Mail a password reset link (the answer is the same whether the address is known or not)',
        tags: ['auth'],
        body: resetRequestInputSchema,
        response: { 202: z.object({ sent: z.literal(true) }) },
      },
    },
    async (request, reply) => {
      await runCommand(requestPasswordReset, request.body, commandContext(deps, request));
      return reply.status(202).send({ sent: true as const });
    },
  );

  app.post(
    '/api/auth/password-reset',
    {
      schema: {
        operationId: 'resetPassword',
        // Open to the public: needs no session.
        security: [],
        summary: 'Choose a new password with a reset link’s token',
        tags: ['auth'],
        body: resetInputSchema,
        response: { 204: z.null(), 410: problemSchema },
      },
    },
    async (request, reply) => {
      await runCommand(resetPassword, request.body, commandContext(deps, request));
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/auth/sign-in-link/request',
    {
      schema: {
        operationId: 'requestSignInLink',
        // Open to the public: needs no session.
        security: [],
        summary:
          'Mail a one-time sign-in link, the way in while failed guesses lock the account (the answer is the same whether the address is known or not)',
        tags: ['auth'],
        body: signInLinkRequestInputSchema,
        response: { 202: z.object({ sent: z.literal(true) }) },
      },
    },
    async (request, reply) => {
      await runCommand(requestSignInLink, request.body, commandContext(deps, request));
      return reply.status(202).send({ sent: true as const });
    },
  );

  app.post(
    '/api/auth/sign-in-link',
    {
      schema: {
        operationId: 'signInWithLink',
        // Open to the public: needs no session.
        security: [],
        summary: 'Sign in with a mailed sign-in link’s token (once; not subject to the lock)',
        tags: ['auth'],
        body: signInLinkInputSchema,
        response: { 200: signedInSchema, 403: problemSchema, 410: problemSchema },
      },
    },
    async (request, reply) => {
      const result = await runCommand(
        signInWithLink,
        { ...request.body, userAgent: request.headers['user-agent'] },
        commandContext(deps, request),
      );
      setSessionCookie(reply, result.session.token, secure);
      return { personId: result.personId, csrfToken: result.session.csrfToken };
    },
  );

  app.post(
    '/api/auth/emails',
    {
      schema: {
        operationId: 'addEmail',
        tags: ['auth'],
        summary: 'Add an email address; a verification link is mailed to it',
        body: addEmailInputSchema,
        response: { 201: z.object({ id: z.uuid() }), 409: problemSchema },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await runCommand(addEmail, request.body, commandContext(deps, request))),
  );

  app.post(
    '/api/auth/emails/verify/:token',
    {
      schema: {
        operationId: 'verifyEmail',
        // Open to the public: needs no session.
        security: [],
        summary: 'Verify an email address with the mailed link’s token',
        tags: ['auth'],
        params: tokenParams,
        response: { 200: z.object({ email: z.string().nullable() }), 410: problemSchema },
      },
    },
    async (request) =>
      runCommand(verifyEmail, { token: request.params.token }, commandContext(deps, request)),
  );

  app.get(
    '/api/invitation-links/:token',
    {
      schema: {
        operationId: 'getInvitationLink',
        // Open to the public: needs no session.
        security: [],
        tags: ['members'],
        summary: 'What an invitation link offers, before accepting it',
        params: tokenParams,
        response: {
          200: z.object({
            email: z.string(),
            displayName: z.string().nullable(),
            memberClass: z.enum(memberClasses),
            organizationName: z.string().nullable(),
            expiresAt: z.date(),
          }),
          404: problemSchema,
          410: problemSchema,
        },
      },
    },
    async (request) => {
      const ctx = commandContext(deps, request);
      const invitation = await findInvitation(
        db,
        ctx.actor.coopId,
        request.params.token,
        deps.clock.now(),
      );
      const organization = invitation.organizationId
        ? await getOrganization(db, ctx.actor.coopId, invitation.organizationId)
        : null;
      return { ...invitation, organizationName: organization?.displayName ?? null };
    },
  );

  app.post(
    '/api/invitation-links/:token/accept',
    {
      schema: {
        operationId: 'acceptInvitation',
        // Open to the public: needs no session.
        security: [],
        summary: 'Accept an invitation: create the account and sign in',
        tags: ['members'],
        params: tokenParams,
        body: acceptInvitationInputSchema,
        response: {
          201: signedInSchema,
          404: problemSchema,
          409: problemSchema,
          410: problemSchema,
        },
      },
    },
    async (request, reply) => {
      const result = await runCommand(
        acceptInvitation,
        {
          ...request.body,
          token: request.params.token,
          userAgent: request.headers['user-agent'],
        },
        commandContext(deps, request),
      );
      setSessionCookie(reply, result.session.token, secure);
      return reply
        .status(201)
        .send({ personId: result.personId, csrfToken: result.session.csrfToken });
    },
  );
}
