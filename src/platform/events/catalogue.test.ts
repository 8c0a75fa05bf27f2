import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { registeredEventTypes } from '../../eventCatalogue.ts';
import { eventsDocPath, eventsDocument } from '../../eventsDoc.ts';
import {
  deliverableEventTypes,
  envelopeFieldNames,
  eventCatalogueMarkdown,
  fieldRows,
  openApiWebhooks,
  payloadSchema,
  webhookPayload,
} from './catalogue.ts';

describe('the event catalogue', () => {
  const types = registeredEventTypes();

  it('docs/events.md is up to date (run `npm run docs:events`)', async () => {
    const committed = await readFile(eventsDocPath, 'utf8').catch(() => '');
    expect(
      committed === (await eventsDocument()),
      'docs/events.md is stale: run `npm run docs:events` and commit it',
    ).toBe(true);
  });

  it('documents every registered type with its summary and fields', () => {
    const markdown = eventCatalogueMarkdown(types);
    for (const type of types) {
      expect(markdown).toContain(`## ${type.name}`);
      expect(markdown).toContain(type.summary.replace(/\n/g, ' '));
    }
  });

  it('no event’s own fields use the names the payload envelope puts beside them', () => {
    for (const type of types) {
      const shape = (type.data as { shape?: Record<string, unknown> }).shape ?? {};
      const clashes = Object.keys(shape).filter((k) => envelopeFieldNames.includes(k));
      expect(clashes, `${type.name} uses envelope names`).toEqual([]);
    }
  });

  it('a delivered payload matches its type’s published schema', () => {
    for (const type of deliverableEventTypes(types)) {
      const shape = (type.data as { shape?: Record<string, unknown> }).shape;
      if (!shape) continue;
      const payload = webhookPayload({
        seq: 7,
        type: type.name,
        subjectType: type.subject,
        subjectId: 'x',
        actorId: null,
        occurredAt: new Date('2026-03-01T10:00:00Z'),
        data: {},
      });
      const result = payloadSchema(type).safeParse(payload);
      // Only the type's own required fields may be missing from this empty example.
      const missing = result.success ? [] : result.error.issues.map((i) => String(i.path[1]));
      for (const name of missing) expect(Object.keys(shape)).toContain(name);
    }
  });

  it('publishes one OpenAPI webhook per public type, with the signature headers', () => {
    const webhooks = openApiWebhooks(types);
    expect(Object.keys(webhooks).sort()).toEqual(
      deliverableEventTypes(types)
        .map((t) => t.name)
        .sort(),
    );
    expect(webhooks['mail.queued']).toBeUndefined();
    const created = webhooks['organization.created']!.post;
    expect(created.parameters.map((p) => p.name)).toEqual([
      'webhook-id',
      'webhook-timestamp',
      'webhook-signature',
    ]);
    const schema = created.requestBody.content['application/json'].schema as {
      properties: { data: { properties: Record<string, unknown>; required: string[] } };
    };
    expect(Object.keys(schema.properties.data.properties)).toEqual(
      expect.arrayContaining(['seq', 'subjectId', 'occurredAt', 'legalName']),
    );
    expect(schema.properties.data.required).toContain('legalName');
  });

  it('flattens nested fields into dotted rows', () => {
    expect(
      fieldRows({
        type: 'object',
        required: ['a'],
        properties: {
          a: { type: 'object', properties: { b: { type: 'string', format: 'uuid' } } },
          list: {
            type: 'array',
            items: { type: 'object', properties: { c: { enum: ['x', 'y'] } } },
          },
          maybe: { anyOf: [{ type: 'string' }, { type: 'null' }] },
        },
      }).map((r) => [r.name, r.type, r.required]),
    ).toEqual([
      ['a', 'object', true],
      ['a.b', 'string (uuid)', false],
      ['list', 'object[]', false],
      ['list[].c', '"x" | "y"', false],
      ['maybe', 'string | null', false],
    ]);
  });
});
