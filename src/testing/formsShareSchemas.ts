import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { ApiError, refusalFieldErrors, type Problem } from '../../web/src/app/api.ts';
import { setLocale } from '../../web/src/app/i18n.ts';
import type { AppError } from '../platform/errors.ts';
import type { App, AppDeps } from '../platform/http/context.ts';
import { bodyIssues } from '../platform/http/problemMessages.ts';
import { packagesImported, registeredBodies } from './routeBodies.ts';
import { setUpCoop, startTestApp, type TestApp, type TestClient } from './testApp.ts';
import '../platform/validation.ts';

// What the formsShareSchemas*.test.ts files hold each web form to: the route's own schema
// object, a module the browser can load, and the route's own words for a bad value.

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

type Register = (app: App, deps: AppDeps) => void;

export interface SharedForm {
  /** The form's file under web/src. */
  form: string;
  /** The schema module, from the repository's root. */
  module: string;
  /**
   * Each schema the form imports from the module, the route that validates with it, the
   * object; and the routes' registration where it is not the form's.
   */
  schemas: { name: string; route: string; schema: unknown; register?: Register }[];
  register: Register;
  /**
   * What the route's schema cannot check (a ballot by the poll's method): the command's own
   * check, which the form imports from the module (or from `module`, a rule's own, from the
   * repository's root) and runs before sending, and the command's module (from the
   * repository's root) that runs the very same function.
   */
  commandChecks?: { name: string; command: string; module?: string }[];
}

/** Whether the file imports `name` from `module` (both from the repository's root). */
function importsFrom(file: string, name: string, module: string): boolean {
  const source = fs.readFileSync(path.join(root, file), 'utf8');
  return [...source.matchAll(/^import \{([^}]*)\} from '([^']+)';/gm)].some(
    ([, names, spec]) =>
      new RegExp(`\\b${name}\\b`).test(names!) &&
      path.resolve(root, path.dirname(file), spec!) === path.join(root, module),
  );
}

/**
 * Each form imports the very schema object its route is registered with and drives
 * useZodForm (or, in a confirmation dialog, parseWithSchema); what the module imports lands in the browser's bundle, so it brings no database
 * driver and no Node module.
 */
export function describeSharedSchemas(forms: SharedForm[]) {
  describe('web forms and routes share one zod schema', () => {
    for (const { form, module, schemas, register, commandChecks = [] } of forms)
      it(`${form} validates with the very schema object its routes use`, async () => {
        const source = fs.readFileSync(path.join(root, 'web/src', form), 'utf8');
        for (const { name, route, schema, register: own } of schemas) {
          const bodies = await registeredBodies(own ?? register);
          expect(bodies.get(route), route).toBe(schema);
          expect(source).toMatch(
            new RegExp(`import \\{[^}]*\\b${name}\\b[^}]*\\} from '(\\.\\./)+${module}'`),
          );
          // A form drives useZodForm; a dialog's field (a reason) checks with parseWithSchema.
          expect(source).toMatch(new RegExp(`(useZodForm|parseWithSchema)\\(${name}\\b`));
        }
        // The command's own check: the form runs the function the command runs.
        for (const { name, command, module: own = module } of commandChecks) {
          expect(importsFrom(path.join('web/src', form), name, own), form).toBe(true);
          expect(source, form).toContain(`${name}(`);
          expect(importsFrom(command, name, own), command).toBe(true);
          expect(fs.readFileSync(path.join(root, command), 'utf8'), command).toContain(`${name}(`);
        }
      });

    for (const module of new Set(forms.map((f) => f.module)))
      it(`${module} brings no database code into the web app`, () => {
        const brought = [...packagesImported(path.join(root, module))];
        expect(brought.filter((p) => /^(drizzle-orm|pg|@electric-sql|node:)/.test(p))).toEqual([]);
        expect(brought).toContain('zod');
      });

    // A command's rule in a module of its own (a foreign sum's amount in the co-op's currency).
    const rules = forms.flatMap((f) => (f.commandChecks ?? []).flatMap((c) => c.module ?? []));
    for (const module of new Set(rules.filter((r) => !forms.some((f) => f.module === r))))
      it(`${module} brings no database code into the web app`, () => {
        const brought = [...packagesImported(path.join(root, module))];
        expect(brought.filter((p) => /^(drizzle-orm|pg|@electric-sql|node:)/.test(p))).toEqual([]);
      });
  });
}

export interface BadInput {
  method?: 'POST' | 'PATCH';
  url: string;
  schema: z.ZodType;
  body: Record<string, unknown>;
  /** Sent without a session (sign-in, the wizard, a password reset). */
  signedOut?: boolean;
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
        for (const { method = 'POST', url, schema, body, signedOut } of cases) {
          const parsed = schema.safeParse(body);
          expect(parsed.success, url).toBe(false);
          const local = bodyIssues(locale, parsed.error!.issues);
          const client = signedOut ? app.client() : admin;
          const response = await client.request<{
            errors: { pointer: string; message: string }[];
          }>(method, url, body, { 'accept-language': locale });
          expect(response.status, `${url}: ${JSON.stringify(response.body)}`).toBe(400);
          expect(local.length).toBeGreaterThan(0);
          expect(local, url).toEqual(response.body.errors);
        }
      });
  });
}

export interface Refused {
  url: string;
  body: Record<string, unknown>;
  /** The command's own check, made as the form makes it before sending: its refusal. */
  refusal: () => AppError | undefined;
}

/**
 * A command's check that the route's schema cannot make, made by the form before sending: the
 * field errors the form shows read, in each language, as the server's refusal does after a
 * round trip (the same fields, the same words).
 */
export function describeSameRefusals(
  what: string,
  setUp: (app: TestApp, admin: TestClient) => Promise<{ client: TestClient; cases: Refused[] }>,
) {
  describe(`${what}: a form refuses what the command refuses`, () => {
    let app: TestApp;
    let client: TestClient;
    let cases: Refused[];
    beforeAll(async () => {
      app = await startTestApp();
      ({ client, cases } = await setUp(app, await setUpCoop(app)));
    });
    afterAll(() => app.stop());

    for (const locale of ['en', 'de'] as const)
      it(`gives the same field errors before sending as the command does, in ${locale}`, async () => {
        expect(cases.length).toBeGreaterThan(0);
        for (const { url, body, refusal } of cases) {
          const response = await client.request('POST', url, body, { 'accept-language': locale });
          expect(response.status, `${url}: ${JSON.stringify(response.body)}`).toBe(400);
          const made = refusal();
          expect(made, url).toBeDefined();
          setLocale(locale, { remember: false });
          try {
            const local = refusalFieldErrors(made!);
            expect(Object.keys(local).length).toBeGreaterThan(0);
            expect(local, url).toEqual(new ApiError(response.body as Problem).fieldErrors);
          } finally {
            setLocale('en', { remember: false });
          }
        }
      });
  });
}
