import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { organizationCreated } from '../../organizations/events.ts';
import { defineCommand } from '../../platform/commands.ts';
import { conflict } from '../../platform/errors.ts';
import { invoiceDraftChanged } from '../events.ts';
import { invoiceDraftSchema } from '../input.ts';
import { invoicingPolicy } from '../policy.ts';
import { loadInvoice } from '../repository.ts';
import { invoiceLines, invoices } from '../schema.ts';
import { assertLines, resolveBuyer, writeLines } from './createInvoice.ts';

/** Replaces a draft's buyer, terms and lines; a finalised invoice never changes. */
export const editDraft = defineCommand({
  name: 'invoicing.editDraft',
  input: z.strictObject({ invoiceId: z.uuid(), draft: invoiceDraftSchema }),
  policy: invoicingPolicy.issue,
  denied: 'The chief economist edits invoices.',
  events: [invoiceDraftChanged, organizationCreated],
  async run(tx, { invoiceId, draft }, ctx) {
    const invoice = await loadInvoice(tx, ctx.coopId, invoiceId, { forUpdate: true });
    if (invoice.status !== 'draft')
      throw conflict(
        `Invoice ${invoice.number} is final: it never changes. Issue a credit note.`,
      ).because('invoice.final', { number: invoice.number ?? '' });
    const buyer = await resolveBuyer(tx, ctx, draft.buyer);
    if (invoice.kind === 'credit-note' && buyer.organizationId !== invoice.organizationId)
      throw conflict('A credit note goes to the buyer of the invoice it corrects.').because(
        'credit-note.other-buyer',
      );
    const currency =
      invoice.kind === 'credit-note' ? invoice.currency : (draft.currency ?? invoice.currency);
    assertLines(draft.lines, currency);
    await tx
      .update(invoices)
      .set({
        organizationId: buyer.organizationId,
        buyer: buyer.details,
        currency,
        issueDate: draft.issueDate ?? null,
        dueDate: draft.dueDate ?? null,
        deliveryDate: draft.deliveryDate ?? null,
        periodStart: draft.period?.start ?? null,
        periodEnd: draft.period?.end ?? null,
        buyerReference: draft.buyerReference ?? null,
        purchaseOrder: draft.purchaseOrder ?? null,
        agreementId: draft.agreementId ?? null,
        rounding: draft.rounding ?? invoice.rounding,
        note: draft.note ?? '',
        exemptionReason: draft.exemptionReason ?? null,
      })
      .where(and(eq(invoices.coopId, ctx.coopId), eq(invoices.id, invoiceId)));
    await tx
      .delete(invoiceLines)
      .where(and(eq(invoiceLines.coopId, ctx.coopId), eq(invoiceLines.invoiceId, invoiceId)));
    await writeLines(tx, ctx.coopId, invoiceId, draft.lines, currency);
    await ctx.emit(invoiceDraftChanged, invoiceId, { deleted: false, lines: draft.lines.length });
    return { id: invoiceId };
  },
});

/** A draft was never an invoice: it may go. A finalised one never does. */
export const deleteDraft = defineCommand({
  name: 'invoicing.deleteDraft',
  input: z.strictObject({ invoiceId: z.uuid() }),
  policy: invoicingPolicy.issue,
  denied: 'The chief economist deletes draft invoices.',
  events: [invoiceDraftChanged],
  async run(tx, { invoiceId }, ctx) {
    const invoice = await loadInvoice(tx, ctx.coopId, invoiceId, { forUpdate: true });
    if (invoice.status !== 'draft')
      throw conflict(
        `Invoice ${invoice.number} is final: it is never deleted. Issue a credit note.`,
      ).because('invoice.final-not-deleted', { number: invoice.number ?? '' });
    await tx
      .delete(invoices)
      .where(and(eq(invoices.coopId, ctx.coopId), eq(invoices.id, invoiceId)));
    await ctx.emit(invoiceDraftChanged, invoiceId, { deleted: true, lines: 0 });
    return { id: invoiceId };
  },
});
