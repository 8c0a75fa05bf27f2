import { z } from 'zod';
import type { EventType } from './registry.ts';

/**
 * What a webhook receives for one event (Standard Webhooks' payload shape):
 *
 * ```json
 * { "type": "organization.created", "timestamp": "2026-03-01T10:00:00.000Z",
 *   "data": { "seq": 42, "subjectType": "organization", "subjectId": "…", "actorId": "…",
 *             "occurredAt": "2026-03-01T10:00:00.000Z", "legalName": "…", … } }
 * ```
 *
 * `timestamp` is when the event occurred. `data` holds the log's fields (`seq` orders a co-op's
 * events; `actorId` is null for the co-op acting on its own) and then the event's own fields,
 * which never use those five names (the catalogue's test checks).
 */
export const envelopeFields = z.object({
  seq: z.number().int().describe('The event’s position in the co-op’s log'),
  subjectType: z.string().describe('The kind of record the event is about'),
  subjectId: z.string().describe('The id of that record'),
  actorId: z.uuid().nullable().describe('Who did it; null for the co-op acting on its own'),
  occurredAt: z.iso.datetime().describe('When it happened'),
});

export const envelopeFieldNames = Object.keys(envelopeFields.shape);

export interface PayloadEvent {
  seq: number;
  type: string;
  subjectType: string;
  subjectId: string;
  actorId: string | null;
  occurredAt: Date;
  data: Record<string, unknown>;
}

export function webhookPayload(event: PayloadEvent) {
  const occurredAt = event.occurredAt.toISOString();
  return {
    type: event.type,
    timestamp: occurredAt,
    data: {
      ...event.data,
      seq: event.seq,
      subjectType: event.subjectType,
      subjectId: event.subjectId,
      actorId: event.actorId,
      occurredAt,
    },
  };
}

/** The zod schema of `webhookPayload` for one event type. */
export function payloadSchema(type: EventType) {
  const data =
    type.data instanceof z.ZodObject
      ? envelopeFields.extend(type.data.shape)
      : z.intersection(envelopeFields, type.data);
  return z.object({
    type: z.literal(type.name),
    timestamp: z.iso.datetime().describe('When the event occurred'),
    data,
  });
}

type JsonSchema = Record<string, unknown>;

/** JSON Schema without its `$schema` line: it is embedded in an OpenAPI 3.1 document or a page. */
function toJsonSchema(schema: z.ZodType): JsonSchema {
  const json = z.toJSONSchema(schema, { io: 'output', unrepresentable: 'any' }) as JsonSchema;
  delete json.$schema;
  // A part registered with an id (a CSV mapping) comes out as `$defs` and `#/$defs/...`
  // references, which would point at the root of the OpenAPI document it is embedded in:
  // event data holds no cycles, so each reference is replaced by what it names.
  const defs = (json.$defs ?? {}) as Record<string, unknown>;
  delete json.$defs;
  const inline = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(inline);
    if (!node || typeof node !== 'object') return node;
    const ref = (node as { $ref?: unknown }).$ref;
    if (typeof ref === 'string' && ref.startsWith('#/$defs/'))
      return inline(defs[ref.slice('#/$defs/'.length)]);
    return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, inline(v)]));
  };
  return inline(json) as JsonSchema;
}

/** The event's own fields as JSON Schema: what the catalogue shows. */
export const eventDataJsonSchema = (type: EventType): JsonSchema => toJsonSchema(type.data);

/** Event types a webhook endpoint may receive: everything but the machinery. */
export const deliverableEventTypes = (types: EventType[]): EventType[] =>
  types.filter((t) => !t.internal);

const webhookHeaders = [
  ['webhook-id', 'The delivery’s id: the same on every retry, so a receiver can drop repeats'],
  ['webhook-timestamp', 'When this attempt was sent, in Unix seconds: refuse old ones'],
  [
    'webhook-signature',
    'Space-separated `v1,<base64>` signatures: HMAC-SHA256 of `{webhook-id}.{webhook-timestamp}.{body}` keyed with the base64-decoded part of the endpoint’s `whsec_` secret; two while a rotated secret is still valid',
  ],
] as const;

interface WebhookPathItem {
  post: {
    operationId: string;
    summary: string;
    tags: string[];
    parameters: {
      name: string;
      in: 'header';
      required: true;
      description: string;
      schema: { type: 'string' };
    }[];
    requestBody: { required: true; content: { 'application/json': { schema: object } } };
    responses: Record<string, { description: string }>;
  };
}

