import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../platform/actor.ts';
import { runCommand } from '../platform/commands.ts';
import { remindNonVoters } from './commands/pollLifecycle.ts';
import {
  addMember,
  setUpCoop,
  startTestApp,
  type TestApp,
  type TestClient,
} from '../testing/testApp.ts';

describe('the democracy’s mails in the recipient’s language', () => {
  let app: TestApp;
  let admin: TestClient;
  beforeAll(async () => {
    app = await startTestApp();
    admin = await setUpCoop(app);
  });
  afterAll(() => app.stop());

  it('reminds a German-speaking member in German and an English-speaking one in English', async () => {
    const greta = await addMember(app, admin, {
      email: 'greta@example.org',
      name: 'Greta',
      memberClass: 'community',
    });
    await addMember(
      app,
      admin,
      { email: 'gwen@example.org', name: 'Gwen', memberClass: 'community' },
      '10.40.0.2',
    );
    expect(
      (await greta.client.patch(`/api/members/${greta.personId}`, { locale: 'de' })).status,
    ).toBe(204);
    // The admin calls the vote in English: the reminder still follows each recipient.
    const closesAt = '2099-03-14T09:30:00.000Z';
    const poll = await admin.post<{ id: string }>('/api/proposals', {
      title: 'Adopt a code of conduct',
      method: 'yes-no',
      secret: false,
      opensAt: new Date(Date.now() - 1000).toISOString(),
      closesAt,
    });
    expect(poll.status).toBe(201);
    await app.drainJobs();
    const coopId = (await admin.get<{ coop: { id: string } }>('/api/session')).body.coop.id;
    await runCommand(
      remindNonVoters,
      { pollId: poll.body.id },
      { db: app.database.db, actor: systemActor(coopId), publicUrl: 'http://coop.test' },
    );
    await app.drainJobs();
    const reminders = (
      await admin.get<{
        messages: { kind: string; toAddress: string; subject: string; body: string }[];
      }>('/api/outbox')
    ).body.messages.filter((m) => m.kind === 'vote-reminder');
    const german = reminders.find((m) => m.toAddress === 'greta@example.org');
    const english = reminders.find((m) => m.toAddress === 'gwen@example.org');
    expect(german?.subject).toBe(
      'Erinnerung: Abstimmung „Adopt a code of conduct“ läuft bis 14.03.2099, 09:30 UTC',
    );
    expect(german?.body).toContain('Hallo Greta,');
    expect(german?.body).toContain('du hast noch nicht abgestimmt');
    expect(german?.body).toContain(`http://coop.test/votes/${poll.body.id}`);
    expect(english?.subject).toBe(
      'Reminder: vote on “Adopt a code of conduct” before 14 Mar 2099, 09:30 UTC',
    );
    expect(english?.body).toContain('Hello Gwen,');
  });
});
