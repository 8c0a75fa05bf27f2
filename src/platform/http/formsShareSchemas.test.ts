import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { setupInputSchema } from '../../coop/setupInput.ts';
import { coopRoutes } from '../../coop/routes.ts';
import { claimInputSchema } from '../../finance/expenses/claimInput.ts';
import { expenseRoutes } from '../../finance/expenses/routes.ts';
import { authRoutes } from '../../members/authRoutes.ts';
import { inviteInputSchema } from '../../members/invitationInput.ts';
import { membersRoutes } from '../../members/routes.ts';
import { signInInputSchema } from '../../members/signInInput.ts';
import { organizationInputSchema, organizationPatchSchema } from '../../organizations/input.ts';
import { organizationsRoutes } from '../../organizations/routes.ts';
import { setUpCoop, startTestApp, type TestApp, type TestClient } from '../../testing/testApp.ts';
import type { App, AppDeps } from './context.ts';
import { bodyIssues } from './problemMessages.ts';
import '../validation.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** The body schema each route was registered with, by "METHOD url". */
async function registeredBodies(
  register: (app: App, deps: AppDeps) => void,
): Promise<Map<string, unknown>> {
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

const forms = [
  {
    form: 'members/Invitations.tsx',
    module: 'src/members/invitationInput.ts',
    schemas: [{ name: 'inviteInputSchema', route: 'POST /api/invitations' }],
    register: membersRoutes,
    objects: { inviteInputSchema } as Record<string, unknown>,
  },
  {
    form: 'organizations/OrganizationForm.tsx',
    module: 'src/organizations/input.ts',
    schemas: [
      { name: 'organizationInputSchema', route: 'POST /api/organizations' },
      { name: 'organizationPatchSchema', route: 'PATCH /api/organizations/:id' },
    ],
    register: organizationsRoutes,
    objects: { organizationInputSchema, organizationPatchSchema } as Record<string, unknown>,
  },
  {
    form: 'finance/NewClaim.tsx',
    module: 'src/finance/expenses/claimInput.ts',
    schemas: [{ name: 'claimInputSchema', route: 'POST /api/expenses/claims' }],
    register: expenseRoutes,
    objects: { claimInputSchema } as Record<string, unknown>,
  },
  {
    form: 'coop/SetupWizard.tsx',
    module: 'src/coop/setupInput.ts',
    schemas: [{ name: 'setupInputSchema', route: 'POST /api/setup' }],
    register: coopRoutes,
    objects: { setupInputSchema } as Record<string, unknown>,
  },
  {
    form: 'members/SignIn.tsx',
    module: 'src/members/signInInput.ts',
    schemas: [{ name: 'signInInputSchema', route: 'POST /api/auth/login' }],
    register: authRoutes,
    objects: { signInInputSchema } as Record<string, unknown>,
  },
];

describe('web forms and routes share one zod schema', () => {
  for (const { form, module, schemas, register, objects } of forms)
    it(`${form} validates with the very schema object its routes use`, async () => {
      const bodies = await registeredBodies(register);
      const source = webSource(form);
      for (const { name, route } of schemas) {
        // The route's body schema is the shared module's export, not a copy.
        expect(bodies.get(route), route).toBe(objects[name]);
        // The web form imports that export from that module and drives useZodForm with it.
        expect(source).toMatch(
          new RegExp(`import \\{[^}]*\\b${name}\\b[^}]*\\} from '(\\.\\./)+${module}'`),
        );
        expect(source).toContain(`useZodForm(${name})`);
      }
    });
});

describe('a form says what the server says', () => {
  let app: TestApp;
  let admin: TestClient;
  beforeAll(async () => {
    app = await startTestApp();
    admin = await setUpCoop(app);
  });
  afterAll(() => app.stop());

  const cases: {
    url: string;
    schema: z.ZodType;
    body: Record<string, unknown>;
    signedOut?: boolean;
  }[] = [
    // An address that is none, a name that is too long, a sponsor without an organization.
    {
      url: '/api/invitations',
      schema: inviteInputSchema,
      body: { email: 'not-an-address', displayName: 'x'.repeat(201), memberClass: 'sponsor' },
    },
    // Missing class; an unknown class.
    { url: '/api/invitations', schema: inviteInputSchema, body: { email: 'a@example.org' } },
    {
      url: '/api/invitations',
      schema: inviteInputSchema,
      body: { email: 'a@example.org', memberClass: 'patron' },
    },
    // A legal name too short, a country that is no code, a website that is no address.
    {
      url: '/api/organizations',
      schema: organizationInputSchema,
      body: { legalName: 'A', country: 'Germany', website: 'ftp://example.org' },
    },
    // A claim with nothing said, an amount in another notation, a day that is no day.
    {
      url: '/api/expenses/claims',
      schema: claimInputSchema,
      body: { title: ' ', category: '', account: '', incurredOn: '3 May', amount: '12,50' },
    },
    // A title too long and a category too long.
    {
      url: '/api/expenses/claims',
      schema: claimInputSchema,
      body: {
        title: 'x'.repeat(201),
        category: 'y'.repeat(61),
        account: 'expenses:travel',
        incurredOn: '2026-01-05',
        amount: '12.50',
      },
    },
    // A sign-in with no address and an empty password; a code too short.
    {
      url: '/api/auth/login',
      schema: signInInputSchema,
      body: { email: 'nobody', password: '' },
      signedOut: true,
    },
    {
      url: '/api/auth/login',
      schema: signInInputSchema,
      body: { email: 'a@example.org', code: 'abc' },
      signedOut: true,
    },
    // The wizard, once set up, still validates before it refuses: a name too short, shares
    // that do not sum to 100, a password too short, an unknown currency.
    {
      url: '/api/setup',
      schema: setupInputSchema,
      body: {
        name: 'A',
        currency: 'XYZ',
        fiscalYearStartMonth: 1,
        pie: { sponsors: 50, community: 30, hackers: 30 },
        admin: { displayName: '', email: 'me', password: 'short', locale: 'de' },
      },
      signedOut: true,
    },
  ];

  for (const locale of ['en', 'de'] as const)
    it(`gives the same field errors before sending as the route does, in ${locale}`, async () => {
      for (const { url, schema, body, signedOut } of cases) {
        const parsed = schema.safeParse(body);
        expect(parsed.success).toBe(false);
        const local = bodyIssues(locale, parsed.error!.issues);
        const client = signedOut ? app.client() : admin;
        const response = await client.request<{ errors: { pointer: string; message: string }[] }>(
          'POST',
          url,
          body,
          { 'accept-language': locale },
        );
        expect(response.status, JSON.stringify(response.body)).toBe(400);
        expect(local.length).toBeGreaterThan(0);
        expect(local).toEqual(response.body.errors);
      }
    });
});
