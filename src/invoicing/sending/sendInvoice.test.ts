import { sql } from 'drizzle-orm';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../../platform/clock.ts';
import { queryRows } from '../../platform/db/rows.ts';
import type { StoredEvent } from '../../platform/dispatcher.ts';
import {
  addMember,
  setUpCoop,
  startTestApp,
  type TestApp,
  type TestClient,
} from '../../testing/testApp.ts';
import { configureSeller, germanBuyer, issue, line } from '../testing/fixtures.ts';
import { invoiceSendingConsumer } from './sendingConsumer.ts';
import { mailTransport } from './transports.ts';

interface Received {
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
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), data });
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

interface Sending {
  to: string[];
  format: string;
  status: string;
}
interface Detail {
  number: string;
  sendings: Sending[];
}

const attachments = (data: string) =>
  [...data.matchAll(/filename="?([^";\r\n]+)"?/g)].map((m) => m[1]!);

describe('sending an invoice', () => {
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let app: TestApp;
  let admin: TestClient;

  beforeAll(async () => {
    smtp = await startSmtp();
    app = await startTestApp(
      { SMTP_URL: `smtp://127.0.0.1:${smtp.port}`, MAIL_FROM: 'Co-op <billing@coop.test>' },
      { clock: manualClock('2027-03-10T09:00:00Z') },
    );
    admin = await setUpCoop(app);
    await configureSeller(admin);
  });
  afterAll(async () => {
    await app.stop();
    await smtp.close();
  });

  it('refuses a draft', async () => {
    const draft = await issue(admin, { finalize: false, lines: [line('1.00')] });
    const r = await admin.post<{ detail: string }>(`/api/invoices/${draft.id}/send`, {});
    expect(r.status).toBe(409);
    expect(r.body.detail).toMatch(/finalise it first/);
  });

  it('mails the PDF and the XRechnung to a German public buyer, and records it', async () => {
    const invoice = await issue(admin, {
      buyerReference: '991-12345-67',
      period: { start: '2027-03-01', end: '2027-03-31' },
      lines: [line('1000.00')],
    });
    const sent = await admin.post<Detail>(`/api/invoices/${invoice.id}/send`, {});
    expect(sent.status).toBe(200);
    expect(sent.body.sendings).toEqual([
      expect.objectContaining({ to: [germanBuyer.email], format: 'xrechnung', status: 'queued' }),
    ]);
    expect(smtp.received).toHaveLength(0); // the dispatcher sends it, after the commit
    await app.drainJobs();
    expect(smtp.received).toHaveLength(1);
    const mail = smtp.received[0]!;
    expect(mail.to).toEqual([germanBuyer.email]);
    expect(attachments(mail.data)).toEqual([
      `${invoice.number}.pdf`,
      `${invoice.number}-xrechnung.xml`,
    ]);
    expect(mail.data).toMatch(/Subject: Invoice INV-2027-\d+ from Test Hackers Co-op eG/);
    const detail = await admin.get<Detail>(`/api/invoices/${invoice.id}`);
    expect(detail.body.sendings[0]!.status).toBe('delivered');
  });

  it('attaches UBL by default, CII to a buyer with no Peppol address, or the format asked; credit notes too', async () => {
    const before = smtp.received.length;
    const business = await issue(admin, { buyerReference: 'ACME-IT-1', lines: [line('50.00')] });
    const american = await issue(admin, {
      buyer: {
        legalName: 'Cloud Widgets Inc.',
        country: 'US',
        street: '1 Market Street',
        city: 'San Francisco',
        postcode: '94105',
        email: 'ap@widgets.test',
      },
      lines: [line('5000.00', 'G', '0')],
    });
    const credit = await issue(admin, {
      creditedInvoice: business.number,
      lines: [line('10.00')],
    });
    const formats = [];
    for (const [id, body] of [
      [business.id, {}],
      [american.id, {}],
      [credit.id, { format: 'cii', to: ['accounts@acme.test', 'cfo@acme.test'] }],
    ] as const) {
      const r = await admin.post<Detail>(`/api/invoices/${id}/send`, body);
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      formats.push(r.body.sendings.at(-1)!.format);
    }
    expect(formats).toEqual(['ubl', 'cii', 'cii']);
    await app.drainJobs();
    const mails = smtp.received.slice(before);
    expect(mails.map((m) => attachments(m.data)[1])).toEqual([
      `${business.number}-ubl.xml`,
      `${american.number}-cii.xml`,
      `${credit.number}-cii.xml`,
    ]);
    expect(mails[2]!.to).toEqual(['accounts@acme.test', 'cfo@acme.test']);
    expect(mails[2]!.data).toMatch(/Subject: Credit note CN-2027-\d+/);
    // Peppol addresses the buyer by its VAT id: asked for UBL without one, it says what is missing.
    const refused = await admin.post<{ detail: string }>(`/api/invoices/${american.id}/send`, {
      format: 'ubl',
    });
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toMatch(/Peppol address/);
    // The format's own refusal, named with what it lacks, so the web says it in German too.
    expect(refused.body).toMatchObject({
      code: 'e-invoice.missing',
      params: { format: 'ubl', missing: 'buyer-peppol' },
    });
  });

  it('sends once per sending, whatever the re-deliveries; without SMTP it is held', async () => {
    const invoice = await issue(admin, { lines: [line('70.00')] });
    await admin.post(`/api/invoices/${invoice.id}/send`, {});
    await app.drainJobs();
    const count = smtp.received.length;
    const [row] = await queryRows<StoredEvent & { coop_id: string; subject_id: string }>(
      app.database.db,
      sql`select * from events where type = 'invoice.sent' order by seq desc limit 1`,
    );
    const event: StoredEvent = {
      coopId: row!.coop_id,
      seq: 0,
      type: 'invoice.sent',
      version: 1,
      actorId: null,
      subjectType: 'invoice',
      subjectId: row!.subject_id,
      data: row!.data,
      occurredAt: new Date(),
    };
    const consumer = invoiceSendingConsumer({
      mail: mailTransport(`smtp://127.0.0.1:${smtp.port}`, 'billing@coop.test'),
    });
    expect(await consumer.handle(app.database.db, event, 1)).toBe(false);
    expect(smtp.received).toHaveLength(count);

    // The same sending, queued again, through a transport with no SMTP configured: held.
    await app.database.db.execute(
      sql`update invoice_sendings set status = 'queued' where id = ${String(event.data.sendingId)}`,
    );
    const unconfigured = invoiceSendingConsumer({ mail: mailTransport(undefined, 'x@y.test') });
    expect(await unconfigured.handle(app.database.db, event, 1)).toBe(true);
    const detail = await admin.get<Detail>(`/api/invoices/${invoice.id}`);
    expect(detail.body.sendings[0]!.status).toBe('held');
    expect(smtp.received).toHaveLength(count);
  });

  it('is the chief economist’s: a sponsor’s representative cannot send', async () => {
    const invoice = await issue(admin, { lines: [line('80.00')] });
    const org = await admin.get<{ organization: { id: string } }>(`/api/invoices/${invoice.id}`);
    const rep = await addMember(
      app,
      admin,
      {
        email: 'rep@acme.test',
        name: 'Rita Rep',
        memberClass: 'sponsor',
        organizationId: org.body.organization.id,
      },
      '10.0.3.1',
    );
    expect((await rep.client.post(`/api/invoices/${invoice.id}/send`, {})).status).toBe(403);
  });
});
