import { and, eq } from 'drizzle-orm';
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { defineCommand } from '../../platform/commands.ts';
import { displayDay } from '../../platform/i18n/dates.ts';
import { newToken, sha256 } from '../../platform/tokens.ts';
import { consultationMailed } from '../events.ts';
import { concernsMail } from '../mailMessages.ts';
import { concernsPolicy } from '../policy.ts';
import { contactsToAsk, getConcerns, loadConsultation } from '../queries.ts';
import { consultationRecipients } from '../schema.ts';

export const consultationLink = (publicUrl: string, token: string) =>
  `${publicUrl.replace(/\/$/, '')}/consultation/${token}`;

/** The secret of a reply address: `c-` (a consultation's) and 160 bits in lowercase hex. */
export const newReplyToken = () => `c-${randomBytes(20).toString('hex')}`;

/**
 * Mails each consulted sponsor's contacts their own answer link, in each one's language. Run by
 * the dispatcher after `consultation.opened`; a contact already mailed is skipped, so a repeated
 * delivery mails no one twice. With `replyTo` (the `MAIL_REPLY_TO` address, `{token}` in it),
 * each mail's Reply-To carries a secret of its own, and a reply is read in as an answer.
 */
export const mailConsultation = defineCommand({
  name: 'concerns.mailConsultation',
  input: z.strictObject({ consultationId: z.uuid(), replyTo: z.string().optional() }),
  policy: concernsPolicy.mail,
  events: [consultationMailed],
  async run(tx, input, ctx) {
    const consultation = await loadConsultation(tx, ctx.coopId, input.consultationId);
    if (!consultation) return { mailed: 0 };
    const already = new Set(
      (
        await tx
          .select({ personId: consultationRecipients.personId })
          .from(consultationRecipients)
          .where(
            and(
              eq(consultationRecipients.coopId, ctx.coopId),
              eq(consultationRecipients.consultationId, consultation.id),
            ),
          )
      ).map((r) => r.personId),
    );
    let mailed = 0;
    for (const organizationId of consultation.organizationIds) {
      const { organizationName, topics } = await getConcerns(tx, ctx.coopId, organizationId);
      const shared = consultation.topics.filter((t) => topics.includes(t));
      const contacts = (await contactsToAsk(tx, ctx.coopId, organizationId)).filter(
        (c) => !already.has(c.personId),
      );
      if (contacts.length === 0) continue;
      for (const contact of contacts) {
        const token = newToken();
        const replyToken = input.replyTo ? newReplyToken() : null;
        await tx.insert(consultationRecipients).values({
          coopId: ctx.coopId,
          consultationId: consultation.id,
          organizationId,
          personId: contact.personId,
          tokenHash: sha256(token),
          replyTokenHash: replyToken ? sha256(replyToken) : null,
          mailedAt: ctx.clock.now(),
        });
        const locale = contact.locale;
        const vars = {
          name: contact.name,
          organization: organizationName,
          title: consultation.subjectTitle,
          whatChanges: consultation.whatChanges,
          topics: (shared.length > 0 ? shared : consultation.topics).join(', '),
          answerBy: displayDay(consultation.answerBy, locale),
          link: consultationLink(ctx.publicUrl, token),
        };
        await ctx.mail({
          to: contact.email,
          kind: 'consultation',
          subject: concernsMail(locale, 'consultation.subject', vars),
          body: concernsMail(
            locale,
            replyToken ? 'consultation.bodyWithReplies' : 'consultation.body',
            vars,
          ),
          ...(replyToken ? { replyTo: input.replyTo!.replace('{token}', replyToken) } : {}),
        });
      }
      mailed += contacts.length;
      await ctx.emit(consultationMailed, consultation.id, {
        organizationId,
        recipients: contacts.length,
      });
    }
    return { mailed };
  },
});
