import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addMember,
  setUpCoop,
  startTestApp,
  type TestApp,
  type TestClient,
} from '../testing/testApp.ts';

describe('account self-service', () => {
  let app: TestApp;
  let admin: TestClient;
  const lastMailTo = async (address: string) => {
    await app.drainJobs();
    const box = await admin.get<{ messages: { toAddress: string; body: string }[] }>('/api/outbox');
    return box.body.messages.find((m) => m.toAddress === address)!.body;
  };
  const resetLinks = async (address: string) => {
    await app.drainJobs();
    const box = await admin.get<{ messages: { toAddress: string; body: string }[] }>('/api/outbox');
    return box.body.messages
      .filter((m) => m.toAddress === address)
      .map((m) => m.body.match(/reset-password\/([\w-]+)/)?.[1])
      .filter((t): t is string => t !== undefined);
  };
  const requestReset = (email: string) =>
    app.client().post('/api/auth/password-reset/request', { email });
  const reset = (token: string, newPassword: string) =>
    app.client().post('/api/auth/password-reset', { token, newPassword });
  beforeAll(async () => {
    app = await startTestApp();
    admin = await setUpCoop(app);
  });
  afterAll(() => app.stop());

  it('resets a forgotten password by email, once, and signs out other sessions', async () => {
    const member = await addMember(app, admin, {
      email: 'forgetful@example.org',
      name: 'Forgetful',
      memberClass: 'community',
    });
    const unknown = await app
      .client()
      .post('/api/auth/password-reset/request', { email: 'nobody@example.org' });
    const known = await app
      .client()
      .post('/api/auth/password-reset/request', { email: 'forgetful@example.org' });
    expect([unknown.status, known.status]).toEqual([202, 202]);
    const token = (await lastMailTo('forgetful@example.org')).match(
      /reset-password\/([\w-]+)/,
    )![1]!;
    const reset = await app
      .client()
      .post('/api/auth/password-reset', { token, newPassword: 'brand new password' });
    expect(reset.status).toBe(204);
    expect((await member.client.get('/api/members')).status).toBe(401);
    expect(
      (
        await app
          .client('10.5.0.1')
          .signIn('forgetful@example.org', { password: 'brand new password' })
      ).status,
    ).toBe(200);
    const again = await app
      .client()
      .post('/api/auth/password-reset', { token, newPassword: 'another new password' });
    expect(again.status).toBe(410);
  });

  it('ends earlier reset links when a new one is asked for, or the password is reset', async () => {
    await addMember(app, admin, {
      email: 'twice@example.org',
      name: 'Twice',
      memberClass: 'community',
    });
    await requestReset('twice@example.org');
    const [first] = await resetLinks('twice@example.org');
    await requestReset('twice@example.org');
    const second = (await resetLinks('twice@example.org')).find((t) => t !== first)!;
    await requestReset('twice@example.org');
    const third = (await resetLinks('twice@example.org')).find((t) => t !== first && t !== second)!;
    expect((await reset(first!, 'first new password')).status).toBe(410);
    expect((await reset(third, 'third new password')).status).toBe(204);
    // The second was ended by the third request, and stays ended.
    expect((await reset(second, 'second new password')).status).toBe(410);
  });

  it('ends every unused reset link when the password is changed while signed in', async () => {
    const member = await addMember(
      app,
      admin,
      { email: 'changed@example.org', name: 'Changed', memberClass: 'community' },
      '10.5.5.1',
    );
    const other = app.client('10.5.5.2');
    expect(
      (await other.signIn('changed@example.org', { password: 'member password 1' })).status,
    ).toBe(200);
    await requestReset('changed@example.org');
    const [token] = await resetLinks('changed@example.org');
    const changed = await member.client.post('/api/auth/password', {
      currentPassword: 'member password 1',
      newPassword: 'changed password 2',
    });
    expect(changed.status).toBe(204);
    expect((await reset(token!, 'attacker password')).status).toBe(410);
    expect((await member.client.get('/api/members')).status).toBe(200);
    expect((await other.get('/api/members')).status).toBe(401);
  });

  it('adds a second email, verifies it by link, and signs in with it', async () => {
    const member = await addMember(
      app,
      admin,
      { email: 'two@example.org', name: 'Two Mails', memberClass: 'hacker' },
      '10.5.1.1',
    );
    expect(
      (await member.client.post('/api/auth/emails', { email: 'Two@Work.example' })).status,
    ).toBe(201);
    expect(
      (await member.client.post('/api/auth/emails', { email: 'forgetful@example.org' })).status,
    ).toBe(409);
    const token = (await lastMailTo('two@work.example')).match(/verify-email\/([\w-]+)/)![1]!;
    expect((await app.client().post(`/api/auth/emails/verify/${token}`)).body).toEqual({
      email: 'two@work.example',
    });
    const profile = await member.client.get<{
      emails: { email: string; verifiedAt: string | null }[];
    }>(`/api/members/${member.personId}`);
    expect(profile.body.emails.map((e) => [e.email, Boolean(e.verifiedAt)])).toEqual([
      ['two@example.org', true],
      ['two@work.example', true],
    ]);
    expect(
      (await app.client('10.5.1.2').signIn('two@work.example', { password: 'member password 1' }))
        .status,
    ).toBe(200);
  });

  it('takes no unverified address as its member’s: no sign-in, no link, no block on the owner', async () => {
    const squatter = await addMember(
      app,
      admin,
      { email: 'squatter@example.org', name: 'Squatter', memberClass: 'hacker' },
      '10.5.6.1',
    );
    expect(
      (await squatter.client.post('/api/auth/emails', { email: 'owner@elsewhere.example' })).status,
    ).toBe(201);
    const claimLink = (await lastMailTo('owner@elsewhere.example')).match(
      /verify-email\/([\w-]+)/,
    )![1]!;
    const signIn = await app
      .client('10.5.6.2')
      .signIn('owner@elsewhere.example', { password: 'member password 1' });
    expect(signIn.status).toBe(401);
    await requestReset('owner@elsewhere.example');
    expect(await resetLinks('owner@elsewhere.example')).toEqual([]);
    // The real owner is invited and accepts; the squatter's claim and its link are gone.
    const owner = await addMember(
      app,
      admin,
      { email: 'owner@elsewhere.example', name: 'Real Owner', memberClass: 'community' },
      '10.5.6.3',
    );
    expect(owner.personId).toBeTruthy();
    const profile = await squatter.client.get<{ emails: { email: string }[] }>(
      `/api/members/${squatter.personId}`,
    );
    expect(profile.body.emails.map((e) => e.email)).toEqual(['squatter@example.org']);
    expect((await app.client().post(`/api/auth/emails/verify/${claimLink}`)).status).toBe(410);
    expect(
      (
        await app
          .client('10.5.6.4')
          .signIn('owner@elsewhere.example', { password: 'member password 1' })
      ).status,
    ).toBe(200);
  });

  it('changes a password only with the current one', async () => {
    const member = await addMember(
      app,
      admin,
      { email: 'change@example.org', name: 'Changer', memberClass: 'community' },
      '10.5.2.1',
    );
    const wrong = await member.client.post('/api/auth/password', {
      currentPassword: 'not it at all',
      newPassword: 'next password here',
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors).toEqual([{ pointer: '/currentPassword', message: 'wrong password' }]);
    const right = await member.client.post('/api/auth/password', {
      currentPassword: 'member password 1',
      newPassword: 'next password here',
    });
    expect(right.status).toBe(204);
    // The session that changed it stays signed in.
    expect((await member.client.get('/api/members')).status).toBe(200);
  });

  it('edits only one’s own profile, and hides others’ emails from members', async () => {
    const member = await addMember(
      app,
      admin,
      { email: 'self@example.org', name: 'Self', memberClass: 'community' },
      '10.5.3.1',
    );
    expect(
      (
        await member.client.patch(`/api/members/${member.personId}`, {
          displayName: 'Self Renamed',
        })
      ).status,
    ).toBe(204);
    const adminId = (await admin.get<{ user: { personId: string } }>('/api/session')).body.user
      .personId;
    expect(
      (await member.client.patch(`/api/members/${adminId}`, { displayName: 'Hacked' })).status,
    ).toBe(403);
    const adminProfile = await member.client.get<{ emails: unknown; displayName: string }>(
      `/api/members/${adminId}`,
    );
    expect(adminProfile.body).toMatchObject({ displayName: 'Ada Admin', emails: null });
  });

  it('grants administrator rights, but never to oneself', async () => {
    const member = await addMember(
      app,
      admin,
      { email: 'next-admin@example.org', name: 'Next Admin', memberClass: 'hacker' },
      '10.5.4.1',
    );
    expect(
      (
        await admin.post(`/api/members/${member.personId}/admin`, {
          isAdmin: true,
          reason: 'Elected by the assembly',
        })
      ).status,
    ).toBe(204);
    expect((await member.client.get('/api/events')).status).toBe(200);
    const adminId = (await admin.get<{ user: { personId: string } }>('/api/session')).body.user
      .personId;
    expect(
      (
        await admin.post(`/api/members/${adminId}/admin`, {
          isAdmin: false,
          reason: 'Stepping down',
        })
      ).status,
    ).toBe(403);
  });
});