/** The OpenAPI 3.1 `webhooks` section: one POST per deliverable event type. */
export function openApiWebhooks(types: EventType[]): Record<string, WebhookPathItem> {
  const entries = deliverableEventTypes(types).map((type): [string, WebhookPathItem] => {
    const schema = toJsonSchema(payloadSchema(type));
    return [
      type.name,
      {
        post: {
          operationId: `webhook.${type.name}`,
          summary: type.summary,
          tags: ['webhooks'],
          parameters: webhookHeaders.map(([name, description]) => ({
            name,
            in: 'header' as const,
            required: true as const,
            description,
            schema: { type: 'string' as const },
          })),
          requestBody: { required: true as const, content: { 'application/json': { schema } } },
          responses: {
            '2XX': { description: 'Received; any other answer (or none in 10 s) is retried' },
          },
        },
      },
    ];
  });
  return Object.fromEntries(entries);
}

interface FieldRow {
  name: string;
  type: string;
  required: boolean;
  description: string;
}

function typeOf(schema: JsonSchema): string {
  if (Array.isArray(schema.enum)) return schema.enum.map((v) => JSON.stringify(v)).join(' | ');
  if ('const' in schema) return JSON.stringify(schema.const);
  const variants = (schema.anyOf ?? schema.oneOf) as JsonSchema[] | undefined;
  if (variants) return variants.map(typeOf).join(' | ');
  const type = Array.isArray(schema.type) ? schema.type.join(' | ') : String(schema.type ?? 'any');
  if (type === 'array' && schema.items) return `${typeOf(schema.items as JsonSchema)}[]`;
  if (typeof schema.format === 'string') return `${type} (${schema.format})`;
  if (typeof schema.pattern === 'string' && schema.pattern === '^-?\\d+$')
    return `${type} (integer)`;
  return type;
}

/** Flattens an object schema into rows: nested fields as `a.b`, array items as `a[].b`. */
export function fieldRows(schema: JsonSchema, prefix = ''): FieldRow[] {
  const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((schema.required ?? []) as string[]);
  const rows: FieldRow[] = [];
  for (const [key, field] of Object.entries(properties)) {
    const name = `${prefix}${key}`;
    rows.push({
      name,
      type: typeOf(field),
      required: required.has(key),
      description: typeof field.description === 'string' ? field.description : '',
    });
    if (field.type === 'object') rows.push(...fieldRows(field, `${name}.`));
    const items = field.items as JsonSchema | undefined;
    if (field.type === 'array' && items?.type === 'object')
      rows.push(...fieldRows(items, `${name}[].`));
  }
  return rows;
}

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** docs/events.md: every registered event type, its summary and fields. */
export function eventCatalogueMarkdown(types: EventType[]): string {
  const sorted = [...types].sort((a, b) => a.name.localeCompare(b.name));
  const lines = [
    '# Event catalogue',
    '',
    '<!-- Generated by `npm run docs:events` from the event registry: do not edit by hand. -->',
    '',
    'Every change to the co-op appends an event to its log. The types below are all the co-op',
    'writes; those not marked internal are also POSTed to webhook endpoints (Standard Webhooks:',
    '`webhook-id`, `webhook-timestamp` and `webhook-signature` headers) as',
    '`{ "type", "timestamp", "data" }`, where `data` holds `seq`, `subjectType`, `subjectId`,',
    '`actorId`, `occurredAt` and then the fields listed for the type. The same payloads are in',
    'the `webhooks` section of `/api/openapi.json`.',
    '',
    '| event | subject | webhooks |',
    '| --- | --- | --- |',
    ...sorted.map(
      (t) =>
        `| [\`${t.name}\`](#${t.name.replace(/\./g, '')}) | ${t.subject} | ${t.internal ? 'internal' : 'yes'} |`,
    ),
    '',
  ];
  for (const type of sorted) {
    lines.push(`## ${type.name}`, '');
    lines.push(cell(type.summary), '');
    const meta = [`Subject: \`${type.subject}\``, `version ${type.version}`];
    if (type.internal) meta.push('internal (not sent to webhooks)');
    lines.push(`${meta.join(', ')}.`, '');
    const rows = fieldRows(eventDataJsonSchema(type));
    if (rows.length === 0) lines.push('No fields of its own.', '');
    else {
      // The description column only when a schema describes its fields (`.describe()`).
      const described = rows.some((r) => r.description);
      lines.push(
        `| field | type | required |${described ? ' description |' : ''}`,
        `| --- | --- | --- |${described ? ' --- |' : ''}`,
      );
      for (const row of rows)
        lines.push(
          `| \`${row.name}\` | ${cell(row.type)} | ${row.required ? 'yes' : 'no'} |${described ? ` ${cell(row.description)} |` : ''}`,
        );
      lines.push('');
    }
  }
  return `${lines.join('\n').trimEnd()}\n`;
}
