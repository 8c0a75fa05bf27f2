import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backupTables, restoreBackup } from '../platform/db/backup.ts';
import { queryRows } from '../platform/db/rows.ts';
import { startTestApp, TestClient, type TestApp } from '../testing/testApp.ts';
import { setupCoop } from './commands/setupCoop.ts';

// The neighbour is the demo co-op (members, books, cycles, polls, claims) as an earlier
// version backed it up; the intruder is a second co-op's administrator on the same database.
const fixture = path.join(
  import.meta.dirname,
  '../platform/db/fixtures/demo-at-migration-8.backup.gz',
);
const intruder = { email: 'intruder@example.org', password: 'intruder password 1' };

type JsonSchema = {
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  const?: unknown;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  minimum?: number;
  minLength?: number;
  pattern?: string;
  $ref?: string;
};

/** A body the schema accepts where it can, with every id field set to the neighbour's id. */
function sample(
  schema: JsonSchema | undefined,
  id: string,
  refs: Record<string, JsonSchema>,
): unknown {
  if (!schema) return undefined;
  if (schema.$ref) return sample(refs[schema.$ref.split('/').pop()!], id, refs);
  if (schema.const !== undefined) return schema.const;
  if (schema.enum) return schema.enum[0];
  const variant = schema.anyOf?.[0] ?? schema.oneOf?.[0];
  if (variant) return sample(variant, id, refs);
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  if (type === 'object' || schema.properties) {
    const value: Record<string, unknown> = {};
    for (const key of schema.required ?? [])
      value[key] = sample(schema.properties?.[key], id, refs);
    return value;
  }
  if (type === 'array') return [sample(schema.items, id, refs)];
  if (type === 'integer' || type === 'number') return Math.max(schema.minimum ?? 1, 1);
  if (type === 'boolean') return true;
  if (schema.format === 'uuid') return id;
  if (schema.format === 'date') return '2026-06-15';
  if (schema.format === 'date-time') return '2026-06-15T10:00:00.000Z';
  if (schema.format === 'email') return 'someone@example.org';
  if (schema.format === 'uri') return 'https://example.org/';
  return 'x'.repeat(Math.max(schema.minLength ?? 1, 1));
}

describe('two co-ops on one database', () => {
  let app: TestApp;
  let neighbourId: string;
  beforeAll(async () => {
    app = await startTestApp({ COOP_DEFAULT: 'intruders' });
    await restoreBackup(app.database.db, fixture);
    [{ id: neighbourId }] = (await queryRows<{ id: string }>(
      app.database.db,
      sql`update coops set host_name = 'demo.coop.test' returning id`,
    )) as [{ id: string }];
    await setupCoop(
      app.database.db,
      {
        name: 'Intruders',
        slug: 'intruders',
        admin: { displayName: 'Ivo Intruder', ...intruder },
      },
      { alone: false },
    );
  });
  afterAll(() => app.stop());

  /** Every row of the neighbour's, table by table, as one digest each. */
  const neighbourDigest = async () => {
    const digest: Record<string, string> = {};
    for (const table of backupTables) {
      const where =
        table === 'coops' ? sql`t.id = ${neighbourId}` : sql`t.coop_id = ${neighbourId}`;
      const [row] = await queryRows<{ d: string | null }>(
        app.database.db,
        sql`select md5(string_agg(row_to_json(t)::text, ',' order by row_to_json(t)::text)) as d
            from ${sql.identifier(table)} t where ${where}`,
      );
      digest[table] = row?.d ?? '';
    }
    return digest;
  };

  it('reaches the neighbour by its host name and the intruders by default', async () => {
    const demo = await app
      .client()
      .request(
        'POST',
        '/api/auth/login',
        { email: 'admin@demo.coop', password: 'cooperate-demo-2026' },
        { host: 'demo.coop.test' },
      );
    expect(demo.status).toBe(200);
    const elsewhere = await app
      .client()
      .signIn('admin@demo.coop', { password: 'cooperate-demo-2026' });
    expect(elsewhere.status).toBe(401);
  });

  it('lets an administrator of one co-op read and change nothing of the other through any operation', async () => {
    const before = await neighbourDigest();
    const neighbourIds = new Set<string>();
    const probes: string[] = [];
    for (const table of backupTables) {
      if (table === 'coops') continue;
      const rows = await queryRows<{ id: string }>(
        app.database.db,
        sql`select t.id::text as id from ${sql.identifier(table)} t
            where t.coop_id = ${neighbourId} and exists (
              select 1 from information_schema.columns c
              where c.table_name = ${table} and c.column_name = 'id' and c.data_type = 'uuid')`,
      ).catch(() => []);
      for (const row of rows) neighbourIds.add(row.id);
      if (rows[0]) probes.push(rows[0].id);
    }
    // People, organizations and other records the demo fills.
    expect(probes.length).toBeGreaterThan(15);

    const client = new TestClient(app.app, '10.7.7.7');
    const signIn = async () =>
      expect((await client.signIn(intruder.email, intruder)).status).toBe(200);
    await signIn();
    await client.get('/api/session');

    const spec = (
      await client.get<{
        paths: Record<
          string,
          Record<string, { requestBody?: { content?: Record<string, { schema?: JsonSchema }> } }>
        >;
        components?: { schemas?: Record<string, JsonSchema> };
      }>('/api/openapi.json')
    ).body;
    const refs = spec.components?.schemas ?? {};
    let requests = 0;
    const leaks: string[] = [];
    for (const [template, operations] of Object.entries(spec.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        const verb = method.toUpperCase() as 'GET' | 'POST' | 'PATCH' | 'DELETE';
        if (!['GET', 'POST', 'PATCH', 'DELETE', 'PUT'].includes(verb)) continue;
        // Signing out or setting up would end the intruder's own session, not test the fence.
        if (/logout|sign-out|\/setup$/.test(template)) continue;
        const hasParams = template.includes('{');
        for (const id of hasParams || verb !== 'GET' ? probes : [probes[0]!]) {
          const url = template.replace(/\{[^}]+\}/g, id);
          const schema = operation.requestBody?.content?.['application/json']?.schema;
          const body =
            verb === 'GET' || verb === 'DELETE' ? undefined : (sample(schema, id, refs) ?? {});
          let response = await client.request(verb as 'GET', url, body);
          if (response.status === 401) {
            await signIn();
            response = await client.request(verb as 'GET', url, body);
          }
          requests++;
          const text =
            typeof response.body === 'string' ? response.body : JSON.stringify(response.body ?? '');
          for (const found of text.match(
            /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g,
          ) ?? [])
            if (neighbourIds.has(found) && found !== id)
              leaks.push(`${verb} ${url} -> ${response.status} shows ${found}`);
          if (text.includes('Demo Hackers Co-op') || text.includes('@demo.coop'))
            leaks.push(
              `${verb} ${url} -> ${response.status} shows the neighbour's name or members`,
            );
        }
      }
    }
    expect(leaks).toEqual([]);
    expect(requests).toBeGreaterThan(1000);
    expect(await neighbourDigest()).toEqual(before);
    // Every operation times every probe: a few thousand requests, more with each domain.
  }, 300_000);
});
