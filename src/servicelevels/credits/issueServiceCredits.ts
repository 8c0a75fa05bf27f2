import { and, asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { creditInvoicePart } from '../../invoicing/commands/creditInvoicePart.ts';
import { defineCommand, runCommand } from '../../platform/commands.ts';
import { formatAmount } from '../../platform/money/amount.ts';
import { serviceCreditIssued } from '../events.ts';
import { serviceLevelsPolicy } from '../policy.ts';
import { organizationLocale } from '../../organizations/queries.ts';
import { displayDay } from '../../platform/i18n/dates.ts';
import { complianceReportPdfText } from '../reportPdfMessages.ts';
import { serviceClocks, serviceCredits, serviceLevelFollowedEvents } from '../schema.ts';

/**
 * A sponsor's invoice was finalised: each confirmed credit in its currency, oldest decision
 * first, is issued as a credit note against it (invoicing numbers and posts it), never more than
 * the invoice leaves to credit; what does not fit waits for the next invoice. Once per event.
 */
export const issueServiceCredits = defineCommand({
  name: 'servicelevels.issueServiceCredits',
  input: z.strictObject({
    eventSeq: z.number().int(),
    invoiceId: z.uuid(),
    invoiceNumber: z.string(),
    organizationId: z.uuid(),
    currency: z.string(),
  }),
  policy: serviceLevelsPolicy.automatic,
  events: [serviceCreditIssued],
  async run(tx, input, ctx) {
    const fresh = await tx
      .insert(serviceLevelFollowedEvents)
      .values({ coopId: ctx.coopId, eventSeq: input.eventSeq })
      .onConflictDoNothing()
      .returning();
    if (fresh.length === 0) return 0;
    const waiting = await tx
      .select()
      .from(serviceCredits)
      .where(
        and(
          eq(serviceCredits.coopId, ctx.coopId),
          eq(serviceCredits.organizationId, input.organizationId),
          eq(serviceCredits.currency, input.currency),
          eq(serviceCredits.state, 'confirmed'),
        ),
      )
      .orderBy(asc(serviceCredits.decidedAt), asc(serviceCredits.proposedAt))
      .for('update');
    // The credit note speaks the buyer's language, as its invoices do.
    const locale = await organizationLocale(tx, ctx.coopId, input.organizationId);
    const lineText = async (credit: (typeof waiting)[number]) => {
      const [clock] = await tx
        .select({ kind: serviceClocks.kind, deadlineAt: serviceClocks.deadlineAt })
        .from(serviceClocks)
        .where(and(eq(serviceClocks.coopId, ctx.coopId), eq(serviceClocks.id, credit.clockId)));
      const L = complianceReportPdfText;
      return L(locale, 'creditNoteLine', {
        kind: clock ? L(locale, `kinds.${clock.kind}`) : '',
        day: displayDay((clock?.deadlineAt ?? credit.proposedAt).toISOString(), locale),
        from: displayDay(credit.periodStart, locale),
        to: displayDay(credit.periodEnd, locale),
      });
    };
    let issued = 0;
    for (const credit of waiting) {
      const rest = credit.amountMinor - credit.issuedMinor;
      const note = await runCommand(
        creditInvoicePart,
        {
          invoiceId: input.invoiceId,
          netMinor: rest.toString(),
          description: await lineText(credit),
        },
        { ...ctx, tx },
      );
      if (!note) break;
      const issuedMinor = credit.issuedMinor + note.netMinor;
      const done = issuedMinor >= credit.amountMinor;
      const money = (minor: bigint) => formatAmount(minor, credit.currency);
      await tx
        .update(serviceCredits)
        .set({
          issuedMinor,
          state: done ? 'issued' : 'confirmed',
          creditNoteId: credit.creditNoteId ?? note.creditNoteId,
          issues: [
            ...credit.issues,
            {
              invoiceId: input.invoiceId,
              invoiceNumber: input.invoiceNumber,
              creditNoteId: note.creditNoteId,
              creditNoteNumber: note.number,
              amountMinor: note.netMinor.toString(),
            },
          ],
          issuedAt: done ? ctx.clock.now() : null,
        })
        .where(and(eq(serviceCredits.coopId, ctx.coopId), eq(serviceCredits.id, credit.id)));
      await ctx.emit(serviceCreditIssued, credit.id, {
        organizationId: credit.organizationId,
        agreementId: credit.agreementId,
        clockId: credit.clockId,
        amount: money(credit.amountMinor),
        currency: credit.currency,
        invoiceId: input.invoiceId,
        creditNoteId: note.creditNoteId,
        creditNoteNumber: note.number,
        issued: money(note.netMinor),
        remaining: money(credit.amountMinor - issuedMinor),
      });
      issued++;
      if (!done) break;
    }
    return issued;
  },
});
