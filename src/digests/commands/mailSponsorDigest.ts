import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { defineCommand } from '../../platform/commands.ts';
import { digestRecipients, renderDigest } from '../document.ts';
import { sponsorDigestMailed } from '../events.ts';
import { digestsPolicy } from '../policy.ts';
import { loadDigest } from '../repository.ts';
import { sponsorDigestMailings } from '../schema.ts';

/**
 * Mails a sent digest to the sponsor's representatives, each in their language: text, HTML and
 * the PDF. Run by the dispatcher after `sponsor-digest.sent`; a person mailed already is
 * skipped, so a second delivery of the event mails no one twice.
 */
export const mailSponsorDigest = defineCommand({
  name: 'digests.mailSponsorDigest',
  input: z.strictObject({ digestId: z.uuid() }),
  policy: digestsPolicy.system,
  events: [sponsorDigestMailed],
  // Each reader's mail and PDF are set before the transaction opens: PGlite serialises every
  // query behind an open one, and a sent digest never changes, so nothing read here goes stale.
  async prepare(input, ctx) {
    const coopId = ctx.actor.coopId;
    const digest = await loadDigest(ctx.db, coopId, input.digestId);
    if (digest.state !== 'sent') return { digest, mails: [] };
    const recipients = await digestRecipients(ctx.db, coopId, digest.organizationId);
    const mails = [];
    for (const recipient of recipients) {
      const rendered = await renderDigest(ctx.db, digest, {
        locale: recipient.locale,
        publicUrl: ctx.publicUrl,
        recipientName: recipient.name,
      });
      mails.push({ recipient, rendered, pdf: await rendered.pdf() });
    }
    return { digest, mails };
  },
  async run(tx, _input, ctx, { digest, mails }) {
    const already = new Set(
      (
        await tx
          .select({ personId: sponsorDigestMailings.personId })
          .from(sponsorDigestMailings)
          .where(
            and(
              eq(sponsorDigestMailings.coopId, ctx.coopId),
              eq(sponsorDigestMailings.digestId, digest.id),
            ),
          )
      ).map((r) => r.personId),
    );
    const due = mails.filter((m) => !already.has(m.recipient.personId));
    for (const { recipient, rendered, pdf } of due) {
      await tx.insert(sponsorDigestMailings).values({
        coopId: ctx.coopId,
        digestId: digest.id,
        personId: recipient.personId,
        email: recipient.email,
        mailedAt: ctx.clock.now(),
      });
      await ctx.mail({
        to: recipient.email,
        kind: 'sponsor-digest',
        subject: rendered.subject,
        body: rendered.text,
        html: rendered.html,
        attachments: [
          {
            filename: rendered.fileName,
            contentType: 'application/pdf',
            contentBase64: pdf.toString('base64'),
          },
        ],
      });
    }
    if (due.length > 0) await ctx.emit(sponsorDigestMailed, digest.id, { recipients: due.length });
    return { mailed: due.length };
  },
});
