import type { Executor } from './db/database.ts';
import { outbox } from './db/schema.ts';

export interface Mail {
  to: string;
  subject: string;
  body: string;
  /** What the mail is for (invitation, registration-code, password-reset...), for the outbox. */
  kind: string;
}

/**
 * The outbox row, written in the command's transaction. A mail may carry a secret link (an
 * invitation, a registration code), which must never enter the event log: the row holds it,
 * and the `mail.queued` event only points at the row.
 */
export async function writeOutbox(tx: Executor, coopId: string, mail: Mail): Promise<string> {
  const [row] = await tx
    .insert(outbox)
    .values({ coopId, toAddress: mail.to, subject: mail.subject, body: mail.body, kind: mail.kind })
    .returning({ id: outbox.id });
  return row!.id;
}
