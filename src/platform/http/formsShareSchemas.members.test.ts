import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { entryInputSchema } from '../../finance/entryInput.ts';
import { financeRoutes } from '../../finance/routes.ts';
import { governanceRoutes } from '../../governance/routes.ts';
import { workItemInputSchema } from '../../governance/workItemInput.ts';
import { acceptInvitationInputSchema } from '../../members/acceptInvitationInput.ts';
import { authRoutes } from '../../members/authRoutes.ts';
import { setPasswordInputSchema } from '../../members/passwordInput.ts';
import { resetInputSchema, resetRequestInputSchema } from '../../members/passwordResetInput.ts';
import {
  addEmailInputSchema,
  appointOfficerInputSchema,
  profileInputSchema,
  setAdminInputSchema,
  statusChangeInputSchema,
} from '../../members/profileInput.ts';
import { membersRoutes } from '../../members/routes.ts';
import { serviceCalendarInputSchema } from '../../servicelevels/calendarInput.ts';
import { serviceLevelsRoutes } from '../../servicelevels/routes.ts';
import { endpointInputSchema } from '../../webhooks/endpointInput.ts';
import { webhooksRoutes } from '../../webhooks/routes.ts';
import { setUpCoop, startTestApp, type TestApp, type TestClient } from '../../testing/testApp.ts';
import type { App, AppDeps } from './context.ts';
import { bodyIssues } from './problemMessages.ts';
import '../validation.ts';

// The member, account, webhook, ledger, service-calendar and work-item forms; the first forms
// that share their route's schema are held to it in formsShareSchemas.test.ts.

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

type Register = (app: App, deps: AppDeps) => void;

/** The body schema each route was registered with, by "METHOD url". */
async function registeredBodies(register: Register): Promise<Map<string, unknown>> {
  const bodies = new Map<string, unknown>();
  const app = Fastify();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) bodies.set(`${method} ${route.url}`, route.schema?.body);
  });
  // Registration only reads the database handle; no handler runs here.
  register(app as unknown as App, { database: { db: {} }, config: {} } as unknown as AppDeps);
  await app.ready();
  await app.close();
  return bodies;
}

/** The web form's source, to see which schema module it validates with. */
const webSource = (file: string) => fs.readFileSync(path.join(root, 'web/src', file), 'utf8');

interface Shared {
  name: string;
  object: unknown;
  route: string;
  register: Register;
}

const forms: { form: string; module: string; schemas: Shared[] }[] = [
  {
    form: 'members/PasswordForm.tsx',
    module: 'src/members/passwordInput.ts',
    schemas: [
      {
        name: 'setPasswordInputSchema',
        object: setPasswordInputSchema,
        route: 'POST /api/auth/password',
        register: authRoutes,
      },
    ],
  },
  {
    form: 'members/PasswordReset.tsx',
    module: 'src/members/passwordResetInput.ts',
    schemas: [
      {
        name: 'resetRequestInputSchema',
        object: resetRequestInputSchema,
        route: 'POST /api/auth/password-reset/request',
        register: authRoutes,
      },
      {
        name: 'resetInputSchema',
        object: resetInputSchema,
        route: 'POST /api/auth/password-reset',
        register: authRoutes,
      },
    ],
  },
  {
    form: 'members/AcceptInvitation.tsx',
    module: 'src/members/acceptInvitationInput.ts',
    schemas: [
      {
        name: 'acceptInvitationInputSchema',
        object: acceptInvitationInputSchema,
        route: 'POST /api/invitation-links/:token/accept',
        register: authRoutes,
      },
    ],
  },
  {
    form: 'members/Profile.tsx',
    module: 'src/members/profileInput.ts',
    schemas: [
      {
        name: 'profileInputSchema',
        object: profileInputSchema,
        route: 'PATCH /api/members/:id',
        register: membersRoutes,
      },
      {
        name: 'addEmailInputSchema',
        object: addEmailInputSchema,
        route: 'POST /api/auth/emails',
        register: authRoutes,
      },
      {
        name: 'statusChangeInputSchema',
        object: statusChangeInputSchema,
        route: 'POST /api/members/:id/status',
        register: membersRoutes,
      },
      {
        name: 'appointOfficerInputSchema',
        object: appointOfficerInputSchema,
        route: 'POST /api/members/:id/officer-terms',
        register: membersRoutes,
      },
      {
        name: 'setAdminInputSchema',
        object: setAdminInputSchema,
        route: 'POST /api/members/:id/admin',
        register: membersRoutes,
      },
    ],
  },
  {
    form: 'webhooks/Webhooks.tsx',
    module: 'src/webhooks/endpointInput.ts',
    schemas: [
      {
        name: 'endpointInputSchema',
        object: endpointInputSchema,
        route: 'POST /api/webhooks/endpoints',
        register: webhooksRoutes,
      },
    ],
  },
  {
    form: 'finance/PostEntry.tsx',
    module: 'src/finance/entryInput.ts',
    schemas: [
      {
        name: 'entryInputSchema',
        object: entryInputSchema,
        route: 'POST /api/ledger/entries',
        register: financeRoutes,
      },
    ],
  },
  {
    form: 'servicelevels/ServiceCalendarForm.tsx',
    module: 'src/servicelevels/calendarInput.ts',
    schemas: [
      {
        name: 'serviceCalendarInputSchema',
        object: serviceCalendarInputSchema,
        route: 'POST /api/organizations/:id/service-calendar',
        register: serviceLevelsRoutes,
      },
    ],
  },
  {
    form: 'governance/WorkItems.tsx',
    module: 'src/governance/workItemInput.ts',
    schemas: [
      {
        name: 'workItemInputSchema',
        object: workItemInputSchema,
        route: 'POST /api/work-items',
        register: governanceRoutes,
      },
    ],
  },
];

