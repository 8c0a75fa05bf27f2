import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addMember,
  setUpCoop,
  startTestApp,
  type TestApp,
  type TestClient,
} from '../../testing/testApp.ts';

type Problem = { status: number; errors?: { pointer: string; message: string }[] };
type JsonSchema = {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
};
type Operation = {
  operationId: string;
  parameters?: { in: string; name: string; schema?: JsonSchema }[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
};

const nul = 'a\u0000b';
const loneSurrogate = 'a\uD800b';
const noRecord = '00000000-0000-4000-8000-000000000000';

describe('text inputs no database can store', () => {
  let app: TestApp;
  let admin: TestClient;
  let hacker: TestClient;
  beforeAll(async () => {
    app = await startTestApp();
    admin = await setUpCoop(app);
    hacker = (
      await addMember(app, admin, { email: 'h@example.org', name: 'Hal', memberClass: 'hacker' })
    ).client;
  });
  afterAll(() => app.stop());

  const refused = (r: { status: number; body: unknown }, pointer: string) => {
    expect(r.status, JSON.stringify(r.body)).toBe(400);
    expect((r.body as Problem).errors).toContainEqual({
      pointer,
      message: expect.any(String),
      code: expect.stringMatching(/^text\.(nul|surrogate)$/),
    });
  };

  it('refuses NUL and unpaired surrogates in names and titles with a 400 naming the field', async () => {
    for (const bad of [nul, loneSurrogate]) {
      refused(await admin.post('/api/organizations', { legalName: bad }), '/body/legalName');
      const me = (await hacker.get<{ personId: string }>('/api/session')).body.personId;
      refused(await hacker.patch(`/api/members/${me}`, { displayName: bad }), '/body/displayName');
      refused(
        await hacker.post('/api/work-items', {
          title: bad,
          kind: 'feature',
          originClass: 'hacker',
          estimateHours: 20,
        }),
        '/body/title',
      );
      refused(
        await admin.post('/api/proposals', {
          title: bad,
          method: 'yes-no',
          secret: false,
          electorate: ['hacker'],
          opensAt: '2030-01-01T00:00:00Z',
          closesAt: '2030-01-02T00:00:00Z',
        }),
        '/body/title',
      );
      refused(
        await hacker.post('/api/expenses/claims', {
          title: bad,
          category: 'travel',
          account: 'expenses:travel',
          incurredOn: '2026-03-02',
          amount: '12.00',
        }),
        '/body/title',
      );
      // Nested, in an anonymous route: the invitation's new member names themselves.
      const invite = await admin.post<{ link: string }>('/api/invitations', {
        email: `n${bad.length}${bad === nul ? 'nul' : 'sur'}@example.org`,
        memberClass: 'community',
      });
      const token = invite.body.link.split('/invite/')[1]!;
      refused(
        await app.client('10.0.9.9').post(`/api/invitation-links/${token}/accept`, {
          displayName: bad,
          password: 'member password 1',
        }),
        '/body/displayName',
      );
    }
  });

  it('refuses them in the query string and the path too', async () => {
    refused(await admin.get('/api/events?type=a%00b'), '/querystring/type');
    refused(await admin.get('/api/members/a%00b'), '/params/id');
  });

  it('refuses them in every string field of every operation that takes a body', async () => {
    const doc = (
      await admin.get<{
        paths: Record<string, Record<string, Operation>>;
        components: { schemas: Record<string, JsonSchema> };
      }>('/api/openapi.json')
    ).body;
    const resolve = (s: JsonSchema): JsonSchema =>
      s.$ref ? resolve(doc.components.schemas[s.$ref.split('/').pop()!]!) : s;
    // Every path to a string in a schema (objects and arrays, three levels down).
    const stringPaths = (s: JsonSchema, depth = 0): (string | number)[][] => {
      const schema = resolve(s);
      const types = [schema.type].flat();
      const variants = [...(schema.anyOf ?? []), ...(schema.oneOf ?? []), ...(schema.allOf ?? [])];
      if (types.includes('string') || variants.some((v) => resolve(v).type === 'string'))
        return [[]];
      if (depth > 3) return [];
      const object = [schema, ...variants.map(resolve)].find((v) => v.properties);
      if (object?.properties)
        return Object.entries(object.properties).flatMap(([key, value]) =>
          stringPaths(value, depth + 1).map((p) => [key, ...p]),
        );
      const array = [schema, ...variants.map(resolve)].find((v) => v.items);
      if (array?.items) return stringPaths(array.items, depth + 1).map((p) => [0, ...p]);
      return [];
    };
    const place = (path: (string | number)[], value: string): unknown =>
      path.length === 0
        ? value
        : typeof path[0] === 'number'
          ? [place(path.slice(1), value)]
          : { [path[0]!]: place(path.slice(1), value) };
    let checked = 0;
    const operations = new Set<string>();
    for (const [route, methods] of Object.entries(doc.paths))
      for (const [method, op] of Object.entries(methods)) {
        const schema = op.requestBody?.content?.['application/json']?.schema;
        if (!schema || !['post', 'put', 'patch'].includes(method)) continue;
        const url = route.replace(/\{[^}]+\}/g, noRecord);
        for (const path of stringPaths(schema))
          for (const bad of [nul, loneSurrogate]) {
            const r = await admin.request(method.toUpperCase() as 'POST', url, place(path, bad));
            expect(r.status, `${op.operationId} ${path.join('/')}`).toBe(400);
            expect(
              (r.body as Problem).errors,
              `${op.operationId} ${path.join('/')}`,
            ).toContainEqual({
              pointer: `/body/${path.join('/')}`,
              message: expect.stringMatching(/NUL|surrogate/),
              code: bad === nul ? 'text.nul' : 'text.surrogate',
            });
            checked++;
            operations.add(op.operationId);
          }
      }
    // Names, titles, descriptions, notes, bylaws, mappings...: the whole API, not a sample.
    expect(operations.size).toBeGreaterThan(40);
    expect(checked).toBeGreaterThan(100);
  });

  it('refuses an anonymous unsafe request from an opaque or broken origin as cross-site', async () => {
    for (const origin of ['null', 'not a url', 'file://']) {
      const r = await app
        .client('10.0.9.8')
        .request('POST', '/api/auth/login', { email: 'x@example.org', password: 'x' }, { origin });
      expect(r.status, origin).toBe(403);
    }
    const same = await app
      .client('10.0.9.8')
      .request(
        'POST',
        '/api/auth/login',
        { email: 'x@example.org', password: 'wrong password' },
        { origin: 'http://localhost:80' },
      );
    expect(same.status).not.toBe(500);
  });
});
