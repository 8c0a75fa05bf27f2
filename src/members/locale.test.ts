import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addMember,
  setUpCoop,
  startTestApp,
  type TestApp,
  type TestClient,
} from '../testing/testApp.ts';

describe('a member’s language', () => {
  let app: TestApp;
  let admin: TestClient;
  const mailsTo = async (address: string) => {
    await app.drainJobs();
    const box = await admin.get<{
      messages: { toAddress: string; subject: string; body: string }[];
    }>('/api/outbox');
    return box.body.messages.filter((m) => m.toAddress === address);
  };
  beforeAll(async () => {
    app = await startTestApp();
    admin = await setUpCoop(app);
  });
  afterAll(() => app.stop());

  it('is English until chosen, then kept in the profile and the session', async () => {
    const member = await addMember(app, admin, {
      email: 'jorg@example.org',
      name: 'Jörg',
      memberClass: 'community',
    });
    const before = await member.client.get<{ user: { locale: string } }>('/api/session');
    expect(before.body.user.locale).toBe('en');
    const changed = await member.client.patch(`/api/members/${member.personId}`, { locale: 'de' });
    expect(changed.status).toBe(204);
    const after = await member.client.get<{ user: { locale: string; displayName: string } }>(
      '/api/session',
    );
    expect(after.body.user).toMatchObject({ locale: 'de', displayName: 'Jörg' });
  });

  it('refuses a language the co-op does not speak, naming the field', async () => {
    const member = await addMember(app, admin, {
      email: 'fr@example.org',
      name: 'Françoise',
      memberClass: 'community',
    });
    const refused = await member.client.patch(`/api/members/${member.personId}`, {
      locale: 'fr',
    });
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.body)).toContain('/locale');
    const empty = await member.client.patch(`/api/members/${member.personId}`, {});
    expect(empty.status).toBe(400);
  });

  it('writes the member’s mails in it: a reset link in German', async () => {
    const member = await addMember(app, admin, {
      email: 'greta@example.org',
      name: 'Greta',
      memberClass: 'community',
    });
    await member.client.patch(`/api/members/${member.personId}`, { locale: 'de' });
    await app.client().post('/api/auth/password-reset/request', { email: 'greta@example.org' });
    const [mail] = (await mailsTo('greta@example.org')).filter((m) =>
      m.body.includes('reset-password'),
    );
    expect(mail?.subject).toBe('Passwort zurücksetzen');
    expect(mail?.body).toContain('Jemand möchte das Passwort für greta@example.org zurücksetzen');
  });

  it('invites in the inviter’s language unless the invitation names one, and keeps it', async () => {
    await admin.patch(
      `/api/members/${(await admin.get<{ user: { personId: string } }>('/api/session')).body.user.personId}`,
      { locale: 'de' },
    );
    await admin.post('/api/invitations', { email: 'neu@example.org', memberClass: 'community' });
    await admin.post('/api/invitations', {
      email: 'new@example.org',
      memberClass: 'community',
      locale: 'en',
    });
    const [german] = await mailsTo('neu@example.org');
    const [english] = await mailsTo('new@example.org');
    expect(german?.subject).toBe('Einladung in die Genossenschaft');
    expect(german?.body).toContain('als Mitglied der Gruppe „Community“');
    expect(english?.subject).toBe('You are invited to join the co-op');
    const token = german!.body.match(/invite\/([\w-]+)/)![1]!;
    const newcomer = app.client('10.9.9.9');
    const accepted = await newcomer.post(`/api/invitation-links/${token}/accept`, {
      displayName: 'Neu',
      password: 'a long password here',
    });
    expect(accepted.status).toBeLessThan(300);
    const session = await newcomer.get<{ user: { locale: string } }>('/api/session');
    expect(session.body.user.locale).toBe('de');
  });
});
