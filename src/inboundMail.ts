import { answerConsultationByMail } from './concerns/commands/answerConsultation.ts';
import { replyRefusal } from './concerns/mailReplies.ts';
import { recipientByReplyTokenHash } from './concerns/queries.ts';
import { localeOfPerson } from './members/repository.ts';
import { systemActor } from './platform/actor.ts';
import { runCommand } from './platform/commands.ts';
import type { Db } from './platform/db/database.ts';
import { AppError } from './platform/errors.ts';
import { readInboundMail, replyTokenIn } from './platform/inboundMail.ts';
import { sha256 } from './platform/tokens.ts';

export type Received =
  | { outcome: 'recorded'; message: string }
  | { outcome: 'unknown-address' | 'refused'; message: string };

/**
 * A mail to a reply address, routed by its secret's prefix to the domain that sent the mail
 * (`c-`: a consultation's). The composition root's, as the routes are: platform code reads the
 * mail, the domain's command records it.
 */
export async function receiveInboundMail(
  db: Db,
  replyTo: string,
  publicUrl: string,
  raw: Buffer | string,
): Promise<Received> {
  const mail = await readInboundMail(raw);
  const replyToken = replyTokenIn(mail.recipients, replyTo);
  if (!replyToken)
    return {
      outcome: 'unknown-address',
      message: `No reply address of this co-op among ${mail.recipients.join(', ') || 'none'}.`,
    };
  const recipient = replyToken.startsWith('c-')
    ? await recipientByReplyTokenHash(db, sha256(replyToken))
    : undefined;
  if (!recipient)
    return {
      outcome: 'unknown-address',
      message: 'This reply address is unknown: the mail it answers is not ours.',
    };
  try {
    const { id } = await runCommand(
      answerConsultationByMail,
      { replyToken, reply: mail.reply },
      { db, actor: systemActor(recipient.coopId), publicUrl },
    );
    return {
      outcome: 'recorded',
      message: `Recorded answer ${id} to consultation ${recipient.consultationId}.`,
    };
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    // Said to the sender, in the language of the mail they answer: the bounce carries it.
    const locale = await localeOfPerson(db, recipient.coopId, recipient.personId);
    return { outcome: 'refused', message: replyRefusal(error, locale) };
  }
}
