import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addMember,
  setUpCoop,
  startTestApp,
  type TestApp,
  type TestClient,
} from '../testing/testApp.ts';

/** A member who left keeps a session and their records, but none of a member's rights. */
describe('a member who left', () => {
  let app: TestApp;
  let admin: TestClient;
  let organizationId: string;
  beforeAll(async () => {
    app = await startTestApp();
    admin = await setUpCoop(app);
    organizationId = (
      await admin.post<{ id: string }>('/api/organizations', { legalName: 'Gone Corp' })
    ).body.id;
    const funded = await admin.post('/api/funding', {
      organizationId,
      receivedOn: '2026-10-01',
      amountMinor: '500000',
    });
    expect(funded.status).toBe(201);
  });
  afterAll(() => app.stop());

  const leave = async (personId: string) =>
    expect(
      (await admin.post(`/api/members/${personId}/status`, { status: 'left', reason: 'moved on' }))
        .status,
    ).toBe(204);

  it('no longer reads their organization’s funding', async () => {
    const rep = await addMember(app, admin, {
      email: 'rep@gone.example',
      name: 'Rep Resentative',
      memberClass: 'sponsor',
      organizationId,
    });
    const before = await rep.client.get<{ funding: unknown[] }>('/api/funding');
    expect(before.status).toBe(200);
    expect(before.body.funding).toHaveLength(1);
    await leave(rep.personId);
    expect((await rep.client.get('/api/funding')).status).toBe(403);
    expect((await rep.client.get(`/api/funding?organizationId=${organizationId}`)).status).toBe(
      403,
    );
    const session = await rep.client.get<{ user: { can: { readBooks: boolean } } }>('/api/session');
    expect(session.body.user.can.readBooks).toBe(false);
  });

  it('holds no administrator rights', async () => {
    const former = await addMember(app, admin, {
      email: 'former-admin@example.org',
      name: 'Former Admin',
      memberClass: 'hacker',
    });
    expect(
      (
        await admin.post(`/api/members/${former.personId}/admin`, {
          isAdmin: true,
          reason: 'Keeps the servers',
        })
      ).status,
    ).toBe(204);
    expect((await former.client.get('/api/events')).status).toBe(200);
    await leave(former.personId);
    expect((await former.client.get('/api/events')).status).toBe(403);
    expect((await former.client.get('/api/funding')).status).toBe(403);
    const session = await former.client.get<{ user: { isAdmin: boolean } }>('/api/session');
    expect(session.body.user.isAdmin).toBe(false);
  });
});
