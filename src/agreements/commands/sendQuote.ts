import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { recordDocumentVersion } from '../../documents/commands/recordDocumentVersion.ts';
import { getOrganization, organizationLocale } from '../../organizations/queries.ts';
import { displayDay } from '../../platform/i18n/dates.ts';
import { defineCommand, runCommand } from '../../platform/commands.ts';
import { badRequest, conflict } from '../../platform/errors.ts';
import { newToken, sha256 } from '../../platform/tokens.ts';
import { quoteSent } from '../events.ts';
import { agreementsMail } from '../mailMessages.ts';
import { agreementsPolicy } from '../policy.ts';
import { renderQuote } from '../quoteDocument.ts';
import { loadQuote } from '../repository.ts';
import { quotes } from '../schema.ts';
import { sendQuoteSchema } from '../sendQuoteInput.ts';

export const acceptUrl = (publicUrl: string, token: string) =>
  `${publicUrl.replace(/\/$/, '')}/quote/${token}`;

/**
 * Renders the quote as a PDF (a document version with its SHA-256) and mails the buyer a link
 * to read and accept it. Sending again renders again and kills the earlier link.
 */
export const sendQuote = defineCommand({
  name: 'agreements.sendQuote',
  input: sendQuoteSchema.extend({ quoteId: z.uuid() }),
  policy: agreementsPolicy.manage,
  denied: 'Only officers and administrators send quotes.',
  events: [quoteSent],
  async run(tx, input, ctx) {
    const quote = await loadQuote(tx, ctx.coopId, input.quoteId, { forUpdate: true });
    if (quote.status !== 'draft' && quote.status !== 'sent')
      throw conflict(`Quote ${quote.number} is ${quote.status}.`).because('quote.status', {
        number: quote.number,
        quoteStatus: quote.status,
      });
    if (quote.validUntil < ctx.clock.today())
      throw conflict(
        `Quote ${quote.number} expired on ${quote.validUntil}: change its validity first.`,
        [{ pointer: '/validUntil', message: 'in the past' }],
      ).because('quote.expired', { number: quote.number, validUntil: quote.validUntil });
    const organization = await getOrganization(tx, ctx.coopId, quote.organizationId);
    const to = input.to ?? organization.billingEmail;
    if (!to)
      throw badRequest(`${organization.legalName} has no billing e-mail: give an address.`, [
        { pointer: '/to', message: 'give the buyer’s address' },
      ]).because('quote.no-billing-email', { organization: organization.legalName });
    const rendered = await renderQuote(tx, ctx.coopId, quote, ctx.clock.now());
    const version = await runCommand(
      recordDocumentVersion,
      {
        ...rendered,
        subjectType: 'quote',
        subjectId: quote.id,
        organizationId: quote.organizationId,
        personId: null,
      },
      { ...ctx, tx },
    );
    const token = newToken();
    await tx
      .update(quotes)
      .set({
        status: 'sent',
        sentAt: ctx.clock.now(),
        sentTo: to,
        acceptTokenHash: sha256(token),
        documentVersionId: version.id,
      })
      .where(and(eq(quotes.coopId, ctx.coopId), eq(quotes.id, quote.id)));
    const link = acceptUrl(ctx.publicUrl, token);
    // Business mail goes in the buyer's language, whoever sends it.
    const locale = await organizationLocale(tx, ctx.coopId, quote.organizationId);
    await ctx.mail({
      to,
      kind: 'quote',
      subject: agreementsMail(locale, 'quote.subject', {
        number: quote.number,
        title: quote.title,
      }),
      body: agreementsMail(locale, 'quote.body', {
        number: quote.number,
        title: quote.title,
        organization: organization.legalName,
        validUntil: displayDay(quote.validUntil, locale),
        link,
        sha256: rendered.sha256,
      }),
    });
    await ctx.emit(quoteSent, quote.id, {
      number: quote.number,
      documentVersionId: version.id,
      sha256: rendered.sha256,
      sentTo: to,
    });
    return { documentVersionId: version.id, sha256: rendered.sha256, acceptUrl: link };
  },
});