describe('more web forms and their routes share one zod schema', () => {
  for (const { form, module, schemas } of forms)
    it(`${form} validates with the very schema object its routes use`, async () => {
      const source = webSource(form);
      for (const { name, object, route, register } of schemas) {
        const bodies = await registeredBodies(register);
        // The route's body schema is the shared module's export, not a copy.
        expect(bodies.get(route), route).toBe(object);
        // The web form imports that export from that module and drives useZodForm with it.
        expect(source).toMatch(
          new RegExp(`import \\{[^}]*\\b${name}\\b[^}]*\\} from '(\\.\\./)+${module}'`),
        );
        expect(source).toContain(`useZodForm(${name})`);
      }
    });

  it('keeps database code out of the shared schema modules', () => {
    for (const { module } of forms) {
      const source = fs.readFileSync(path.join(root, module), 'utf8');
      expect(source, module).not.toMatch(/from '[^']*(drizzle|schema\.ts|repository|queries)/);
    }
  });
});

describe('these forms say what the server says', () => {
  let app: TestApp;
  let admin: TestClient;
  beforeAll(async () => {
    app = await startTestApp();
    admin = await setUpCoop(app);
  });
  afterAll(() => app.stop());

  const someone = '00000000-0000-4000-8000-000000000000';
  const token = 'x'.repeat(32);
  const cases: {
    method?: 'POST' | 'PATCH';
    url: string;
    schema: z.ZodType;
    body: Record<string, unknown>;
    signedOut?: boolean;
  }[] = [
    // A new password too short; a "current" one past any length.
    { url: '/api/auth/password', schema: setPasswordInputSchema, body: { newPassword: 'short' } },
    {
      url: '/api/auth/password',
      schema: setPasswordInputSchema,
      body: { currentPassword: 'x'.repeat(1001), newPassword: 'long enough now' },
    },
    // A reset asked for no address; a reset with a token too short and a password too short.
    {
      url: '/api/auth/password-reset/request',
      schema: resetRequestInputSchema,
      body: { email: 'nobody' },
      signedOut: true,
    },
    {
      url: '/api/auth/password-reset',
      schema: resetInputSchema,
      body: { token: 'abc', newPassword: 'short' },
      signedOut: true,
    },
    // An acceptance with a blank name and a short password.
    {
      url: `/api/invitation-links/${token}/accept`,
      schema: acceptInvitationInputSchema,
      body: { displayName: ' ', password: 'short' },
      signedOut: true,
    },
    // One's name blank; nothing to change at all (the schema's own words).
    {
      method: 'PATCH',
      url: `/api/members/${someone}`,
      schema: profileInputSchema,
      body: { displayName: ' ' },
    },
    { method: 'PATCH', url: `/api/members/${someone}`, schema: profileInputSchema, body: {} },
    // Another address that is none.
    { url: '/api/auth/emails', schema: addEmailInputSchema, body: { email: 'me' } },
    // A status that is none and a reason too short; no office and a day that is no day; an
    // administrator grant with a blank reason.
    {
      url: `/api/members/${someone}/status`,
      schema: statusChangeInputSchema,
      body: { status: 'gone', reason: 'no' },
    },
    {
      url: `/api/members/${someone}/officer-terms`,
      schema: appointOfficerInputSchema,
      body: { role: '', startsOn: '3 May' },
    },
    {
      url: `/api/members/${someone}/admin`,
      schema: setAdminInputSchema,
      body: { isAdmin: true, reason: ' ' },
    },
    // An endpoint with no URL, a description too long and no event type chosen.
    {
      url: '/api/webhooks/endpoints',
      schema: endpointInputSchema,
      body: { url: ' ', description: 'x'.repeat(501), eventTypes: [] },
    },
    // An entry with no day, nothing said, one posting with no account and an amount in
    // another notation.
    {
      url: '/api/ledger/entries',
      schema: entryInputSchema,
      body: { effectiveOn: '', description: ' ', postings: [{ account: '', amount: '12,50' }] },
    },
    // A calendar with no zone or hours, a country that is no code, a region too long, a
    // closed day that is no day.
    {
      url: `/api/organizations/${someone}/service-calendar`,
      schema: serviceCalendarInputSchema,
      body: {
        timeZone: '',
        hours: ' ',
        holidayCountry: 'Germany',
        holidayRegion: 'BAVARIA',
        closedDays: ['3 May'],
      },
    },
    // A work item with a title too short, an unknown kind, a link that is no web address and
    // no hours.
    {
      url: '/api/work-items',
      schema: workItemInputSchema,
      body: {
        title: 'ab',
        kind: 'epic',
        originClass: 'sponsors',
        links: ['ftp://example.org'],
        estimateHours: 0,
      },
    },
  ];

  for (const locale of ['en', 'de'] as const)
    it(`gives the same field errors before sending as the route does, in ${locale}`, async () => {
      for (const { method = 'POST', url, schema, body, signedOut } of cases) {
        const parsed = schema.safeParse(body);
        expect(parsed.success, url).toBe(false);
        const local = bodyIssues(locale, parsed.error!.issues);
        const client = signedOut ? app.client() : admin;
        const response = await client.request<{ errors: { pointer: string; message: string }[] }>(
          method,
          url,
          body,
          { 'accept-language': locale },
        );
        expect(response.status, `${url}: ${JSON.stringify(response.body)}`).toBe(400);
        expect(local.length).toBeGreaterThan(0);
        expect(local, url).toEqual(response.body.errors);
      }
    });
});
