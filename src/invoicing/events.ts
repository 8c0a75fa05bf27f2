import { z } from 'zod';
import { defineEvent } from '../platform/events/registry.ts';

const subject = 'invoice';

export const invoiceDrafted = defineEvent({
  name: 'invoice.drafted',
  subject,
  summary: 'An invoice or credit note was drafted (no number yet).',
  data: z.object({
    kind: z.enum(['invoice', 'credit-note']),
    organizationId: z.uuid(),
    currency: z.string(),
    lines: z.number().int(),
  }),
});

export const invoiceDraftChanged = defineEvent({
  name: 'invoice.draft-changed',
  subject,
  summary: 'A draft invoice was changed, or deleted (`deleted` true).',
  data: z.object({ deleted: z.boolean(), lines: z.number().int() }),
});

export const invoiceFinalized = defineEvent({
  name: 'invoice.finalized',
  subject,
  summary:
    'An invoice or credit note was finalised: it took the next number of its series and posted its receivable, income and VAT.',
  data: z.object({
    kind: z.enum(['invoice', 'credit-note']),
    number: z.string(),
    organizationId: z.uuid(),
    currency: z.string(),
    net: z.string(),
    tax: z.string(),
    gross: z.string(),
    dueDate: z.iso.date().nullable(),
    entryId: z.uuid(),
    creditedInvoiceId: z.uuid().nullable(),
  }),
});

export const invoiceSettled = defineEvent({
  name: 'invoice.settled',
  subject,
  summary:
    'A payment (by hand or from a bank line) or a credit note settled part or all of an invoice; the data holds its new state.',
  data: z.object({
    number: z.string(),
    via: z.enum(['payment', 'bank-line', 'credit-note']),
    amount: z.string(),
    currency: z.string(),
    settled: z.string(),
    status: z.string(),
    entryId: z.uuid().nullable(),
  }),
});

export const invoiceDisputeChanged = defineEvent({
  name: 'invoice.dispute-changed',
  subject,
  summary: 'An invoice was marked disputed (reminders pause) or the dispute ended.',
  data: z.object({ disputed: z.boolean(), reason: z.string() }),
});

export const invoiceReminderSent = defineEvent({
  name: 'invoice.reminder-sent',
  subject,
  summary: 'A dunning stage (a reminder, a final notice) was mailed for an overdue invoice.',
  data: z.object({
    number: z.string(),
    stage: z.number().int(),
    label: z.string(),
    to: z.string(),
  }),
});

export const invoicingSettingsChanged = defineEvent({
  name: 'invoicing.settings-changed',
  subject: 'coop',
  summary: 'The seller details, numbering prefixes, terms or dunning stages were changed.',
  data: z.object({ fields: z.array(z.string()) }),
});

export const invoiceRenewalPrepared = defineEvent({
  name: 'invoice.renewal-prepared',
  subject,
  summary:
    'A renewal prepared the draft invoice of a billing period of an agreement’s next term; `heldReason` says why it waits for a purchase order.',
  data: z.object({
    agreementId: z.uuid(),
    termStartsOn: z.iso.date(),
    periodStart: z.iso.date(),
    periodEnd: z.iso.date(),
    vatCategory: z.string(),
    heldReason: z.string().nullable(),
  }),
});

export const invoiceHoldChanged = defineEvent({
  name: 'invoice.hold-changed',
  subject,
  summary:
    'A prepared draft was held (its purchase order ran out) or released (a purchase order covers it now).',
  data: z.object({ held: z.boolean(), reason: z.string().nullable() }),
});

export const invoiceSent = defineEvent({
  name: 'invoice.sent',
  subject,
  summary:
    'A final invoice or credit note was sent to the buyer’s billing contacts, with its PDF and e-invoice attached.',
  data: z.object({
    sendingId: z.uuid(),
    number: z.string(),
    kind: z.enum(['invoice', 'credit-note']),
    transport: z.enum(['mail']),
    format: z.enum(['ubl', 'xrechnung', 'cii']),
    to: z.array(z.string()),
  }),
});
