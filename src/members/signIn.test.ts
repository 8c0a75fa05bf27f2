import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addMember,
  adminCredentials,
  setUpCoop,
  startTestApp,
  type TestApp,
  type TestClient,
} from '../testing/testApp.ts';

describe('signing in', () => {
  let app: TestApp;
  let admin: TestClient;
  beforeAll(async () => {
    app = await startTestApp();
    admin = await setUpCoop(app);
  });
  afterAll(() => app.stop());

  it('signs in with a password and sets an httpOnly session cookie', async () => {
    const response = await app.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify(adminCredentials),
    });
    expect(response.statusCode).toBe(200);
    const cookie = response.cookies.find((c) => c.name === 'coop_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
  });

  it('refuses a wrong password without saying whether the account exists', async () => {
    const wrong = await app
      .client('10.9.0.1')
      .signIn(adminCredentials.email, { password: 'wrong password!' });
    const unknown = await app
      .client('10.9.0.1')
      .signIn('nobody@example.org', { password: 'wrong password!' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body.detail).toBe(unknown.body.detail);
  });

  const signInLinkFrom = async (address: string) => {
    await app.drainJobs();
    const box = await admin.get<{ messages: { toAddress: string; body: string }[] }>('/api/outbox');
    return box.body.messages
      .find((m) => m.toAddress === address && m.body.includes('/sign-in-link/'))
      ?.body.match(/sign-in-link\/([\w-]+)/)?.[1];
  };

  it('locks an account for the address that failed 5 times, not for its owner elsewhere', async () => {
    await addMember(app, admin, {
      email: 'target@example.org',
      name: 'Target',
      memberClass: 'community',
    });
    const attacker = app.client('10.8.0.1');
    for (let i = 0; i < 5; i++) {
      const r = await attacker.signIn('target@example.org', { password: `guess number ${i}` });
      expect(r.status).toBe(401);
    }
    const locked = await attacker.signIn('target@example.org', { password: 'member password 1' });
    expect(locked.status).toBe(429);
    expect(locked.body.detail).toMatch(/this account from your network address/);
    const owner = await app
      .client('10.8.1.1')
      .signIn('target@example.org', { password: 'member password 1' });
    expect(owner.status).toBe(200);
  });

  it('locks an account for everyone after 100 failures from anywhere; a mailed link lets the owner in', async () => {
    await addMember(app, admin, {
      email: 'besieged@example.org',
      name: 'Besieged',
      memberClass: 'community',
    });
    for (let i = 0; i < 100; i++) {
      const r = await app
        .client(`10.12.${Math.floor(i / 5)}.1`)
        .signIn('besieged@example.org', { password: `guess number ${i}` });
      expect(r.status).toBe(401);
    }
    const owner = app.client('10.13.0.1');
    const locked = await owner.signIn('besieged@example.org', { password: 'member password 1' });
    expect(locked.status).toBe(429);
    expect(locked.body.detail).toMatch(/sign-in link/);
    const asked = await owner.post('/api/auth/sign-in-link/request', {
      email: 'besieged@example.org',
    });
    expect(asked.status).toBe(202);
    const token = (await signInLinkFrom('besieged@example.org'))!;
    const opened = await owner.post('/api/auth/sign-in-link', { token });
    expect(opened.status).toBe(200);
    expect((await owner.get('/api/members')).status).toBe(200);
    expect((await app.client().post('/api/auth/sign-in-link', { token })).status).toBe(410);
  });

  it('checks no more guesses than the limit when they arrive all at once', async () => {
    await addMember(app, admin, {
      email: 'rushed@example.org',
      name: 'Rushed',
      memberClass: 'community',
    });
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        app.client('10.14.0.1').signIn('rushed@example.org', { password: `guess number ${i}` }),
      ),
    );
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(5);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(45);
    // The owner, elsewhere, still signs in.
    const owner = await app
      .client('10.14.0.2')
      .signIn('rushed@example.org', { password: 'member password 1' });
    expect(owner.status).toBe(200);
  });

  it('never counts successful sign-ins: a venue of attendees on one address signs in', async () => {
    const venue = '192.0.2.50';
    for (let i = 0; i < 60; i++) {
      const r = await app
        .client(venue)
        .signIn(adminCredentials.email, { password: adminCredentials.password });
      expect(r.status).toBe(200);
    }
  });

  it('throttles an address that fails across many accounts', async () => {
    const scanner = '198.51.100.7';
    for (let i = 0; i < 50; i++) {
      const r = await app
        .client(scanner)
        .signIn(`user${i}@example.org`, { password: 'password123' });
      expect(r.status).toBe(401);
    }
    const blocked = await app
      .client(scanner)
      .signIn(adminCredentials.email, { password: adminCredentials.password });
    expect(blocked.status).toBe(429);
    expect(blocked.body.detail).toMatch(/network address/);
    const elsewhere = await app
      .client('198.51.100.8')
      .signIn(adminCredentials.email, { password: adminCredentials.password });
    expect(elsewhere.status).toBe(200);
  });

  it('refuses a suspended member and ends their sessions', async () => {
    const member = await addMember(
      app,
      admin,
      { email: 'suspend@example.org', name: 'Sus Pended', memberClass: 'community' },
      '10.7.0.1',
    );
    expect((await member.client.get('/api/members')).status).toBe(200);
    const suspend = await admin.post(`/api/members/${member.personId}/status`, {
      status: 'suspended',
      reason: 'code of conduct',
    });
    expect(suspend.status).toBe(204);
    expect((await member.client.get('/api/members')).status).toBe(401);
    const again = await app
      .client('10.7.0.2')
      .signIn('suspend@example.org', { password: 'member password 1' });
    expect(again.status).toBe(403);
    expect(again.body.detail).toMatch(/suspended/);
    const profile = await admin.get<{ statusHistory: { toStatus: string; reason: string }[] }>(
      `/api/members/${member.personId}`,
    );
    expect(profile.body.statusHistory.map((h) => h.toStatus)).toEqual(['suspended', 'active']);
  });

  it('requires the CSRF token on state changes from a session', async () => {
    const noToken = await admin.request(
      'POST',
      '/api/invitations',
      { email: 'x@example.org', memberClass: 'community' },
      { 'x-csrf-token': 'forged' },
    );
    expect(noToken.status).toBe(403);
    expect(noToken.body.detail).toMatch(/csrf/i);
  });

  it('refuses a cross-site sign-in form', async () => {
    const response = await app.client().request('POST', '/api/auth/login', adminCredentials, {
      origin: 'https://evil.example',
      host: 'coop.test',
    });
    expect(response.status).toBe(403);
  });

  it('signs out', async () => {
    const client = app.client('10.6.0.1');
    await client.signIn(adminCredentials.email, { password: adminCredentials.password });
    expect((await client.get('/api/events')).status).toBe(200);
    expect((await client.post('/api/auth/logout')).status).toBe(204);
    client.cookie ??= undefined;
    expect((await client.get('/api/events')).status).toBe(401);
  });
});
