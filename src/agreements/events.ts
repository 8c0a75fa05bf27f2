import { z } from 'zod';
import { defineEvent } from '../platform/events/registry.ts';

export const tierCreated = defineEvent({
  name: 'tier.created',
  subject: 'tier',
  summary: 'A sponsorship tier was added, at version 1.',
  data: z.object({
    slug: z.string(),
    name: z.string(),
    tierVersionId: z.uuid(),
    price: z.string(),
    currency: z.string(),
    periodMonths: z.number().int(),
  }),
});

export const tierRevised = defineEvent({
  name: 'tier.revised',
  subject: 'tier',
  summary:
    'A tier got a new version (price or entitlements); agreements keep the version they pinned.',
  data: z.object({
    version: z.number().int(),
    tierVersionId: z.uuid(),
    name: z.string(),
    price: z.string(),
    currency: z.string(),
    periodMonths: z.number().int(),
  }),
});

export const tierListingChanged = defineEvent({
  name: 'tier.listing-changed',
  subject: 'tier',
  summary: 'A tier was shown on or hidden from the public page, archived or offered again.',
  data: z.object({ published: z.boolean(), archived: z.boolean() }),
});

export const quoteDrafted = defineEvent({
  name: 'quote.drafted',
  subject: 'quote',
  summary: 'A quote was drafted for an organization.',
  data: z.object({
    number: z.string(),
    organizationId: z.uuid(),
    currency: z.string(),
    termTotal: z.string(),
    validUntil: z.iso.date(),
  }),
});

export const quoteUpdated = defineEvent({
  name: 'quote.updated',
  subject: 'quote',
  summary: 'A draft quote’s lines or terms changed.',
  data: z.object({ number: z.string(), termTotal: z.string() }),
});

export const quoteSent = defineEvent({
  name: 'quote.sent',
  subject: 'quote',
  summary:
    'A quote was rendered to PDF and its acceptance link mailed; the link itself is never in the log.',
  data: z.object({
    number: z.string(),
    documentVersionId: z.uuid(),
    sha256: z.string(),
    sentTo: z.string(),
  }),
});

export const quoteAccepted = defineEvent({
  name: 'quote.accepted',
  subject: 'quote',
  summary: 'The buyer accepted a quote through its link; the agreement it becomes was created.',
  data: z.object({
    number: z.string(),
    acceptanceId: z.uuid(),
    documentVersionId: z.uuid(),
    sha256: z.string(),
    agreementId: z.uuid(),
  }),
});

export const quoteClosed = defineEvent({
  name: 'quote.closed',
  subject: 'quote',
  summary: 'A quote was declined by the buyer or withdrawn by the co-op.',
  data: z.object({ number: z.string(), status: z.enum(['declined', 'withdrawn']) }),
});

const agreementSummary = {
  number: z.string(),
  organizationId: z.uuid(),
  currency: z.string(),
  currentTermStartsOn: z.iso.date(),
  currentTermEndsOn: z.iso.date(),
};

export const agreementCreated = defineEvent({
  name: 'agreement.created',
  subject: 'agreement',
  summary: 'An agreement was made (from an accepted quote or recorded by an officer).',
  data: z.object({
    ...agreementSummary,
    quoteId: z.uuid().nullable(),
    autoRenew: z.boolean(),
    perPeriod: z.string(),
    billingPeriodMonths: z.number().int(),
  }),
});

export const agreementUpdated = defineEvent({
  name: 'agreement.updated',
  subject: 'agreement',
  summary:
    'An agreement’s administrative details changed (buyer reference, billing contacts, renewal, hackers); `fields` names which.',
  data: z.object({ fields: z.array(z.string()) }),
});

export const agreementRenewalTermDue = defineEvent({
  name: 'agreement.renewal-term-due',
  subject: 'agreement',
  summary:
    'A term ends in `daysBefore` days: renewal notices go out and the next term’s invoices can be prepared.',
  data: z.object({
    ...agreementSummary,
    daysBefore: z.number().int(),
    autoRenew: z.boolean(),
    nextTermStartsOn: z.iso.date().nullable(),
    nextTermEndsOn: z.iso.date().nullable(),
    /** The last day a cancellation stops the renewal. */
    noticeDeadline: z.iso.date(),
  }),
});

export const agreementRenewed = defineEvent({
  name: 'agreement.renewed',
  subject: 'agreement',
  summary: 'An auto-renewing agreement entered its next term.',
  data: z.object(agreementSummary),
});

export const agreementEnded = defineEvent({
  name: 'agreement.ended',
  subject: 'agreement',
  summary: 'An agreement reached its last day without renewal (or after its cancellation).',
  data: z.object({ number: z.string(), organizationId: z.uuid(), endsOn: z.iso.date() }),
});

export const agreementCancelled = defineEvent({
  name: 'agreement.cancelled',
  subject: 'agreement',
  summary:
    'An agreement was cancelled: it serves until `endsOn` and never renews; invoicing stops after it.',
  data: z.object({
    number: z.string(),
    organizationId: z.uuid(),
    endsOn: z.iso.date(),
    reason: z.string(),
    /** Whether the notice period was respected (otherwise the next term is still owed). */
    withinNotice: z.boolean(),
  }),
});

export const purchaseOrderRecorded = defineEvent({
  name: 'purchase-order.recorded',
  subject: 'purchase-order',
  summary: 'A buyer’s purchase order (number, amount, validity) was recorded on an agreement.',
  data: z.object({
    agreementId: z.uuid(),
    number: z.string(),
    amount: z.string(),
    currency: z.string(),
    validFrom: z.iso.date(),
    validUntil: z.iso.date(),
  }),
});

export const purchaseOrderDrawn = defineEvent({
  name: 'purchase-order.drawn',
  subject: 'purchase-order',
  summary: 'An invoice drew on a purchase order; `remaining` is what is left after it.',
  data: z.object({
    drawId: z.uuid(),
    reference: z.string(),
    amount: z.string(),
    remaining: z.string(),
    standing: z.enum(['ok', 'warn']),
    reason: z.string().nullable(),
  }),
});

export const purchaseOrderDrawReleased = defineEvent({
  name: 'purchase-order.draw-released',
  subject: 'purchase-order',
  summary: 'A draw on a purchase order was released (its invoice was cancelled or credited).',
  data: z.object({ drawId: z.uuid(), reference: z.string(), amount: z.string() }),
});

export const hackerServiceHoursSet = defineEvent({
  name: 'capacity.service-hours-set',
  subject: 'person',
  summary: 'The hours a hacker gives sponsor service each month were set (capacity planning).',
  data: z.object({ hoursPerMonth: z.number().int().nullable() }),
});
