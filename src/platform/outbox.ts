import type { Executor } from './db/database.ts';
import { outbox, type OutboxAttachment } from './db/schema.ts';

export type { OutboxAttachment } from './db/schema.ts';

export interface Mail {
  to: string;
  subject: string;
  body: string;
  /** What the mail is for (invitation, registration-code, password-reset...), for the outbox. */
  kind: string;
  /** A Reply-To address, for mail whose replies are read into the record. */
  replyTo?: string;
  /** An HTML alternative to `body`, which stays the text a plain mail reader shows. */
  html?: string;
  attachments?: OutboxAttachment[];
}

/**
 * The outbox row, written in the command's transaction. A mail may carry a secret link (an
 * invitation, a registration code), which must never enter the event log: the row holds it,
 * and the `mail.queued` event only points at the row.
 */
export async function writeOutbox(tx: Executor, coopId: string, mail: Mail): Promise<string> {
  const [row] = await tx
    .insert(outbox)
    .values({
      coopId,
      toAddress: mail.to,
      subject: mail.subject,
      body: mail.body,
      kind: mail.kind,
      replyTo: mail.replyTo ?? null,
      html: mail.html ?? null,
      attachments: mail.attachments && mail.attachments.length > 0 ? mail.attachments : null,
    })
    .returning({ id: outbox.id });
  return row!.id;
}
