import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { recordDocumentAcceptance } from '../../documents/commands/recordAcceptance.ts';
import { getOrganization } from '../../organizations/queries.ts';
import { defineCommand, runCommand } from '../../platform/commands.ts';
import type { Executor } from '../../platform/db/database.ts';
import { conflict, gone, notFound } from '../../platform/errors.ts';
import { sha256 } from '../../platform/tokens.ts';
import { agreementCreated, quoteAccepted, quoteClosed } from '../events.ts';
import { quoteAcceptanceSchema } from '../acceptanceInput.ts';
import { agreementsPolicy } from '../policy.ts';
import { quotes } from '../schema.ts';
import { insertAgreement } from './createAgreement.ts';

export const tokenSchema = z.string().min(20).max(200);

/** The quote a buyer's link names, while it can still be decided. */
export async function quoteByToken(
  executor: Executor,
  coopId: string,
  token: string,
  today: string,
) {
  const [quote] = await executor
    .select()
    .from(quotes)
    .where(and(eq(quotes.coopId, coopId), eq(quotes.acceptTokenHash, sha256(token))));
  if (!quote) throw notFound('This quote link');
  return { quote, open: quote.status === 'sent' && quote.validUntil >= today };
}

async function openQuote(executor: Executor, coopId: string, token: string, today: string) {
  const { quote } = await quoteByToken(executor, coopId, token, today);
  if (quote.status !== 'sent')
    throw gone(`Quote ${quote.number} was already ${quote.status}.`).because('quote.decided', {
      number: quote.number,
      quoteStatus: quote.status,
    });
  if (quote.validUntil < today)
    throw gone(`Quote ${quote.number} expired on ${quote.validUntil}: ask for a new one.`).because(
      'quote.expired-ask',
      { number: quote.number, validUntil: quote.validUntil },
    );
  return quote;
}

/**
 * The buyer accepts through the link: the acceptance (who, which version and hash, when, from
 * where) is recorded and the quote becomes an agreement pinning its lines and tier versions.
 */
export const acceptQuote = defineCommand({
  name: 'agreements.acceptQuote',
  input: quoteAcceptanceSchema.extend({
    token: tokenSchema,
    userAgent: z.string().max(500).optional(),
  }),
  policy: agreementsPolicy.acceptByLink,
  events: [quoteAccepted, agreementCreated],
  async run(tx, input, ctx) {
    const found = await openQuote(tx, ctx.coopId, input.token, ctx.clock.today());
    const [quote] = await tx
      .select()
      .from(quotes)
      .where(and(eq(quotes.coopId, ctx.coopId), eq(quotes.id, found.id)))
      .for('update');
    if (!quote || quote.status !== 'sent')
      throw conflict('This quote was decided a moment ago.').because('quote.decided-meanwhile');
    const acceptance = await runCommand(
      recordDocumentAcceptance,
      {
        documentVersionId: quote.documentVersionId!,
        sha256: input.sha256,
        signatory: input.signatory,
        personId: ctx.actor.personId,
        ...(input.userAgent ? { userAgent: input.userAgent } : {}),
      },
      { ...ctx, tx },
    );
    const organization = await getOrganization(tx, ctx.coopId, quote.organizationId);
    const agreement = await insertAgreement(tx, ctx, {
      organizationId: quote.organizationId,
      quoteId: quote.id,
      title: quote.title,
      currency: quote.currency,
      startsOn: quote.startsOn,
      termMonths: quote.termMonths,
      billingPeriodMonths: quote.billingPeriodMonths,
      autoRenew: quote.autoRenew,
      noticeDays: quote.noticeDays,
      lines: quote.lines,
      buyerReference: null,
      billingContacts: organization.billingEmail
        ? [{ name: organization.legalName, email: organization.billingEmail }]
        : [{ name: input.signatory.name, email: input.signatory.email }],
      purchaseOrderRequired: false,
      servingHackerIds: [],
      renewalNoticeDays: [60, 30],
      documentVersionId: quote.documentVersionId,
    });
    await tx
      .update(quotes)
      .set({ status: 'accepted', decidedAt: ctx.clock.now(), agreementId: agreement.id })
      .where(and(eq(quotes.coopId, ctx.coopId), eq(quotes.id, quote.id)));
    await ctx.emit(quoteAccepted, quote.id, {
      number: quote.number,
      acceptanceId: acceptance.id,
      documentVersionId: quote.documentVersionId!,
      sha256: acceptance.sha256,
      agreementId: agreement.id,
    });
    return {
      agreementId: agreement.id,
      agreementNumber: agreement.number,
      acceptanceId: acceptance.id,
    };
  },
});

/** The buyer declines through the link. */
export const declineQuote = defineCommand({
  name: 'agreements.declineQuote',
  input: z.strictObject({ token: tokenSchema }),
  policy: agreementsPolicy.acceptByLink,
  events: [quoteClosed],
  async run(tx, input, ctx) {
    const quote = await openQuote(tx, ctx.coopId, input.token, ctx.clock.today());
    const [row] = await tx
      .update(quotes)
      .set({ status: 'declined', decidedAt: ctx.clock.now() })
      .where(and(eq(quotes.coopId, ctx.coopId), eq(quotes.id, quote.id), eq(quotes.status, 'sent')))
      .returning({ id: quotes.id });
    if (!row)
      throw conflict('This quote was decided a moment ago.').because('quote.decided-meanwhile');
    await ctx.emit(quoteClosed, quote.id, { number: quote.number, status: 'declined' });
  },
});
