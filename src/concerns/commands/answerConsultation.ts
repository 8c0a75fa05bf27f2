import { z } from 'zod';
import type { Actor } from '../../platform/actor.ts';
import { defineCommand } from '../../platform/commands.ts';
import type { RunContext } from '../../platform/commands.ts';
import { badRequest, forbidden, notFound } from '../../platform/errors.ts';
import { ownOrganizationId } from '../../platform/policy.ts';
import { sha256 } from '../../platform/tokens.ts';
import { consultationAnswered } from '../events.ts';
import { concernsPolicy } from '../policy.ts';
import { loadConsultation, recipientByReplyTokenHash, recipientByTokenHash } from '../queries.ts';
import { answerFromReply } from '../mailReplies.ts';
import { consultationAnswers, type AnswerChannel } from '../schema.ts';
import { answerInputSchema } from '../answerInput.ts';
import type { Tx } from '../../platform/db/database.ts';

export const consultationTokenSchema = z.string().min(20).max(200);

type Answer = z.output<typeof answerInputSchema>;

async function recordAnswer(
  tx: Tx,
  ctx: RunContext,
  consultationId: string,
  organizationId: string,
  personId: string | null,
  answer: Answer,
  via: AnswerChannel,
) {
  // An objection or a comment without words tells the maintainers nothing to act on.
  if (answer.kind !== 'acknowledge' && answer.comment === '')
    throw badRequest('Say what you object to or comment on.', [
      { pointer: '/comment', message: 'required for a comment or an objection' },
    ]).because('consultation.comment-needed');
  const consultation = await loadConsultation(tx, ctx.coopId, consultationId);
  if (!consultation) throw notFound('This consultation');
  if (!consultation.organizationIds.includes(organizationId))
    throw forbidden('Your organization was not consulted on this.').because(
      'consultation.not-consulted',
    );
  const [row] = await tx
    .insert(consultationAnswers)
    .values({
      coopId: ctx.coopId,
      consultationId,
      organizationId,
      personId,
      kind: answer.kind,
      comment: answer.comment,
      via,
      answeredAt: ctx.clock.now(),
    })
    .returning({ id: consultationAnswers.id });
  await ctx.emit(
    consultationAnswered,
    consultationId,
    {
      answerId: row!.id,
      organizationId,
      kind: answer.kind,
      via,
      late: ctx.clock.today() > consultation.answerBy,
    },
    { actorId: personId },
  );
  return { id: row!.id };
}

/** A mailed contact's answer: the secret they hold names them, their sponsor and the consultation. */
const recordRecipientAnswer = (
  tx: Tx,
  ctx: RunContext,
  recipient: { consultationId: string; organizationId: string; personId: string },
  answer: Answer,
  via: AnswerChannel,
) =>
  recordAnswer(
    tx,
    ctx,
    recipient.consultationId,
    recipient.organizationId,
    recipient.personId,
    answer,
    via,
  );

/** A sponsor's representative answers from the portal, for their own organization. */
export const answerConsultation = defineCommand({
  name: 'concerns.answerConsultation',
  input: answerInputSchema.extend({ consultationId: z.uuid() }),
  policy: (actor: Actor) => {
    const organizationId = ownOrganizationId(actor);
    return organizationId !== null && concernsPolicy.answer(actor, organizationId);
  },
  denied: 'Only a consulted sponsor’s representatives answer a consultation.',
  events: [consultationAnswered],
  run: (tx, input, ctx) =>
    recordAnswer(
      tx,
      ctx,
      input.consultationId,
      ownOrganizationId(ctx.actor)!,
      ctx.actor.personId,
      input,
      'portal',
    ),
});

/** A contact answers through the link in their mail: the secret names them and the sponsor. */
export const answerConsultationByLink = defineCommand({
  name: 'concerns.answerConsultationByLink',
  input: answerInputSchema.extend({ token: consultationTokenSchema }),
  policy: concernsPolicy.answerByLink,
  events: [consultationAnswered],
  async run(tx, input, ctx) {
    const recipient = await recipientByTokenHash(tx, ctx.coopId, sha256(input.token));
    if (!recipient) throw notFound('This consultation link');
    return recordRecipientAnswer(tx, ctx, recipient, input, 'link');
  },
});

/**
 * A contact's reply to the consultation mail, read in by `coop mail receive`: the secret of the
 * Reply-To address names them and the sponsor, as the link's does; the reply's first word its kind.
 */
export const answerConsultationByMail = defineCommand({
  name: 'concerns.answerConsultationByMail',
  input: z.strictObject({
    replyToken: z.string().regex(/^c-[0-9a-f]{40}$/),
    reply: z.string().max(20000),
  }),
  policy: concernsPolicy.answerByLink,
  events: [consultationAnswered],
  async run(tx, input, ctx) {
    const recipient = await recipientByReplyTokenHash(tx, sha256(input.replyToken));
    if (!recipient || recipient.coopId !== ctx.coopId)
      throw notFound('This consultation reply address');
    const answer = answerFromReply(input.reply);
    if (answer.kind === 'comment' && answer.comment === '')
      throw badRequest('The reply has no words of its own to record.', [
        { pointer: '/reply', message: 'empty once the quoted mail is taken off' },
      ]).because('consultation.reply-empty');
    return recordRecipientAnswer(tx, ctx, recipient, answer, 'mail');
  },
});
