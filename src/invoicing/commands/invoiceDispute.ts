import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { defineCommand } from '../../platform/commands.ts';
import { conflict } from '../../platform/errors.ts';
import { invoiceDisputeChanged } from '../events.ts';
import { invoicingPolicy } from '../policy.ts';
import { loadInvoice } from '../repository.ts';
import { invoices } from '../schema.ts';

/** A disputed invoice gets no reminders until the dispute is over; its document is unchanged. */
export const setInvoiceDispute = defineCommand({
  name: 'invoicing.setInvoiceDispute',
  input: z.strictObject({
    invoiceId: z.uuid(),
    disputed: z.boolean(),
    reason: z.string().trim().max(1000).default(''),
  }),
  policy: invoicingPolicy.settle,
  denied: 'The chief economist marks disputes.',
  events: [invoiceDisputeChanged],
  async run(tx, input, ctx) {
    const invoice = await loadInvoice(tx, ctx.coopId, input.invoiceId, { forUpdate: true });
    if (invoice.kind !== 'invoice' || invoice.status === 'draft')
      throw conflict('Only a finalised invoice can be disputed.').because('invoice.dispute-draft');
    await tx
      .update(invoices)
      .set({ disputed: input.disputed })
      .where(and(eq(invoices.coopId, ctx.coopId), eq(invoices.id, input.invoiceId)));
    await ctx.emit(invoiceDisputeChanged, input.invoiceId, {
      disputed: input.disputed,
      reason: input.reason,
    });
    return { id: input.invoiceId, disputed: input.disputed };
  },
});
