import { eq } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import type { Db, Executor } from './db/database.ts';
import { outbox } from './db/schema.ts';
import { enqueueJob, type JobHandler } from './jobs.ts';

export interface Mail {
  to: string;
  subject: string;
  body: string;
  /** What the mail is for (invitation, registration-code, password-reset...), for the outbox. */
  kind: string;
}

/** Writes the mail to the outbox and schedules its delivery, in the caller's transaction. */
export async function queueMail(tx: Executor, coopId: string, mail: Mail): Promise<void> {
  const [row] = await tx
    .insert(outbox)
    .values({ coopId, toAddress: mail.to, subject: mail.subject, body: mail.body, kind: mail.kind })
    .returning({ id: outbox.id });
  await enqueueJob(tx, { coopId, kind: 'mail.deliver', payload: { outboxId: row!.id } });
}

/**
 * Delivers through SMTP when SMTP_URL is set. Without it the mail is held in the outbox, which
 * administrators read in the web app, so a one-machine co-op works with no mail server.
 */
export function mailDeliveryHandler(smtpUrl: string | undefined, from: string): JobHandler {
  const transport = smtpUrl ? nodemailer.createTransport(smtpUrl) : undefined;
  return async (db: Db, job) => {
    const outboxId = String(job.payload.outboxId);
    const [mail] = await db.select().from(outbox).where(eq(outbox.id, outboxId));
    if (!mail || mail.status === 'sent') return;
    if (!transport) {
      await db.update(outbox).set({ status: 'held' }).where(eq(outbox.id, outboxId));
      return;
    }
    try {
      await transport.sendMail({
        from,
        to: mail.toAddress,
        subject: mail.subject,
        text: mail.body,
      });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const final = job.attempts >= job.max_attempts;
      await db
        .update(outbox)
        .set({ status: final ? 'failed' : 'queued', error: message })
        .where(eq(outbox.id, outboxId));
      throw error;
    }
    await db
      .update(outbox)
      .set({ status: 'sent', sentAt: new Date(), error: null })
      .where(eq(outbox.id, outboxId));
  };
}
