import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSmtp } from '../testing/smtpServer.ts';
import { setUpCoop, startTestApp, type TestApp, type TestClient } from '../testing/testApp.ts';
import { appendTypedEvent } from './events/append.ts';
import { mailQueued } from './mailEvents.ts';
import { writeOutbox } from './outbox.ts';

describe('mail through SMTP', () => {
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let app: TestApp;
  let admin: TestClient;
  beforeAll(async () => {
    smtp = await startSmtp();
    app = await startTestApp({
      SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
      MAIL_FROM: 'Co-op <coop@example.org>',
    });
    admin = await setUpCoop(app);
  });
  afterAll(async () => {
    await app.stop();
    await smtp.close();
  });

  it('delivers an invitation and marks it sent', async () => {
    const invite = await admin.post<{ link: string }>('/api/invitations', {
      email: 'new@example.org',
      memberClass: 'community',
    });
    expect(smtp.received).toHaveLength(0); // queued in the transaction, sent by the worker
    await app.drainJobs();
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0]!.from).toBe('coop@example.org');
    expect(smtp.received[0]!.to).toEqual(['new@example.org']);
    expect(smtp.received[0]!.data.replace(/=\r?\n/g, '')).toContain(invite.body.link);
    const box = await admin.get<{
      smtpConfigured: boolean;
      messages: { status: string; sentAt: string | null }[];
    }>('/api/outbox');
    expect(box.body.smtpConfigured).toBe(true);
    expect(box.body.messages[0]).toMatchObject({ status: 'sent' });
  });

  it('sends a mail’s HTML part and attachments beside its text', async () => {
    const coopId = (await admin.get<{ coop: { id: string } }>('/api/session')).body.coop.id;
    const pdf = Buffer.from('%PDF-1.7\n%a tiny stand-in\n');
    await app.database.db.transaction(async (tx) => {
      const id = await writeOutbox(tx, coopId, {
        to: 'reader@example.org',
        subject: 'With a part and a file',
        body: 'The text part.',
        html: '<p>The <strong>HTML</strong> part.</p>',
        attachments: [
          {
            filename: 'paper.pdf',
            contentType: 'application/pdf',
            contentBase64: pdf.toString('base64'),
          },
        ],
        kind: 'test',
      });
      await appendTypedEvent(tx, mailQueued, {
        coopId,
        actorId: null,
        subjectId: id,
        data: { kind: 'test' },
        occurredAt: new Date(),
      });
    });
    await app.drainJobs();
    const raw = smtp.received.find((m) => m.to.includes('reader@example.org'));
    const mail = await simpleParser(raw!.data);
    expect(mail.text?.trim()).toBe('The text part.');
    expect(mail.html).toBe('<p>The <strong>HTML</strong> part.</p>');
    expect(mail.attachments.map((a) => [a.filename, a.contentType, a.content.equals(pdf)])).toEqual(
      [['paper.pdf', 'application/pdf', true]],
    );
  });

  it('retries later when the SMTP server is down, then delivers', async () => {
    await smtp.close();
    await admin.post('/api/auth/password-reset/request', { email: 'admin@example.org' });
    await app.drainJobs();
    const box = await admin.get<{
      messages: { status: string; error: string | null; kind: string }[];
    }>('/api/outbox');
    const reset = box.body.messages.find((m) => m.kind === 'password-reset')!;
    expect(reset.status).toBe('queued');
    expect(reset.error).toBeTruthy();
  });
});
