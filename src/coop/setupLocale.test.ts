import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setUpCoop, startTestApp, type TestApp } from '../testing/testApp.ts';

describe('the set-up wizard’s language', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.stop());

  it('refuses a language the co-op does not speak, naming the field', async () => {
    const refused = await app.client().post('/api/setup', {
      name: 'Test Hackers Co-op',
      admin: {
        displayName: 'Ada',
        email: 'ada@example.org',
        password: 'correct horse battery',
        locale: 'fr',
      },
    });
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.body)).toContain('/body/admin/locale');
  });

  it('is the first administrator’s language', async () => {
    const admin = await setUpCoop(app, {
      admin: {
        displayName: 'Ada Admin',
        email: 'admin@example.org',
        password: 'correct horse battery',
        locale: 'de',
      },
    });
    const session = await admin.get<{ user: { locale: string; isAdmin: boolean } }>('/api/session');
    expect(session.body.user).toMatchObject({ locale: 'de', isAdmin: true });
  });
});
