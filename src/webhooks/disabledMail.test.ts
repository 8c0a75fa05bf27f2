import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { operatorActor, systemActor } from '../platform/actor.ts';
import { runCommand } from '../platform/commands.ts';
import { addMember, setUpCoop, startTestApp, type TestApp } from '../testing/testApp.ts';
import { disableEndpoint } from './commands/disableEndpoint.ts';
import { registerEndpoint } from './commands/registerEndpoint.ts';

describe('the mail about an endpoint the co-op disabled', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.stop());

  it('is written in each administrator’s language', async () => {
    const admin = await setUpCoop(app);
    const session = await admin.get<{ coop: { id: string }; user: { personId: string } }>(
      '/api/session',
    );
    const coopId = session.body.coop.id;
    expect(
      (await admin.patch(`/api/members/${session.body.user.personId}`, { locale: 'de' })).status,
    ).toBe(204);
    // A second administrator who reads English (invited in German, she changed it).
    const other = await addMember(app, admin, {
      email: 'eve@example.org',
      name: 'Eve',
      memberClass: 'hacker',
    });
    await other.client.patch(`/api/members/${other.personId}`, { locale: 'en' });
    const granted = await admin.post(`/api/members/${other.personId}/admin`, {
      isAdmin: true,
      reason: 'a second administrator',
    });
    expect(granted.status, JSON.stringify(granted.body)).toBeLessThan(300);

    const ctx = { db: app.database.db, publicUrl: 'https://coop.test' };
    const { id } = await runCommand(
      registerEndpoint,
      { url: 'http://127.0.0.1:9/hook', description: 'CRM', allowPrivateAddresses: true },
      { ...ctx, actor: operatorActor(coopId) },
    );
    await runCommand(
      disableEndpoint,
      { endpointId: id, reason: '5 deliveries in a row failed', automatic: true },
      { ...ctx, actor: systemActor(coopId) },
    );

    const outbox = await admin.get<{
      messages: { kind: string; toAddress: string; subject: string; body: string }[];
    }>('/api/outbox');
    const mails = outbox.body.messages.filter((m) => m.kind === 'webhook-disabled');
    const german = mails.find((m) => m.toAddress === 'admin@example.org')!;
    expect(mails.map((m) => m.toAddress).sort()).toEqual(['admin@example.org', 'eve@example.org']);
    const english = mails.find((m) => m.toAddress === 'eve@example.org')!;
    expect(german.subject).toBe('Ein Webhook-Endpunkt wurde deaktiviert');
    expect(german.body).toContain('Hallo Ada Admin,');
    expect(german.body).toContain(
      'die Genossenschaft sendet keine Ereignisse mehr an http://127.0.0.1:9/hook',
    );
    expect(german.body).toContain('(CRM): 5 deliveries in a row failed.');
    expect(german.body).toContain('https://coop.test/webhooks');
    expect(english.subject).toBe('A webhook endpoint was disabled');
    expect(english.body).toContain('Hello Eve,');
  });
});
