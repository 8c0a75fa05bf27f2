import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setUpCoop, startTestApp, type TestApp, type TestClient } from '../../testing/testApp.ts';

type Problem = {
  status: number;
  code: string;
  detail: string;
  params?: Record<string, unknown>;
};

describe('a body sent as JSON that is not JSON', () => {
  let app: TestApp;
  let admin: TestClient;
  beforeAll(async () => {
    app = await startTestApp();
    admin = await setUpCoop(app);
  });
  afterAll(() => app.stop());

  const send = async (payload: string) => {
    const response = await app.app.inject({
      method: 'POST',
      url: '/api/organizations',
      headers: {
        cookie: admin.cookie!,
        'x-csrf-token': admin.csrfToken!,
        'content-type': 'application/json',
      },
      payload,
    });
    return {
      status: response.statusCode,
      type: String(response.headers['content-type']),
      body: JSON.parse(response.body) as Problem,
    };
  };

  it('is refused with where it goes wrong, as facts the web words, and changes nothing', async () => {
    const before = (await admin.get<{ organizations: unknown[] }>('/api/organizations')).body;
    const unexpected = await send('{"legalName": "Acme",\n  "vatId": }');
    expect(unexpected.status).toBe(400);
    expect(unexpected.body.code).toBe('body.not-json');
    expect(unexpected.body.params).toMatchObject({
      reasonCode: 'reason.json.unexpected',
      line: 2,
      column: 12,
      character: '}',
    });
    expect(unexpected.body.detail).toMatch(/^The body is not JSON: /);

    const early = await send('{"legalName": "Acme"');
    expect(early.body.code).toBe('body.not-json');
    expect(early.body.params).toMatchObject({ reasonCode: 'reason.json.ends-early', line: 1 });

    const after = await send('{"legalName": "Acme"} x');
    expect(after.body.params).toMatchObject({ reasonCode: 'reason.json.after-end', column: 23 });

    // JSON.parse would take it; Fastify's check of prototype keys does not.
    const poisoned = await send('{"legalName": "Acme", "__proto__": {"admin": true}}');
    expect(poisoned.status).toBe(400);
    expect(poisoned.body.code).toBe('body.forbidden-key');
    // After a byte-order mark, as Fastify reads it: the mark is not the fault.
    const marked = await send('\uFEFF{"legalName": "Acme", "__proto__": {"admin": true}}');
    expect(marked.body.code).toBe('body.forbidden-key');
    const markedEarly = await send('\uFEFF{"legalName": }');
    expect(markedEarly.body.params).toMatchObject({ line: 1, column: 15, character: '}' });

    expect((await admin.get<{ organizations: unknown[] }>('/api/organizations')).body).toEqual(
      before,
    );
  });

  it('leaves JSON that is JSON to the route', async () => {
    const created = await send('{"legalName": "Acme GmbH"}');
    expect(created.status).toBe(201);
    const empty = await send('');
    // An empty body is Fastify's own refusal, still a problem.
    expect(empty.status).toBe(400);
    expect(empty.type).toMatch(/^application\/problem\+json/);
  });
});
