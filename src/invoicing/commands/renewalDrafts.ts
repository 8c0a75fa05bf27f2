import { and, asc, eq, gt, isNotNull } from 'drizzle-orm';
import { z } from 'zod';
import { agreementForInvoicing } from '../../agreements/index.ts';
import { defineCommand } from '../../platform/commands.ts';
import { formatAmount } from '../../platform/money/amount.ts';
import { minorDigits } from '../../platform/money/currency.ts';
import {
  invoiceDraftChanged,
  invoiceDrafted,
  invoiceHoldChanged,
  invoiceRenewalPrepared,
} from '../events.ts';
import { invoicingPolicy } from '../policy.ts';
import { holdReason, judgeHold } from '../holds.ts';
import { invoicingSettingsOf } from '../repository.ts';
import { renewalVat } from '../renewalVat.ts';
import { invoices } from '../schema.ts';
import { computeTotals } from '../totals.ts';
import { resolveBuyer, writeLines } from './createInvoice.ts';

/**
 * Prepares, ahead of an agreement's next term, one draft invoice per billing period of that term:
 * the buyer, currency, purchase order and buyer reference of the agreement; its lines at the
 * prices of the tier versions it pinned; the invoicing period; the VAT `renewalVat` decides.
 * Once per term and period (a unique index on the agreement and the period's start), so the
 * event delivered twice, or the 60-day and the 30-day notice, prepare them once. A draft whose
 * period no purchase order covers is held. An agreement that no longer serves that period
 * (cancelled, ended) gets none.
 */
export const prepareRenewalDrafts = defineCommand({
  name: 'invoicing.prepareRenewalDrafts',
  input: z.strictObject({
    agreementId: z.uuid(),
    termStartsOn: z.iso.date(),
    termEndsOn: z.iso.date(),
  }),
  policy: invoicingPolicy.issue,
  denied: 'Renewal drafts are prepared by the co-op itself.',
  events: [invoiceDrafted, invoiceRenewalPrepared],
  async run(tx, { agreementId, termStartsOn, termEndsOn }, ctx) {
    const agreement = await agreementForInvoicing(tx, ctx.coopId, agreementId, termStartsOn, {
      startsOn: termStartsOn,
      endsOn: termEndsOn,
    });
    // Only a term still ahead: an event read late (a consumer added to a running co-op reads
    // the log from its start) must not draft a term that began, perhaps invoiced by hand.
    if (
      (agreement.status !== 'active' && agreement.status !== 'cancelled') ||
      termStartsOn <= agreement.currentTerm.endsOn
    )
      return { prepared: [] as string[] };
    const servesUntil = agreement.servesUntil;
    const periods = agreement.periods.filter(
      (p) => servesUntil === null || p.startsOn <= servesUntil,
    );
    if (periods.length === 0) return { prepared: [] as string[] };
    const settings = await invoicingSettingsOf(tx, ctx.coopId);
    const buyer = await resolveBuyer(tx, ctx, { organizationId: agreement.organizationId });
    const vat = renewalVat(
      { country: settings.country, vatId: settings.vatId },
      { country: buyer.details.country, vatId: buyer.details.vatId },
      settings.standardVatRate,
    );
    const digits = minorDigits(agreement.currency);
    const prepared: string[] = [];
    for (const period of periods) {
      const lines = period.lines.map((l) => ({
        description: l.description,
        quantity: String(l.quantity),
        unitPrice: formatAmount(l.unitPriceMinor, agreement.currency),
        unitCode: 'C62',
        vatCategory: vat.category,
        vatRate: vat.rate,
      }));
      if (lines.length === 0) continue;
      const draft = {
        organizationId: agreement.organizationId,
        agreementId,
        purchaseOrder: agreement.purchaseOrder?.number ?? null,
        currency: agreement.currency,
      };
      const gross = computeTotals(lines, settings.rounding, digits).grossMinor;
      const heldReason = await holdReason(tx, ctx, draft, gross, period.startsOn);
      const [row] = await tx
        .insert(invoices)
        .values({
          coopId: ctx.coopId,
          kind: 'invoice',
          ...draft,
          buyer: buyer.details,
          buyerReference: agreement.buyerReference,
          rounding: settings.rounding,
          note: `Agreement ${agreement.number}, ${period.startsOn} to ${period.endsOn}.`,
          periodStart: period.startsOn,
          periodEnd: period.endsOn,
          renewalTermStartsOn: termStartsOn,
          heldReason,
          createdBy: ctx.actor.personId,
        })
        .onConflictDoNothing()
        .returning({ id: invoices.id });
      if (!row) continue;
      await writeLines(tx, ctx.coopId, row.id, lines, agreement.currency);
      await ctx.emit(invoiceDrafted, row.id, {
        kind: 'invoice',
        organizationId: agreement.organizationId,
        currency: agreement.currency,
        lines: lines.length,
      });
      await ctx.emit(invoiceRenewalPrepared, row.id, {
        agreementId,
        termStartsOn,
        periodStart: period.startsOn,
        periodEnd: period.endsOn,
        vatCategory: vat.category,
        heldReason,
      });
      prepared.push(row.id);
    }
    return { prepared };
  },
});

/**
 * A cancelled agreement stops its renewal drafts: the prepared drafts for periods after the last
 * day it serves are deleted (a draft was never an invoice). Those it still owes (a cancellation
 * past the notice deadline owes the next term) stay; finalised invoices never change.
 */
export const withdrawRenewalDrafts = defineCommand({
  name: 'invoicing.withdrawRenewalDrafts',
  input: z.strictObject({ agreementId: z.uuid(), servesUntil: z.iso.date() }),
  policy: invoicingPolicy.issue,
  denied: 'Renewal drafts are withdrawn by the co-op itself.',
  events: [invoiceDraftChanged],
  async run(tx, { agreementId, servesUntil }, ctx) {
    const gone = await tx
      .delete(invoices)
      .where(
        and(
          eq(invoices.coopId, ctx.coopId),
          eq(invoices.agreementId, agreementId),
          eq(invoices.status, 'draft'),
          isNotNull(invoices.renewalTermStartsOn),
          gt(invoices.periodStart, servesUntil),
        ),
      )
      .returning({ id: invoices.id });
    for (const { id } of gone) await ctx.emit(invoiceDraftChanged, id, { deleted: true, lines: 0 });
    return { withdrawn: gone.map((g) => g.id) };
  },
});

/** A purchase order was recorded: the agreement's held drafts are judged again. */
export const reviewHeldDrafts = defineCommand({
  name: 'invoicing.reviewHeldDrafts',
  input: z.strictObject({ agreementId: z.uuid() }),
  policy: invoicingPolicy.issue,
  denied: 'Held drafts are reviewed by the co-op itself.',
  events: [invoiceHoldChanged],
  async run(tx, { agreementId }, ctx) {
    const held = await tx
      .select()
      .from(invoices)
      .where(
        and(
          eq(invoices.coopId, ctx.coopId),
          eq(invoices.agreementId, agreementId),
          eq(invoices.status, 'draft'),
          isNotNull(invoices.heldReason),
        ),
      )
      .orderBy(asc(invoices.periodStart))
      .for('update');
    let released = 0;
    for (const draft of held) if ((await judgeHold(tx, ctx, draft)) === null) released++;
    return { released, stillHeld: held.length - released };
  },
});
