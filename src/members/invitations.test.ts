import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addMember,
  setUpCoop,
  startTestApp,
  type TestApp,
  type TestClient,
} from '../testing/testApp.ts';

interface OutboxMessage {
  toAddress: string;
  subject: string;
  body: string;
  kind: string;
  status: string;
}

describe('invitations', () => {
  let app: TestApp;
  let admin: TestClient;
  beforeAll(async () => {
    app = await startTestApp();
    admin = await setUpCoop(app);
  });
  afterAll(() => app.stop());

  const outbox = async () => {
    await app.drainJobs();
    return (await admin.get<{ messages: OutboxMessage[]; smtpConfigured: boolean }>('/api/outbox'))
      .body;
  };

  it('mails a link that creates the account and signs the member in', async () => {
    const invite = await admin.post<{ link: string }>('/api/invitations', {
      email: 'Grace@Example.org',
      displayName: 'Grace',
      memberClass: 'community',
    });
    expect(invite.status).toBe(201);
    const box = await outbox();
    expect(box.smtpConfigured).toBe(false);
    const mail = box.messages.find((m) => m.kind === 'invitation')!;
    expect(mail).toMatchObject({ toAddress: 'grace@example.org', status: 'held' });
    expect(mail.body).toContain(invite.body.link);

    const token = invite.body.link.split('/invite/')[1]!;
    const guest = app.client('10.1.0.1');
    const preview = await guest.get(`/api/invitation-links/${token}`);
    expect(preview.body).toMatchObject({ email: 'grace@example.org', memberClass: 'community' });
    const accepted = await guest.post(`/api/invitation-links/${token}/accept`, {
      displayName: 'Grace Hopper',
      password: 'a long enough password',
    });
    expect(accepted.status).toBe(201);
    const directory = await guest.get<{ members: { displayName: string; email: string | null }[] }>(
      '/api/members',
    );
    expect(directory.body.members.map((m) => m.displayName)).toEqual(['Ada Admin', 'Grace Hopper']);
    // A community member sees names, not addresses.
    expect(directory.body.members.every((m) => m.email === null)).toBe(true);

    const reused = await app.client('10.1.0.2').post(`/api/invitation-links/${token}/accept`, {
      displayName: 'Mallory',
      password: 'another long password',
    });
    expect(reused.status).toBe(410);
  });

  it('refuses to invite an existing member or to invite twice', async () => {
    const existing = await admin.post('/api/invitations', {
      email: 'grace@example.org',
      memberClass: 'community',
    });
    expect(existing.status).toBe(409);
    expect(existing.body.errors).toEqual([{ pointer: '/email', message: 'already a member' }]);
    expect(
      (await admin.post('/api/invitations', { email: 'twice@example.org', memberClass: 'hacker' }))
        .status,
    ).toBe(201);
    expect(
      (await admin.post('/api/invitations', { email: 'twice@example.org', memberClass: 'hacker' }))
        .status,
    ).toBe(409);
  });

  it('requires an organization for a sponsor representative', async () => {
    const response = await admin.post('/api/invitations', {
      email: 'rep@example.org',
      memberClass: 'sponsor',
    });
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([
      expect.objectContaining({ pointer: '/body/organizationId' }),
    ]);
  });

  it('lets only administrators and officers invite', async () => {
    const member = await addMember(app, admin, {
      email: 'plain@example.org',
      name: 'Plain',
      memberClass: 'community',
    });
    const response = await member.client.post('/api/invitations', {
      email: 'friend@example.org',
      memberClass: 'community',
    });
    expect(response.status).toBe(403);
    const officer = await addMember(
      app,
      admin,
      { email: 'officer@example.org', name: 'Officer', memberClass: 'hacker' },
      '10.1.0.9',
    );
    expect(
      (
        await admin.post(`/api/members/${officer.personId}/officer-terms`, {
          role: 'chief-technologist',
        })
      ).status,
    ).toBe(201);
    expect(
      (
        await officer.client.post('/api/invitations', {
          email: 'friend@example.org',
          memberClass: 'community',
        })
      ).status,
    ).toBe(201);
  });

  it('revokes a pending invitation', async () => {
    const invite = await admin.post<{ id: string; link: string }>('/api/invitations', {
      email: 'revoke@example.org',
      memberClass: 'community',
    });
    expect((await admin.post(`/api/invitations/${invite.body.id}/revoke`)).status).toBe(204);
    const token = invite.body.link.split('/invite/')[1]!;
    const response = await app.client().get(`/api/invitation-links/${token}`);
    expect(response.status).toBe(410);
    expect(response.body.detail).toMatch(/revoked/);
  });
});
