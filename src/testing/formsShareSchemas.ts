import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type { App, AppDeps } from '../platform/http/context.ts';
import { bodyIssues } from '../platform/http/problemMessages.ts';
import { setUpCoop, startTestApp, type TestApp, type TestClient } from './testApp.ts';
import '../platform/validation.ts';

// What the formsShareSchemas.*.test.ts files hold each web form to: the route's own schema
// object, and the route's own words for a bad value.

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

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

export interface SharedForm {
  /** The form's file under web/src. */
  form: string;
  /** The schema module, from the repository's root. */
  module: string;
  /** Each schema the form imports from the module, the route that validates with it, the object. */
  schemas: { name: string; route: string; schema: unknown }[];
  register: (app: App, deps: AppDeps) => void;
}

/** Each form imports the very schema object its route is registered with and drives useZodForm. */
export function describeSharedSchemas(forms: SharedForm[]) {
  describe('web forms and routes share one zod schema', () => {
    for (const { form, module, schemas, register } of forms)
      it(`${form} validates with the very schema object its routes use`, async () => {
        const bodies = await registeredBodies(register);
        const source = fs.readFileSync(path.join(root, 'web/src', form), 'utf8');
        for (const { name, route, schema } of schemas) {
          expect(bodies.get(route), route).toBe(schema);
          expect(source).toMatch(
            new RegExp(`import \\{[^}]*\\b${name}\\b[^}]*\\} from '(\\.\\./)+${module}'`),
          );
          expect(source).toContain(`useZodForm(${name})`);
        }
      });
  });
}

export interface BadInput {
  method?: 'POST' | 'PATCH';
  url: string;
  schema: z.ZodType;
  body: Record<string, unknown>;
}

/** A bad value's field errors, worded before sending, equal the route's 400 in each language. */
export function describeSameWords(cases: BadInput[]) {
  describe('a form says what the server says', () => {
    let app: TestApp;
    let admin: TestClient;
    beforeAll(async () => {
      app = await startTestApp();
      admin = await setUpCoop(app);
    });
    afterAll(() => app.stop());

    for (const locale of ['en', 'de'] as const)
      it(`gives the same field errors before sending as the route does, in ${locale}`, async () => {
        for (const { method = 'POST', url, schema, body } of cases) {
          const parsed = schema.safeParse(body);
          expect(parsed.success, url).toBe(false);
          const local = bodyIssues(locale, parsed.error!.issues);
          const response = await admin.request<{
            errors: { pointer: string; message: string }[];
          }>(method, url, body, { 'accept-language': locale });
          expect(response.status, JSON.stringify(response.body)).toBe(400);
          expect(local.length).toBeGreaterThan(0);
          expect(local, url).toEqual(response.body.errors);
        }
      });
  });
}
