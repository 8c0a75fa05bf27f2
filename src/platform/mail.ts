import { eq } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import type { Db } from './db/database.ts';
import { outbox } from './db/schema.ts';
import type { Consumer } from './dispatcher.ts';
import type { JobHandler } from './jobs.ts';
import { mailQueued } from './mailEvents.ts';

export type { Mail } from './outbox.ts';

/** After this many failed attempts a mail is marked failed, so the ones behind it can go. */
const mailAttempts = 5;

/**
 * Delivers through SMTP when SMTP_URL is set. Without it the mail is held in the outbox, which
 * administrators read in the web app, so a one-machine co-op works with no mail server.
 */
function deliverer(smtpUrl: string | undefined, from: string) {
  const transport = smtpUrl ? nodemailer.createTransport(smtpUrl) : undefined;
  return async (db: Db, outboxId: string, attempt: number) => {
    const [mail] = await db.select().from(outbox).where(eq(outbox.id, outboxId));
    if (!mail || mail.status === 'sent' || mail.status === 'failed') return;
    if (!transport) {
      await db.update(outbox).set({ status: 'held' }).where(eq(outbox.id, outboxId));
      return;
    }
    try {
      await transport.sendMail({
        from,
        to: mail.toAddress,
        ...(mail.replyTo ? { replyTo: mail.replyTo } : {}),
        subject: mail.subject,
        text: mail.body,
        ...(mail.html ? { html: mail.html } : {}),
        ...(mail.attachments
          ? {
              attachments: mail.attachments.map((a) => ({
                filename: a.filename,
                contentType: a.contentType,
                content: Buffer.from(a.contentBase64, 'base64'),
              })),
            }
          : {}),
      });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const final = attempt >= mailAttempts;
      await db
        .update(outbox)
        .set({ status: final ? 'failed' : 'queued', error: message })
        .where(eq(outbox.id, outboxId));
      if (final) return;
      throw error;
    }
    await db
      .update(outbox)
      .set({ status: 'sent', sentAt: new Date(), error: null })
      .where(eq(outbox.id, outboxId));
  };
}

/** The dispatcher's mail consumer: each `mail.queued` event delivers its outbox row. */
export function mailConsumer(smtpUrl: string | undefined, from: string): Consumer {
  const deliver = deliverer(smtpUrl, from);
  return {
    name: 'mail',
    wants: (type) => type === mailQueued.name,
    async handle(db, event, attempt) {
      await deliver(db, event.subjectId, attempt);
      return true;
    },
  };
}

/** Mail queued by an earlier version as a job still goes out after an upgrade. */
export function mailDeliveryHandler(smtpUrl: string | undefined, from: string): JobHandler {
  const deliver = deliverer(smtpUrl, from);
  return (db, job) => deliver(db, String(job.payload.outboxId), job.attempts);
}
