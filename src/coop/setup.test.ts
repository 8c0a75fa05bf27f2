import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, setUpCoop, type TestApp } from '../testing/testApp.ts';

describe('first-run setup', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.stop());

  it('reports health and the database kind', async () => {
    const response = await app.client().get('/api/health');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: 'ok', database: app.target.kind });
  });

  it('asks for setup, and refuses other API calls until then', async () => {
    const client = app.client();
    expect((await client.get('/api/setup')).body).toEqual({ required: true });
    expect((await client.get('/api/session')).body).toMatchObject({
      setupRequired: true,
      user: null,
    });
    const members = await client.get('/api/members');
    expect(members.status).toBe(409);
    expect(members.headers['content-type']).toContain('application/problem+json');
  });

  it('rejects a bad wizard form field by field and creates nothing', async () => {
    const response = await app.client().post('/api/setup', {
      name: 'X',
      currency: 'EURO',
      pie: { sponsors: 50, community: 30, hackers: 30 },
      admin: { displayName: '', email: 'not-an-email', password: 'short' },
    });
    expect(response.status).toBe(400);
    const pointers = (response.body.errors as { pointer: string }[]).map((e) => e.pointer).sort();
    expect(pointers).toEqual([
      '/body/admin/displayName',
      '/body/admin/email',
      '/body/admin/password',
      '/body/currency',
      '/body/name',
      '/body/pie',
    ]);
    expect((await app.client().get('/api/setup')).body).toEqual({ required: true });
  });

  it('creates the co-op, its founding bylaws and a signed-in administrator', async () => {
    const admin = await setUpCoop(app, {
      pie: { sponsors: 50, community: 25, hackers: 25 },
      fiscalYearStartMonth: 7,
    });
    const session = await admin.get('/api/session');
    expect(session.body).toMatchObject({
      setupRequired: false,
      coop: { name: 'Test Hackers Co-op', currency: 'EUR' },
      user: { displayName: 'Ada Admin', isAdmin: true, memberClass: 'hacker', status: 'active' },
    });
    const bylaws = await admin.get<{
      version: number;
      document: { pie: unknown; fiscalYear: unknown };
    }>('/api/bylaws');
    expect(bylaws.body.version).toBe(1);
    expect(bylaws.body.document.pie).toEqual({ sponsors: 50, community: 25, hackers: 25 });
    expect(bylaws.body.document.fiscalYear).toEqual({ startMonth: 7 });
  });

  it('refuses a second setup', async () => {
    const again = await app.client().post('/api/setup', {
      name: 'Another',
      admin: { displayName: 'Eve', email: 'eve@example.org', password: 'long enough password' },
    });
    expect(again.status).toBe(409);
    expect(again.body.detail).toMatch(/already set up/);
  });

  it('publishes an OpenAPI 3.1 document covering the routes', async () => {
    const doc = await app
      .client()
      .get<{ openapi: string; paths: Record<string, unknown> }>('/api/openapi.json');
    expect(doc.body.openapi).toBe('3.1.0');
    expect(Object.keys(doc.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/auth/login',
        '/api/members',
        '/api/organizations/{id}',
        '/api/bylaws',
        '/api/events',
      ]),
    );
  });
});
