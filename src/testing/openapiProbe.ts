import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../platform/db/database.ts';
import { queryRows } from '../platform/db/rows.ts';
import type { TestClient } from './testApp.ts';

/** The parts of an OpenAPI schema the probes read. */
export type JsonSchema = {
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

export type Verb = 'GET' | 'POST' | 'PATCH' | 'DELETE';

export interface Operation {
  verb: Verb;
  template: string;
  schema: JsonSchema | undefined;
  query: { name: string; required: boolean; schema: JsonSchema | undefined }[];
}

/**
 * A body the schema accepts where it can, with every id field set to `id`: a probe that is
 * refused must be refused by the fence, not by validation.
 */
export function sampleBody(
  schema: JsonSchema | undefined,
  id: string,
  refs: Record<string, JsonSchema>,
): unknown {
  if (!schema) return undefined;
  if (schema.$ref) return sampleBody(refs[schema.$ref.split('/').pop()!], id, refs);
  if (schema.const !== undefined) return schema.const;
  if (schema.enum) return schema.enum[0];
  const variant = schema.anyOf?.[0] ?? schema.oneOf?.[0];
  if (variant) return sampleBody(variant, id, refs);
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  if (type === 'object' || schema.properties) {
    const value: Record<string, unknown> = {};
    for (const key of schema.required ?? [])
      value[key] = sampleBody(schema.properties?.[key], id, refs);
    return value;
  }
  if (type === 'array') return [sampleBody(schema.items, id, refs)];
  if (type === 'integer' || type === 'number') return Math.max(schema.minimum ?? 1, 1);
  if (type === 'boolean') return true;
  if (schema.format === 'uuid') return id;
  if (schema.format === 'date') return '2026-06-15';
  if (schema.format === 'date-time') return '2026-06-15T10:00:00.000Z';
  if (schema.format === 'email') return 'someone@example.org';
  if (schema.format === 'uri') return 'https://example.org/';
  return 'x'.repeat(Math.max(schema.minLength ?? 1, 1));
}

/** Every operation of the served OpenAPI document, with its JSON body schema and the schemas it refers to. */
export async function openapiOperations(client: TestClient) {
  const spec = (
    await client.get<{
      paths: Record<
        string,
        Record<
          string,
          {
            requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
            parameters?: { name: string; in: string; required?: boolean; schema?: JsonSchema }[];
          }
        >
      >;
      components?: { schemas?: Record<string, JsonSchema> };
    }>('/api/openapi.json')
  ).body;
  const operations: Operation[] = [];
  for (const [template, byMethod] of Object.entries(spec.paths))
    for (const [method, operation] of Object.entries(byMethod)) {
      const verb = method.toUpperCase() as Verb;
      if (!['GET', 'POST', 'PATCH', 'DELETE'].includes(verb)) continue;
      operations.push({
        verb,
        template,
        schema: operation.requestBody?.content?.['application/json']?.schema,
        query: (operation.parameters ?? [])
          .filter((p) => p.in === 'query')
          .map((p) => ({ name: p.name, required: p.required ?? false, schema: p.schema })),
      });
    }
  return { operations, refs: spec.components?.schemas ?? {} };
}

/**
 * Sends an operation with every path parameter, id field and id query parameter set to `id`
 * (other query parameters only where required). A probe that ended its own session (a password
 * change...) signs in again and is sent once more, so that the next answers the fence, not a 401.
 */
export async function probe(
  client: TestClient,
  operation: Operation,
  id: string,
  refs: Record<string, JsonSchema>,
  signIn: () => Promise<unknown>,
) {
  const query = new URLSearchParams();
  for (const parameter of operation.query) {
    const isId = parameter.schema?.format === 'uuid';
    if (!isId && !parameter.required) continue;
    query.set(parameter.name, String(sampleBody(parameter.schema, id, refs)));
  }
  const url =
    operation.template.replace(/\{[^}]+\}/g, id) + (query.size ? `?${query.toString()}` : '');
  const body =
    operation.verb === 'GET' || operation.verb === 'DELETE'
      ? undefined
      : (sampleBody(operation.schema, id, refs) ?? {});
  let response = await client.request(operation.verb, url, body);
  if (response.status === 401) {
    await signIn();
    response = await client.request(operation.verb, url, body);
  }
  return { url, response };
}

/** One digest per table of the rows `where` picks (`t` names the table), to see that none changed. */
export async function tableDigests(
  db: Db,
  tables: readonly string[],
  where: (table: string) => SQL,
): Promise<Record<string, string>> {
  const digests: Record<string, string> = {};
  for (const table of tables) {
    const [row] = await queryRows<{ d: string | null }>(
      db,
      sql`select md5(string_agg(row_to_json(t)::text, ',' order by row_to_json(t)::text)) as d
          from ${sql.identifier(table)} t where ${where(table)}`,
    );
    digests[table] = row?.d ?? '';
  }
  return digests;
}

/** The text of a response, to search for what it must not show. */
export const responseText = (body: unknown) =>
  typeof body === 'string' ? body : JSON.stringify(body ?? '');

export const uuidsIn = (text: string) =>
  text.match(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g) ?? [];
