import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../testing/testApp.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const methods = ['get', 'put', 'post', 'patch', 'delete'] as const;

interface Operation {
  operationId?: string;
  summary?: string;
  security?: Record<string, string[]>[];
  parameters?: unknown[];
  requestBody?: unknown;
  responses?: Record<string, { content?: Record<string, { schema?: unknown }> }>;
}

describe('the OpenAPI document', () => {
  let app: TestApp;
  let document: { paths: Record<string, Partial<Record<string, Operation>>> };
  const operations: { name: string; operation: Operation }[] = [];

  beforeAll(async () => {
    app = await startTestApp();
    // The document the server serves, from every registered route.
    document = (await app.client().get('/api/openapi.json')).body as typeof document;
    for (const [route, item] of Object.entries(document.paths))
      for (const method of methods) {
        const operation = item[method];
        if (operation) operations.push({ name: `${method.toUpperCase()} ${route}`, operation });
      }
  });
  afterAll(() => app.stop());

  it('describes every /api route', () => {
    expect(operations.length).toBeGreaterThan(100);
    expect(operations.every(({ name }) => name.split(' ')[1]!.startsWith('/api/'))).toBe(true);
  });

  it('gives every operation a camelCase, unique operationId and a summary', () => {
    const missing = operations
      .filter(
        ({ operation }) =>
          !operation.operationId ||
          !/^[a-z][A-Za-z0-9]*$/.test(operation.operationId) ||
          !operation.summary?.trim(),
      )
      .map(({ name }) => name);
    expect(missing).toEqual([]);
    const ids = operations.map(({ operation }) => operation.operationId);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });

  it('declares the schema of every success answer and at least one problem answer', () => {
    // Without a response schema Fastify writes "200: Default Response" with no content; a 204
    // has no body to describe.
    const withoutSuccess = operations
      .filter(({ operation }) => {
        const success = Object.entries(operation.responses ?? {}).filter(([s]) =>
          s.startsWith('2'),
        );
        return (
          success.length === 0 ||
          success.some(
            ([status, answer]) =>
              status !== '204' &&
              !Object.values(answer.content ?? {}).some((media) => media.schema !== undefined),
          )
        );
      })
      .map(({ name }) => name);
    expect(withoutSuccess).toEqual([]);
    // Whatever takes input or a session can be refused; only public reads without input
    // (health, the set-up check, the session itself) may have no problem answer.
    const withoutProblem = operations
      .filter(({ operation }) => {
        const security = operation.security;
        const open =
          security !== undefined &&
          (security.length === 0 || security.some((s) => Object.keys(s).length === 0));
        const input = operation.parameters?.length || operation.requestBody;
        return !(open && !input);
      })
      .filter(
        ({ operation }) => !Object.keys(operation.responses ?? {}).some((s) => s.startsWith('4')),
      )
      .map(({ name }) => name);
    expect(withoutProblem).toEqual([]);
  });

  it('asks for the CSRF header on every state-changing operation that takes a session', () => {
    const unguarded = operations
      .filter(({ name }) => !name.startsWith('GET '))
      .filter(({ operation }) => {
        const security = operation.security ?? [{ session: [] }];
        return security.some((s) => 'session' in s && !('csrf' in s));
      })
      .map(({ name }) => name);
    expect(unguarded).toEqual([]);
  });

  it('passes redocly lint (recommended rules) with no errors', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'coop-openapi-'));
    const file = path.join(dir, 'openapi.json');
    fs.writeFileSync(file, JSON.stringify(document));
    try {
      const cli = path.join(root, 'node_modules/@redocly/cli/bin/cli.js');
      const run = promisify(execFile)(
        process.execPath,
        [cli, 'lint', file, '--config', path.join(root, 'redocly.yaml'), '--format', 'summary'],
        {
          cwd: root,
          env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
        },
      );
      // A non-zero exit (any error) rejects with redocly's own report of what failed.
      const { stdout, stderr } = await run.catch((error: { stdout: string; stderr: string }) => {
        throw new Error(`redocly lint failed:\n${error.stdout}\n${error.stderr}`);
      });
      expect(`${stdout}${stderr}`).not.toMatch(/^error/m);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
