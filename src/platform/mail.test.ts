import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setUpCoop, startTestApp, type TestApp, type TestClient } from '../testing/testApp.ts';

interface Received {
  from: string;
  to: string[];
  data: string;
}

/** A real SMTP server on a free port, keeping what it receives. */
async function startSmtp() {
  const received: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, callback) {
      let data = '';
      stream.on('data', (chunk: Buffer) => (data += chunk.toString()));
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          data,
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as { port: number }).port;
  return {
    received,
    port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

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
